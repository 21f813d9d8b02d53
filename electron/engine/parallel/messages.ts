/** Messages between the worker-thread executor and electron/engine/emWorker.ts. */
import type { RowJob, StepRequest } from '../../../shared/engine/steps';

export type WorkerRequest =
  /**
   * The fit's SharedArrayBuffer-backed arrays, sent once per fit, and the shared chunk counter
   * from which workers claim chunks (Atomics.add) during each step.
   */
  | { type: 'bind'; job: RowJob; nextChunk: Int32Array }
  /** Run `step` on chunks claimed from the counter until all nChunks are taken. */
  | { type: 'run'; step: StepRequest; nChunks: number };

export type WorkerReply = { type: 'done' } | { type: 'error'; message: string };
