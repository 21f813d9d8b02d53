import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';

/**
 * The e2e and packaging tests need the renderer bundle. `npm test` builds everything first
 * (MIXLAB_SKIP_BUILD=1); a developer running one test file gets a fresh renderer build here.
 */
export function ensureRendererBuilt(): void {
  const index = path.join(repoRoot, 'out/renderer/index.html');
  if (process.env.MIXLAB_SKIP_BUILD === '1' && existsSync(index)) return;
  execFileSync(process.execPath, ['scripts/build.mjs', '--renderer-only'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
}
