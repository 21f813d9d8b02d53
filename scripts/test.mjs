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

function hasCjkFont() {
  const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

/**
 * The end-to-end tests need Debian's Chromium, and the Chinese screenshots a CJK font. On a fresh
 * machine (running as root, as CI does) they are installed with apt; otherwise we say what to do.
 */
function ensureBrowserPackages() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (!hasCjkFont()) missing.push('fonts-noto-cjk');
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    if (!missing.includes('chromium')) {
      console.warn(
        'No CJK font found: Chinese text in screenshots will show as boxes (install fonts-noto-cjk).',
      );
      return;
    }
    console.error(`Chromium is needed for the end-to-end tests and was not found at ${CHROMIUM}.`);
    console.error('Install Debian\'s "chromium" package (or set CHROMIUM_PATH) and run npm test again.');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  console.log(`=== installing ${missing.join(', ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', ...missing],
  ]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) {
      console.error(`Could not install ${missing.join(', ')} with apt-get.`);
      console.log('0 passed, 1 failed');
      process.exit(1);
    }
  }
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
ensureBrowserPackages();
step('lint', npx, ['eslint', '.']);
step('format', npx, ['prettier', '--check', '.']);
step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('build', process.execPath, ['scripts/build.mjs']);
step('tests', npx, ['vitest', 'run'], { MIXLAB_SKIP_BUILD: '1' });
