/** Starts the engine entry with Electron's utilityProcess (the app's way; tests use nodeEngineSpawner). */
import { utilityProcess } from 'electron';
import type { EngineChannel, EngineSpawner } from './engineClient';

export function electronEngineSpawner(enginePath: string): EngineSpawner {
  return () => {
    const child = utilityProcess.fork(enginePath, [], {
      serviceName: 'Mixture Lab engine',
      stdio: 'inherit',
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
          listener(code, null);
        });
      },
      kill() {
        if (!exited) child.kill();
      },
    } satisfies EngineChannel;
  };
}
