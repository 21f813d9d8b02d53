import { describe, expect, it } from 'vitest';
import {
  logChildProcessGone,
  logPageProblems,
  type DiagnosedApp,
  type DiagnosedContents,
} from '../../../electron/main/windowDiagnostics';

/** An emitter stand-in for webContents and app: records listeners, fires Electron's event arguments. */
function emitter() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  return {
    on: (event: string, listener: (...args: unknown[]) => void) => listeners.set(event, listener),
    fire: (event: string, ...args: unknown[]) => listeners.get(event)!({}, ...args),
  };
}

describe('window diagnostics in main.log', () => {
  it('logs a failed load, a renderer that is gone and a preload exception, with their causes', () => {
    const contents = emitter();
    const lines: string[] = [];
    logPageProblems(contents as unknown as DiagnosedContents, (l) => lines.push(l));
    contents.fire('did-fail-load', -6, 'ERR_FILE_NOT_FOUND', 'app://mixlab/index.html', true);
    contents.fire('did-fail-load', -3, 'ERR_ABORTED', 'app://mixlab/index.html', true); // a reload: not a failure
    contents.fire('render-process-gone', { reason: 'crashed', exitCode: 133 });
    const error = new TypeError("Cannot read properties of undefined (reading 'invoke')");
    contents.fire('preload-error', '/opt/Mixture Lab/resources/app.asar/out/preload/preload.cjs', error);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('page failed to load: app://mixlab/index.html — ERR_FILE_NOT_FOUND (-6)');
    expect(lines[1]).toBe("the page's renderer process is gone: crashed (exit code 133)");
    expect(lines[2]).toContain('preload.cjs threw: TypeError: Cannot read properties of undefined');
  });

  it('logs a child process that went away: its type, name, reason and exit code', () => {
    const app = emitter();
    const lines: string[] = [];
    logChildProcessGone(app as unknown as DiagnosedApp, (l) => lines.push(l));
    app.fire('child-process-gone', {
      type: 'Utility',
      reason: 'oom',
      exitCode: 134,
      serviceName: 'Mixture Lab engine',
    });
    app.fire('child-process-gone', { type: 'GPU', reason: 'launch-failed', exitCode: 1002 });
    expect(lines).toEqual([
      'child process gone: Utility "Mixture Lab engine" — oom (exit code 134)',
      'child process gone: GPU — launch-failed (exit code 1002)',
    ]);
  });
});
