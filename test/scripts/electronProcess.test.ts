import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  electronEnvironment,
  exitStatusOf,
  isMainModule,
  runElectron,
  signalReport,
} from '../../scripts/electronProcess.mjs';

/** A stand-in Electron: a shell script in a folder whose path has a space. */
function fakeElectron(body: string): { binary: string; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'mixlab electron '));
  const binary = path.join(dir, 'electron');
  writeFileSync(binary, `#!/bin/sh\n${body}\n`);
  chmodSync(binary, 0o755);
  return { binary, dir };
}

describe('npm start: how Electron is run', () => {
  it('ends non-zero when Electron dies by a signal, and says how to fix the Ubuntu 24.04 sandbox', async () => {
    const { binary, dir } = fakeElectron('kill -TRAP $$');
    const lines: string[] = [];
    const status = await runElectron(binary, ['.'], { platform: 'linux', report: (l) => lines.push(l) });
    expect(status).toBe(128 + 5); // SIGTRAP is 5
    const text = lines.join('\n');
    expect(text).toContain('Electron stopped with signal SIGTRAP.');
    expect(text).toContain(`sudo chown root:root "${path.join(dir, 'chrome-sandbox')}"`);
    expect(text).toContain(`sudo chmod 4755 "${path.join(dir, 'chrome-sandbox')}"`);
    expect(text).toContain(`profile mixture-lab-electron "${binary}" flags=(unconfined) {`);
    expect(text).toContain('userns,');
    expect(text).toContain('sudo apparmor_parser -r /etc/apparmor.d/mixture-lab-electron');
    expect(text).not.toContain('--no-sandbox');
  });

  it('passes Electron’s own exit code through, and says nothing when it exits normally', async () => {
    const { binary } = fakeElectron('exit 3');
    const lines: string[] = [];
    await expect(runElectron(binary, [], { report: (l) => lines.push(l) })).resolves.toBe(3);
    expect(lines).toEqual([]);
  });

  it('starts Electron without ELECTRON_RUN_AS_NODE (which would make it a plain Node.js)', async () => {
    const { binary, dir } = fakeElectron(
      'echo "run-as-node=[${ELECTRON_RUN_AS_NODE-unset}] keep=[$KEEP]" > "$(dirname "$0")/env.txt"',
    );
    const status = await runElectron(binary, [], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', KEEP: 'yes' },
      report: () => undefined,
    });
    expect(status).toBe(0);
    expect(readFileSync(path.join(dir, 'env.txt'), 'utf8').trim()).toBe('run-as-node=[unset] keep=[yes]');
    expect(electronEnvironment({ ELECTRON_RUN_AS_NODE: '1', PATH: '/bin' })).toEqual({ PATH: '/bin' });
  });

  it('reports a binary that cannot be started instead of throwing', async () => {
    const lines: string[] = [];
    await expect(runElectron('/nonexistent/electron', [], { report: (l) => lines.push(l) })).resolves.toBe(1);
    expect(lines[0]).toMatch(/^Could not start Electron/);
  });

  it('gives sandbox advice only for a crash on Linux, not for a stop request or another OS', () => {
    const options = { platform: 'linux' as const, electronBinary: '/x/electron' };
    expect(signalReport('SIGTERM', options)).toEqual(['Electron stopped with signal SIGTERM.']);
    expect(signalReport('SIGTRAP', { ...options, platform: 'darwin' })).toEqual([
      'Electron stopped with signal SIGTRAP.',
    ]);
    expect(signalReport('SIGABRT', options).length).toBeGreaterThan(1);
  });

  it('computes the status a shell reports for a killed process', () => {
    expect(exitStatusOf(0, null)).toBe(0);
    expect(exitStatusOf(null, 'SIGKILL')).toBe(137);
    expect(exitStatusOf(null, 'SIGTERM')).toBe(143);
    expect(exitStatusOf(null, null)).toBe(1);
  });
});

describe('isMainModule (scripts run directly)', () => {
  it('recognises the script from a path with spaces', () => {
    const file = '/home/ana/My Projects/mixture lab/scripts/install-electron.mjs';
    expect(isMainModule(pathToFileURL(file).href, file, 'linux')).toBe(true);
    // What the old comparison `import.meta.url === file://${argv[1]}` missed.
    expect(pathToFileURL(file).href).not.toBe(`file://${file}`);
    expect(isMainModule(pathToFileURL(file).href, '/home/ana/other.mjs', 'linux')).toBe(false);
    expect(isMainModule(pathToFileURL(file).href, undefined, 'linux')).toBe(false);
  });

  it('recognises the script on Windows (drive letter, backslashes, case, spaces)', () => {
    const url = 'file:///C:/Users/Ana%20B/mixture-lab/scripts/install-electron.mjs';
    expect(isMainModule(url, 'C:\\Users\\Ana B\\mixture-lab\\scripts\\install-electron.mjs', 'win32')).toBe(
      true,
    );
    expect(isMainModule(url, 'c:\\users\\ana b\\mixture-lab\\scripts\\install-electron.mjs', 'win32')).toBe(
      true,
    );
    expect(isMainModule(url, 'C:\\Users\\Ana B\\mixture-lab\\scripts\\start.mjs', 'win32')).toBe(false);
  });
});
