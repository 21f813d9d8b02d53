// Builds every bundle the app ships: the Node/Electron side with esbuild (one CommonJS file per
// process entry, so the same engine entry runs under Electron's utilityProcess, child_process.fork
// and the CLI) and the renderer with Vite. Usage: node scripts/build.mjs [--node-only|--renderer-only]
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { chmodSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));

/** Node-side entries: [source, output]. Electron is provided by the runtime, never bundled. */
export const nodeEntries = [
  ['electron/main/main.ts', 'out/main/main.cjs'],
  ['electron/preload/preload.ts', 'out/preload/preload.cjs'],
  ['electron/engine/engineProcess.ts', 'out/engine/engine.cjs'],
  ['electron/engine/emWorker.ts', 'out/engine/worker.cjs'],
  ['electron/engine/sweepWorker.ts', 'out/engine/sweepWorker.cjs'],
  ['electron/cli/mixlab.ts', 'out/cli/mixlab.cjs'],
];

async function buildNode() {
  await Promise.all(
    nodeEntries.map(([src, out]) =>
      build({
        entryPoints: [path.join(root, src)],
        outfile: path.join(root, out),
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        external: ['electron'],
        // WebAssembly decoders (the image import's WebP) are embedded as bytes, never read from disk.
        loader: { '.wasm': 'binary' },
        sourcemap: false,
        legalComments: 'none',
        logLevel: 'warning',
        banner: out.includes('/cli/') ? { js: '#!/usr/bin/env node' } : undefined,
      }),
    ),
  );
  chmodSync(path.join(root, 'out/cli/mixlab.cjs'), 0o755);
}

async function buildRenderer() {
  await viteBuild({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
}

if (!args.has('--renderer-only') && !args.has('--node-only'))
  rmSync(path.join(root, 'out'), { recursive: true, force: true });
if (!args.has('--renderer-only')) await buildNode();
if (!args.has('--node-only')) await buildRenderer();
console.log('build: done');
