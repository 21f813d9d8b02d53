/**
 * Engine-process entry. The same file runs
 *   - under Electron's utilityProcess (messages on process.parentPort), started by the main process;
 *   - as a plain Node child (child_process.fork with serialization 'advanced'), in tests and tools.
 * Only this adapter knows the difference; everything else is EngineCore.
 */
import { EngineCore, type EngineTransport } from './engineCore';
import type { FromEngineMessage } from '../../shared/protocol';

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown, transfer?: unknown[]): void;
}

function utilityTransport(port: ParentPort): EngineTransport {
  return {
    send: (message: FromEngineMessage) => port.postMessage(message),
    onMessage: (listener) => port.on('message', (event) => listener(event.data)),
  };
}

function forkTransport(): EngineTransport {
  if (!process.send) throw new Error('engine process started without an IPC channel');
  const send = process.send.bind(process);
  return {
    send: (message: FromEngineMessage) => {
      send(message);
    },
    onMessage: (listener) => process.on('message', listener),
  };
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
const transport = parentPort ? utilityTransport(parentPort) : forkTransport();
new EngineCore(transport);
transport.send({ type: 'ready', pid: process.pid });

// The parent went away (main process quit or crashed): nothing left to serve.
process.on('disconnect', () => process.exit(0));
