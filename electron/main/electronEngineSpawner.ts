/** Starts the engine entry with Electron's utilityProcess (the app's way; tests use nodeEngineSpawner). */
import { utilityProcess } from 'electron';
import type { EngineChannel, EngineSpawner } from './engineClient';
import type { EngineExit } from './engineExit';
import { inheritOutput, OutputTail, readLines, type EngineOutputSink } from './engineOutput';

export interface ElectronEngineSpawnerOptions {
  /** Where the engine's stdout/stderr lines go (engine.log); the main process's own streams by default. */
  output?: EngineOutputSink;
}

/** How long to wait, after `exit`, for the last output (V8's out-of-memory report) to arrive. */
const DRAIN_MS = 500;

export function electronEngineSpawner(
  enginePath: string,
  options: ElectronEngineSpawnerOptions = {},
): EngineSpawner {
  const output = options.output ?? inheritOutput;
  return () => {
    const child = utilityProcess.fork(enginePath, [], {
      serviceName: 'Mixture Lab engine',
      stdio: 'pipe',
    });
    const tail = new OutputTail();
    const flushOut = readLines(child.stdout, 'stdout', output, tail);
    const flushErr = readLines(child.stderr, 'stderr', output, tail);
    const drained = Promise.all([ended(child.stdout), ended(child.stderr)]);
    let fatalError: string | undefined;
    // A V8 fatal error (heap out of memory): Electron reports it before `exit` (experimental API).
    child.on('error', (type, location, report) => {
      fatalError = `${type}: ${location}${headerEvent(report)}`;
      output('stderr', `fatal error reported by Electron: ${fatalError}`);
    });
    let exited = false;
    return {
      get pid() {
        return child.pid;
      },
      post(message) {
        if (exited) throw new Error('the engine process is not running');
        child.postMessage(message);
      },
      onMessage(listener) {
        child.on('message', listener);
      },
      onExit(listener) {
        child.once('exit', (code) => {
          exited = true;
          void Promise.race([drained, new Promise((r) => setTimeout(r, DRAIN_MS))]).then(() => {
            flushOut();
            flushErr();
            // utilityProcess gives no signal: Chromium folds it into the code (128 + signal on POSIX).
            listener({ code, signal: null, fatalError, outputTail: tail.lines } satisfies EngineExit);
          });
        });
      },
      kill() {
        if (!exited) child.kill();
      },
    } satisfies EngineChannel;
  };
}

function ended(stream: NodeJS.ReadableStream | null): Promise<void> {
  if (!stream) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once('end', () => resolve());
    stream.once('close', () => resolve());
    stream.once('error', () => resolve());
  });
}

/** The Node diagnostic report's `header.event` ("Allocation failed - JavaScript heap out of memory"). */
function headerEvent(report: string): string {
  try {
    const event = (JSON.parse(report) as { header?: { event?: unknown } }).header?.event;
    return typeof event === 'string' ? ` (${event})` : '';
  } catch {
    return '';
  }
}
