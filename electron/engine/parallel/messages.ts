/** Messages between the worker-thread executor and electron/engine/emWorker.ts. */
import type { RowJob, StepRequest } from '../../../shared/engine/steps';

export type WorkerRequest =
  /** The fit's SharedArrayBuffer-backed arrays; sent once per fit. */
  | { type: 'bind'; job: RowJob }
  /** Run `step` on chunks [from, to). */
  | { type: 'run'; step: StepRequest; from: number; to: number };

export type WorkerReply = { type: 'done' } | { type: 'error'; message: string };
