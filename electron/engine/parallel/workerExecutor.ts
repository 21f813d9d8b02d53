/**
 * RowExecutor on worker_threads. The fit's arrays (X, resp, logNorm, labels, partials) live in
 * SharedArrayBuffers that every worker maps once (bind); each step then sends only the small
 * per-iteration parameters, and the workers claim chunks from a shared counter (Atomics.add, so a
 * worker the OS delays takes fewer chunks instead of holding up the step) and run each with the
 * same runStepOnChunk the in-thread executor uses. Each chunk writes its own partial slot and the
 * coordinator reduces the slots in chunk order (shared/engine/compute/steps.ts), so which worker
 * ran which chunk never matters: the result is bit-identical for any number of threads.
 */
import { Worker } from 'node:worker_threads';
import type { RowExecutor, RowJob, StepRequest } from '../../../shared/engine/compute';
import { chunkCount } from '../../../shared/engine/compute';
import type { WorkerReply, WorkerRequest } from './messages';
import { WasmArena } from '../wasm/arena';
import { paramBlockBytes, simdCanRun, type WasmBinding } from '../wasm/wasmKernels';

export interface WorkerExecutor extends RowExecutor {
  /**
   * Stops work at once: the workers claim no further chunk of the running step (they finish the
   * one in hand, a few milliseconds) and every later step returns without running. The numbers
   * left behind are meaningless; the caller abandons the fit (cancel within a second even when one
   * EM iteration takes many seconds).
   */
  abort(): void;
  /** Terminates the workers; safe to call more than once. */
  dispose(): Promise<void>;
  /** Which kernels the bound job's E-step and scatter run on (benchmarks and tests report it). */
  readonly kernels: 'simd' | 'javascript';
}

interface Slot {
  worker: Worker;
  pending: { resolve: () => void; reject: (e: Error) => void } | null;
}

export interface WorkerExecutorOptions {
  threads: number;
  workerPath: string;
  /**
   * Place the fit's arrays in a shared WebAssembly memory and run the E-step and scatter with the
   * SIMD kernels where they apply (default true; false keeps the JavaScript kernels, same bits).
   */
  wasm?: boolean;
}

export function createWorkerExecutor(options: WorkerExecutorOptions): WorkerExecutor {
  const threads = Math.max(1, Math.floor(options.threads));
  let arena: WasmArena | null = null;
  if (options.wasm !== false) {
    try {
      arena = new WasmArena();
    } catch {
      arena = null; // no shared WebAssembly memory here: plain SharedArrayBuffers
    }
  }
  let slots: Slot[] = [];
  let nChunks = 0;
  let failure: Error | null = null;
  let aborted = false;
  let kernels: 'simd' | 'javascript' = 'javascript';
  const nextChunk = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));

  const spawn = (): Slot => {
    const slot: Slot = { worker: new Worker(options.workerPath), pending: null };
    const fail = (error: Error): void => {
      failure ??= error;
      const pending = slot.pending;
      slot.pending = null;
      pending?.reject(error);
    };
    slot.worker.on('message', (reply: WorkerReply) => {
      const pending = slot.pending;
      slot.pending = null;
      if (reply.type === 'error') pending?.reject(new Error(`EM worker failed: ${reply.message}`));
      else pending?.resolve();
    });
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => fail(new Error(`EM worker exited (code ${code})`)));
    return slot;
  };

  const send = (slot: Slot, message: WorkerRequest): Promise<void> =>
    new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      slot.pending = { resolve, reject };
      slot.worker.postMessage(message);
    });

  /** One parameter block per worker when the SIMD kernels can run this job, else null. */
  const wasmBindings = (job: RowJob, workers: number): (WasmBinding | null)[] => {
    const none = Array.from({ length: workers }, () => null);
    if (!arena || !simdCanRun(job, (view) => arena?.owns(view) ?? false)) return none;
    const bytes = paramBlockBytes(job.family, job.nFeatures, job.nComponents);
    const blocks = Array.from({ length: workers }, () => arena?.reserve(bytes) ?? null);
    if (blocks.some((b) => b === null)) return none;
    const { memory, tables } = arena;
    return blocks.map((params) => ({ memory, tables, params: params as number }));
  };

  return {
    allocateFloat64: (length) =>
      arena?.float64(length) ??
      new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT)),
    allocateInt32: (length) =>
      arena?.int32(length) ?? new Int32Array(new SharedArrayBuffer(length * Int32Array.BYTES_PER_ELEMENT)),
    async bind(job: RowJob) {
      nChunks = chunkCount(job.nSamples);
      // More workers than chunks would idle; fewer threads never change the numbers.
      const wanted = Math.min(threads, nChunks);
      while (slots.length < wanted) slots.push(spawn());
      const wasm = wasmBindings(job, slots.length);
      kernels = wasm[0] ? 'simd' : 'javascript';
      await Promise.all(slots.map((slot, i) => send(slot, { type: 'bind', job, nextChunk, wasm: wasm[i] })));
    },
    async run(step: StepRequest) {
      if (aborted) return;
      Atomics.store(nextChunk, 0, 0); // every worker has finished the previous step
      await Promise.all(slots.map((slot) => send(slot, { type: 'run', step, nChunks })));
    },
    abort() {
      aborted = true;
      // Chunk claims past the end find nothing to do.
      Atomics.store(nextChunk, 0, nChunks);
    },
    get kernels() {
      return kernels;
    },
    async dispose() {
      const all = slots;
      slots = [];
      failure ??= new Error('EM worker pool disposed');
      await Promise.all(all.map((slot) => slot.worker.terminate()));
    },
  };
}
