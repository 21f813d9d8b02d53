import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Repository root and the built bundles the integration tests run (built by globalSetup). */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const enginePath = path.join(repoRoot, 'out/engine/engine.cjs');
export const workerPath = path.join(repoRoot, 'out/engine/worker.cjs');
export const cliPath = path.join(repoRoot, 'out/cli/mixlab.cjs');
export const fixturesDir = path.join(repoRoot, 'test/fixtures');
