/**
 * The built main bundle under a recording stand-in for `electron` (no Electron binary in tests):
 * a second launch asks for the single-instance lock and exits, and calls nothing else — no log,
 * protocol, autosave or engine set-up of its own.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/paths';

/**
 * Preloaded with -r: answers require('electron') with a proxy that records every call by its path
 * ("app.exit(0)", "protocol.registerSchemesAsPrivileged"); the lock is held when MIXLAB_LOCK=1.
 */
const RECORDER = `
const Module = require('module');
const calls = [];
function recorder(name) {
  return new Proxy(function () {}, {
    get(_target, prop) {
      if (typeof prop === 'symbol' || prop === 'then') return undefined;
      const member = name ? name + '.' + prop : prop;
      if (member === 'app.requestSingleInstanceLock')
        return () => (calls.push(member), process.env.MIXLAB_LOCK === '1');
      if (member === 'app.exit') return (code) => void calls.push(member + '(' + code + ')');
      return recorder(member);
    },
    apply(_target, _self, args) {
      calls.push(name);
      return recorder(name + '()');
    },
    construct() {
      calls.push('new ' + name);
      return recorder('new ' + name);
    },
  });
}
const electron = recorder('');
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? electron : load.call(this, request, ...rest);
};
process.on('exit', () => process.stdout.write('\\nCALLS ' + JSON.stringify(calls) + '\\n'));
`;

function runMain(lock: boolean): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'mixlab-main-'));
  const recorder = path.join(dir, 'recorder.cjs');
  writeFileSync(recorder, RECORDER);
  const run = spawnSync(process.execPath, ['-r', recorder, path.join(repoRoot, 'out/main/main.cjs')], {
    encoding: 'utf8',
    env: { ...process.env, MIXLAB_LOCK: lock ? '1' : '0', HOME: dir },
  });
  const line = run.stdout.split('\n').find((l) => l.startsWith('CALLS '));
  return JSON.parse(line!.slice('CALLS '.length)) as string[];
}

describe('main process entry', () => {
  it('a second launch, refused the lock, calls app.exit(0) and nothing else', () => {
    expect(runMain(false)).toEqual(['app.requestSingleInstanceLock', 'app.exit(0)']);
  });

  it('the first instance starts its set-up right after taking the lock', () => {
    const calls = runMain(true);
    expect(calls.slice(0, 2)).toEqual([
      'app.requestSingleInstanceLock',
      'protocol.registerSchemesAsPrivileged',
    ]);
    expect(calls).not.toContain('app.exit(0)');
  });
});
