/**
 * Why an engine process ended, in words a user can act on. The spawners report what the operating
 * system and the runtime told them; this module decides what it means.
 *
 * Out of memory shows up in three ways, all recognised here:
 *   - V8 heap exhausted in a Node child: "FATAL ERROR: … Allocation failed - JavaScript heap out of
 *     memory" on stderr, then abort() — signal SIGABRT (exit code 134 where signals become codes).
 *   - The same under Electron's utilityProcess: its `error` event (type "FatalError", with the V8
 *     location such as "Reached heap limit"), then `exit`.
 *   - Chromium's own allocator failing on Windows: exit code 0xE0000008 (base::win::kOomExceptionCode).
 * A SIGKILL (or code 137 = 128 + 9, how Chromium reports it on POSIX) comes from outside the process:
 * another program, or the Linux kernel's OOM killer when the whole machine runs short of memory.
 */
import type { EngineExitReason } from '../../shared/protocol';

/** What a spawner knows about an engine process that ended. */
export interface EngineExit {
  code: number | null;
  signal: string | null;
  /** Electron utilityProcess `error` event (a V8 fatal error): its location and report. */
  fatalError?: string;
  /** The last lines the process wrote to stderr/stdout (oldest first). */
  outputTail?: readonly string[];
}

/** Chromium's exception code for a failed allocation on Windows (base/win/win_util.h). */
const WINDOWS_OOM_EXCEPTION = 0xe0000008;
const OOM_TEXT = /out of memory|heap limit|allocation failed|\boom\b/i;

export function exitReason(exit: EngineExit): EngineExitReason {
  if (exit.fatalError !== undefined && OOM_TEXT.test(exit.fatalError)) return 'out-of-memory';
  if (exit.outputTail?.some((line) => OOM_TEXT.test(line))) return 'out-of-memory';
  if (exit.code === WINDOWS_OOM_EXCEPTION || exit.code === WINDOWS_OOM_EXCEPTION - 2 ** 32)
    return 'out-of-memory';
  if (exit.signal === 'SIGKILL' || (exit.signal === null && exit.code === 137)) return 'killed';
  return 'exited';
}

/** "exited with code 70" / "was stopped by signal SIGABRT": the technical part, for the details line. */
export function describeExit(exit: EngineExit): string {
  if (exit.signal) return `was stopped by signal ${exit.signal}`;
  return `exited with code ${exit.code}`;
}

/** The technical cause in words any language can show: "signal SIGKILL", "exit code 70". */
export function exitDetail(exit: EngineExit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}

/** The sentence shown to the user when the engine ends while the app is running. */
export function crashMessage(exit: EngineExit, restarted: boolean): string {
  const reason = exitReason(exit);
  let how = describeExit(exit);
  if (reason === 'killed') how += ', sent by another program or by the system when memory ran low';
  const what =
    reason === 'out-of-memory'
      ? `The computing engine ran out of memory (it ${how})`
      : restarted
        ? `The computing engine stopped unexpectedly (it ${how})`
        : `The computing engine keeps stopping (it ${how})`;
  const next = restarted
    ? ' and has been restarted. The operation that was running did not finish'
    : '; it will not be restarted automatically. Save your work and restart Mixture Lab';
  const advice =
    reason === 'out-of-memory'
      ? '. Try fewer rows or columns, or fewer clusters (K), or close other programs, then run it again.'
      : restarted
        ? '; please run it again.'
        : '.';
  return what + next + advice;
}
