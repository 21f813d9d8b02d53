// Fetches Electron's runtime binary (since Electron 42 `npm install` no longer does). Needs the
// internet. On failure it says so in one paragraph and points to what works offline — no stack trace.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isMainModule } from './electronProcess.mjs';

const require = createRequire(import.meta.url);

export function installElectron({ quiet = false } = {}) {
  const installer = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
  if (!quiet) console.log('Checking for the Electron runtime (downloaded once, on first start)…');
  const result = spawnSync(process.execPath, [installer], { encoding: 'utf8', timeout: 10 * 60_000 });
  if (result.status === 0) return true;
  const reason = `${result.stderr ?? ''}`
    .split('\n')
    .find((l) => /Error|ENOTFOUND|EAI_AGAIN|ECONN|getaddrinfo|fetch failed|timed out/i.test(l));
  console.error(
    [
      '',
      'Mixture Lab could not download the Electron runtime it needs to open its window.',
      reason ? `  (${reason.trim().replace(/^\s*at .*/, '')})` : '',
      'This needs an internet connection once; after that the app starts offline.',
      'Connect and run `npm start` again (or `npm run install-electron`).',
      '',
      'Everything else works without it:',
      '  npm run build && npx mixlab --help      the command line (inspect, fit)',
      '  npm test                                 all tests, including the UI in headless Chromium',
      '',
    ]
      .filter((l) => l !== '')
      .join('\n'),
  );
  return false;
}

// Run directly (`npm run install-electron`); also from a folder whose path has spaces, and on Windows.
if (isMainModule(import.meta.url, process.argv[1])) {
  process.exit(installElectron() ? 0 : 1);
}
