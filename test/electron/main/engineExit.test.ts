import { describe, expect, it } from 'vitest';
import { crashMessage, describeExit, exitReason } from '../../../electron/main/engineExit';

const V8_OOM = 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory';

describe('exitReason', () => {
  it('recognises a V8 heap exhaustion from the last output lines (Node child: SIGABRT)', () => {
    expect(
      exitReason({ code: null, signal: 'SIGABRT', outputTail: ['<--- JS stacktrace --->', V8_OOM] }),
    ).toBe('out-of-memory');
  });

  it("recognises Electron's FatalError event and Chromium's Windows OOM exception code", () => {
    expect(exitReason({ code: 133, signal: null, fatalError: 'FatalError: Reached heap limit' })).toBe(
      'out-of-memory',
    );
    expect(exitReason({ code: 0xe0000008, signal: null })).toBe('out-of-memory');
    expect(exitReason({ code: 0xe0000008 - 2 ** 32, signal: null })).toBe('out-of-memory');
  });

  it('tells a kill from outside (SIGKILL, or 137 = 128 + 9 from utilityProcess) from other exits', () => {
    expect(exitReason({ code: null, signal: 'SIGKILL' })).toBe('killed');
    expect(exitReason({ code: 137, signal: null })).toBe('killed');
    expect(exitReason({ code: 70, signal: null, outputTail: ['some warning'] })).toBe('exited');
    expect(exitReason({ code: null, signal: 'SIGABRT', outputTail: [] })).toBe('exited');
  });
});

describe('crashMessage', () => {
  it('says out of memory with what to try, without the V8 report', () => {
    const text = crashMessage({ code: null, signal: 'SIGABRT', outputTail: [V8_OOM] }, true);
    expect(text).toBe(
      'The computing engine ran out of memory (it was stopped by signal SIGABRT) and has been restarted. ' +
        'The operation that was running did not finish. Try fewer rows or columns, or fewer clusters (K), ' +
        'or close other programs, then run it again.',
    );
  });

  it('names a kill from outside and a plain exit, restarted or not', () => {
    expect(crashMessage({ code: null, signal: 'SIGKILL' }, true)).toMatch(
      /^The computing engine stopped unexpectedly \(it was stopped by signal SIGKILL, sent by another program or by the system when memory ran low\) and has been restarted\./,
    );
    expect(crashMessage({ code: 70, signal: null }, true)).toBe(
      'The computing engine stopped unexpectedly (it exited with code 70) and has been restarted. ' +
        'The operation that was running did not finish; please run it again.',
    );
    expect(crashMessage({ code: 70, signal: null }, false)).toBe(
      'The computing engine keeps stopping (it exited with code 70); it will not be restarted ' +
        'automatically. Save your work and restart Mixture Lab.',
    );
  });

  it('describes the exit technically for the log', () => {
    expect(describeExit({ code: 3, signal: null })).toBe('exited with code 3');
    expect(describeExit({ code: null, signal: 'SIGTERM' })).toBe('was stopped by signal SIGTERM');
  });
});
