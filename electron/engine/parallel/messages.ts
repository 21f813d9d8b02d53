/** Messages between the worker-thread executor and electron/engine/emWorker.ts. */
import type { RowJob, StepRequest } from '../../../shared/engine/compute';
import type { WasmBinding } from '../wasm/wasmKernels';

export type WorkerRequest =
  /**
   * The fit's SharedArrayBuffer-backed arrays, sent once per fit, and the shared chunk counter
   * from which workers claim chunks (Atomics.add) during each step.
   */
  | {
      type: 'bind';
      job: RowJob;
      nextChunk: Int32Array;
      /** This worker's SIMD kernels' memory and parameter block; null: the JavaScript kernels. */
      wasm: WasmBinding | null;
    }
  /** Run `step` on chunks claimed from the counter until all nChunks are taken. */
  | { type: 'run'; step: StepRequest; nChunks: number };

export type WorkerReply = { type: 'done' } | { type: 'error'; message: string };
