/**
 * `npm run install-electron` run directly from a checkout whose path has spaces: the script must
 * see that it is the main module and run the installer (the old URL comparison silently did nothing).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths';

/** A copy of the scripts beside a stand-in `electron` package whose install.js exits with `code`. */
function checkout(code: number): string {
  const root = mkdtempSync(path.join(tmpdir(), 'mixture lab checkout '));
  mkdirSync(path.join(root, 'scripts'));
  for (const name of ['install-electron.mjs', 'electronProcess.mjs'])
    copyFileSync(path.join(repoRoot, 'scripts', name), path.join(root, 'scripts', name));
  const electron = path.join(root, 'node_modules', 'electron');
  mkdirSync(electron, { recursive: true });
  writeFileSync(path.join(electron, 'package.json'), '{"name":"electron","version":"45.4.1"}');
  writeFileSync(
    path.join(electron, 'install.js'),
    code === 0
      ? 'process.exit(0);'
      : 'console.error("Error: getaddrinfo ENOTFOUND github.com"); process.exit(1);',
  );
  return root;
}

describe('install-electron from a path with spaces', () => {
  it('runs the installer and succeeds when it does', () => {
    const root = checkout(0);
    const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'install-electron.mjs')], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Checking for the Electron runtime');
  });

  it('says what failed and exits 1 when the download fails', () => {
    const root = checkout(1);
    const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'install-electron.mjs')], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('could not download the Electron runtime');
    expect(run.stderr).toContain('ENOTFOUND github.com');
  });
});
