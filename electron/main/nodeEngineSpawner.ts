/**
 * Starts the engine entry as a plain Node child process: used by tests, the e2e harness and any
 * tool that runs outside Electron. 'advanced' serialization = structured clone, so typed arrays
 * arrive as typed arrays, exactly as over Electron's utilityProcess.
 */
import { fork } from 'node:child_process';
import type { EngineChannel, EngineSpawner } from './engineClient';

export function nodeEngineSpawner(enginePath: string, execArgv: string[] = []): EngineSpawner {
  return () => {
    const child = fork(enginePath, [], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv,
    });
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
        child.once('exit', (code, signal) => {
          exited = true;
          listener(code, signal);
        });
        // A failed spawn emits 'error' and maybe no 'exit'.
        child.once('error', () => {
          if (!exited) {
            exited = true;
            listener(null, null);
          }
        });
      },
      kill() {
        if (!exited) child.kill();
      },
    } satisfies EngineChannel;
  };
}
