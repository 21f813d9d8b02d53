import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';

/** Tests import the engine's sources as they are: a .wasm import is its bytes, as the bundler embeds it (scripts/build.mjs). */
const wasmAsBytes: Plugin = {
  name: 'wasm-as-bytes',
  enforce: 'pre',
  load(id) {
    if (!id.endsWith('.wasm')) return null;
    const base64 = readFileSync(id).toString('base64');
    return `export default new Uint8Array(Buffer.from(${JSON.stringify(base64)}, 'base64'));`;
  },
};

export default defineConfig({
  plugins: [wasmAsBytes],
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['./test/support/globalSetup.ts'],
    // Through Vite rather than Node, so their .wasm imports meet the plugin above.
    server: { deps: { inline: [/@jsquash/] } },
    reporters: ['default', './test/support/countReporter.ts'],
  },
});
