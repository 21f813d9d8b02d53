/**
 * EM worker-thread entry (bundled to out/engine/worker.cjs). Holds the bound job's shared arrays
 * and runs the chunks it claims of E-step / scatter / k-means steps with the shared engine's kernels
 * (the E-step and scatter in WebAssembly SIMD when the executor placed the job in a WasmArena).
 * It also serves the background model's pixel bands (background/bandWorker.ts): the app ships one
 * worker bundle for the engine's row-parallel work.
 */
import { parentPort } from 'node:worker_threads';
import type { RowKernels } from '../../shared/engine/compute';
import type { RowJob } from '../../shared/engine/compute';
import { kernelsFor, runStepOnChunk } from '../../shared/engine/compute';
import type { WorkerReply, WorkerRequest } from './parallel/messages';
import { wasmRowKernels } from './wasm/wasmKernels';
import { isBandRequest, runBandRequest } from './background/bandWorker';
import type { BandRequest } from './background/messages';

let job: RowJob | null = null;
let kernels: RowKernels | null = null;
let nextChunk: Int32Array | null = null;

parentPort?.on('message', (message: WorkerRequest | BandRequest) => {
  // The same thread serves the background model's pixel bands (background/bandWorker.ts).
  if (isBandRequest(message)) {
    parentPort?.postMessage(runBandRequest(message));
    return;
  }
  let reply: WorkerReply = { type: 'done' };
  try {
    if (message.type === 'bind') {
      job = message.job;
      nextChunk = message.nextChunk;
      kernels = kernelsFor(job);
      if (message.wasm)
        kernels = wasmRowKernels(kernels, job.family, job.nFeatures, job.nComponents, message.wasm);
    } else {
      if (!job || !kernels || !nextChunk) throw new Error('run before bind');
      // Claim chunks one at a time: a worker that the OS delays simply takes fewer of them.
      for (let c = Atomics.add(nextChunk, 0, 1); c < message.nChunks; c = Atomics.add(nextChunk, 0, 1)) {
        runStepOnChunk(job, kernels, message.step, c);
      }
    }
  } catch (error) {
    reply = { type: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
