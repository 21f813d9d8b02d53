/**
 * What every engine handler is and may use: the handler shape, its context and the transfer
 * wrapper. A leaf module: the handlers import it, the dispatch table (index.ts) and the engine core
 * import the handlers, and nothing here imports either, so the engine's modules form no cycle.
 */
import type { z } from 'zod';
import type { EngineKind, PayloadOf, ProgressOf, ResultOf } from '../../../shared/protocol';
import type { DatasetStore } from '../datasetStore';

export interface HandlerContext<P = unknown> {
  /** Aborted when the caller cancels; long loops check it between steps. */
  signal: AbortSignal;
  store: DatasetStore;
  /** Streams progress; throttled by the core unless `force` (use for the final 100 %). */
  progress(progress: P, force?: boolean): void;
}

/**
 * A handler of kind K. `schema` validates the caller's payload and `run` receives what it parsed:
 * `Parsed` is the payload with the schema's defaults filled in where a caller may leave them out
 * (itself a valid payload), PayloadOf<K> where the two are the same.
 */
export interface Handler<K extends EngineKind, Parsed extends PayloadOf<K> = PayloadOf<K>> {
  schema: z.ZodType<Parsed>;
  run(payload: Parsed, ctx: HandlerContext<ProgressOf<K>>): Promise<ResultOf<K> | Transferable<ResultOf<K>>>;
}

/** Handlers may return `{ result, transfer }` to hand typed-array buffers over without copying. */
export const TRANSFER: unique symbol = Symbol('transfer');
export interface Transferable<T> {
  result: T;
  [TRANSFER]: ArrayBuffer[];
}
export function withTransfer<T>(result: T, buffers: ArrayBuffer[]): Transferable<T> {
  return { result, [TRANSFER]: buffers };
}

/** The result and the buffers to transfer, whichever way the handler returned them. */
export function splitTransfer(value: unknown): { result: unknown; transfer?: ArrayBuffer[] } {
  if (value && typeof value === 'object' && TRANSFER in value) {
    const v = value as Transferable<unknown>;
    return { result: v.result, transfer: v[TRANSFER] };
  }
  return { result: value };
}
