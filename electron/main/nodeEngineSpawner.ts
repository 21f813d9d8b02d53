/**
 * Starts the engine entry as a plain Node child process: used by tests, the e2e harness and any
 * tool that runs outside Electron. 'advanced' serialization = structured clone, so typed arrays
 * arrive as typed arrays, exactly as over Electron's utilityProcess.
 */
import { fork } from 'node:child_process';
import type { EngineChannel, EngineSpawner } from './engineClient';
import type { EngineExit } from './engineExit';
import { inheritOutput, OutputTail, readLines, type EngineOutputSink } from './engineOutput';

export interface NodeEngineSpawnerOptions {
  /** Node flags for the child (tests: a small --max-old-space-size to meet an out-of-memory crash). */
  execArgv?: string[];
  /** Where the engine's output lines go; the parent's stdout/stderr by default. */
  output?: EngineOutputSink;
}

export function nodeEngineSpawner(enginePath: string, options: NodeEngineSpawnerOptions = {}): EngineSpawner {
  const sink = options.output ?? inheritOutput;
  return () => {
    const child = fork(enginePath, [], {
      serialization: 'advanced',
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      execArgv: options.execArgv ?? [],
    });
    const tail = new OutputTail();
    const flushOut = readLines(child.stdout, 'stdout', sink, tail);
    const flushErr = readLines(child.stderr, 'stderr', sink, tail);
    let exited = false;
    return {
      get pid() {
        return child.pid;
      },
      post(message) {
        if (exited || !child.connected) throw new Error('the engine process is not running');
        child.send(message);
      },
      onMessage(listener) {
        child.on('message', listener);
      },
      onExit(listener) {
        // 'close' comes after 'exit' once stdout and stderr are drained, so the tail holds the
        // process's last words (V8's out-of-memory report) when the exit is explained.
        child.once('close', (code, signal) => {
          if (exited) return;
          exited = true;
          flushOut();
          flushErr();
          listener({ code, signal, outputTail: tail.lines } satisfies EngineExit);
        });
        // A failed spawn emits 'error' and maybe no 'exit'.
        child.once('error', () => {
          if (!exited) {
            exited = true;
            listener({ code: null, signal: null, outputTail: tail.lines });
          }
        });
      },
      kill() {
        if (!exited) child.kill();
      },
    } satisfies EngineChannel;
  };
}
