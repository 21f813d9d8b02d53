/**
 * Caller-side bookkeeping of engine requests: ids, pending promises, progress callbacks, cancel.
 * Shared by the in-process engine (CLI) and the main process's EngineClient.
 */
import { type EngineKind, type FromEngineMessage, type ToEngineMessage } from '../../shared/protocol';
import { EngineError, ErrorCodes, cancelledError } from '../../shared/errors';
import type { CallOptions, EngineCaller } from './engineCaller';

interface Pending {
  kind: EngineKind;
  resolve(value: unknown): void;
  reject(err: EngineError): void;
  onProgress?: (progress: never) => void;
  cleanup(): void;
}

export class RequestTracker implements EngineCaller {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly post: (message: ToEngineMessage) => void) {}

  get inFlight(): number {
    return this.pending.size;
  }

  call<K extends EngineKind>(kind: K, payload: unknown, options: CallOptions<K> = {}): Promise<never> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (options.signal?.aborted) {
        reject(cancelledError());
        return;
      }
      const onAbort = () => this.post({ type: 'cancel', id });
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        kind,
        resolve: resolve as (value: unknown) => void,
        reject,
        onProgress: options.onProgress as ((progress: never) => void) | undefined,
        cleanup: () => options.signal?.removeEventListener('abort', onAbort),
      });
      try {
        this.post({ type: 'request', id, kind, payload: payload as never });
      } catch (err) {
        this.settle(id)?.reject(
          new EngineError(
            ErrorCodes.EngineUnavailable,
            `Could not reach the engine: ${(err as Error).message}`,
          ),
        );
      }
    });
  }

  /** Routes one message from the engine to its request. */
  receive(message: FromEngineMessage): void {
    if (message.type === 'ready') return;
    if (message.type === 'progress') {
      this.pending.get(message.id)?.onProgress?.(message.progress as never);
      return;
    }
    const entry = this.settle(message.id);
    if (!entry) return;
    if (message.type === 'result') entry.resolve(message.result);
    else entry.reject(new EngineError(message.error.code, message.error.message, message.error.details));
  }

  /** Fails every request in flight (the engine died); returns how many there were. */
  failAll(error: EngineError): number {
    const ids = [...this.pending.keys()];
    for (const id of ids) this.settle(id)?.reject(error);
    return ids.length;
  }

  private settle(id: number): Pending | undefined {
    const entry = this.pending.get(id);
    if (!entry) return undefined;
    this.pending.delete(id);
    entry.cleanup();
    return entry;
  }
}
