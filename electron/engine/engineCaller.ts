/**
 * A typed way to send requests to an engine and await results, whatever carries the messages.
 * Used by the main process (over utilityProcess / child_process) and the CLI (in-process).
 */
import type { EngineKind, PayloadOf, ProgressOf, ResultOf } from '../../shared/protocol';

export interface CallOptions<K extends EngineKind> {
  onProgress?: (progress: ProgressOf<K>) => void;
  /** Aborting sends a cancel for this request; the call then rejects with code `cancelled`. */
  signal?: AbortSignal;
}

export interface EngineCaller {
  /**
   * Which engine process answers: changes when a crashed engine is replaced (its datasets are gone).
   * Constant for an in-process engine.
   */
  readonly generation?: number;
  call<K extends EngineKind>(kind: K, payload: PayloadOf<K>, options?: CallOptions<K>): Promise<ResultOf<K>>;
}
