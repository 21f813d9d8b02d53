// `npm test`: everything CI checks, in order — Chromium present (installed with apt when missing and
// allowed), lint and format, type checks, a full build, then all vitest suites (unit, integration,
// packaging, end-to-end in headless Chromium). The count reporter prints `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function step(title, command, args, env = {}) {
  console.log(`\n=== ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n${title} failed.`);
    // A failing check before the test run still leaves the one line CI reads.
    if (title !== 'tests') console.log('0 passed, 1 failed');
    process.exit(result.status ?? 1);
  }
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(`Chromium is needed for the end-to-end tests and was not found at ${CHROMIUM}.`);
    console.error('Install Debian\'s "chromium" package (or set CHROMIUM_PATH) and run npm test again.');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  console.log('=== installing Debian chromium for the end-to-end tests');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'],
  ]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) {
      console.error('Could not install chromium with apt-get.');
      console.log('0 passed, 1 failed');
      process.exit(1);
    }
  }
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
ensureChromium();
step('lint', npx, ['eslint', '.']);
step('format', npx, ['prettier', '--check', '.']);
step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('build', process.execPath, ['scripts/build.mjs']);
step('tests', npx, ['vitest', 'run'], { MIXLAB_SKIP_BUILD: '1' });
