import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Integration tests run what ships: the engine process, its worker and the CLI as bundled files.
 * Build them once before the run (esbuild, about a second). MIXLAB_SKIP_BUILD=1 when the caller
 * (npm test) has just built everything.
 */
export default function setup(): void {
  if (process.env.MIXLAB_SKIP_BUILD === '1') return;
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, ['scripts/build.mjs', '--node-only'], { cwd: root, stdio: 'inherit' });
}
