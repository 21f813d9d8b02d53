/**
 * RowExecutor on worker_threads. The fit's arrays (X, resp, logNorm, labels, partials) live in
 * SharedArrayBuffers that every worker maps once (bind); each step then sends only the small
 * per-iteration parameters, and the workers claim chunks from a shared counter (Atomics.add, so a
 * worker the OS delays takes fewer chunks instead of holding up the step) and run each with the
 * same runStepOnChunk the in-thread executor uses. Each chunk writes its own partial slot and the
 * coordinator reduces the slots in chunk order (shared/engine/steps.ts), so which worker ran which
 * chunk never matters: the result is bit-identical for any number of threads.
 */
import { Worker } from 'node:worker_threads';
import type { RowExecutor, RowJob, StepRequest } from '../../../shared/engine/steps';
import { chunkCount } from '../../../shared/engine/steps';
import type { WorkerReply, WorkerRequest } from './messages';

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
}

interface Slot {
  worker: Worker;
  pending: { resolve: () => void; reject: (e: Error) => void } | null;
}

export function createWorkerExecutor(options: { threads: number; workerPath: string }): WorkerExecutor {
  const threads = Math.max(1, Math.floor(options.threads));
  let slots: Slot[] = [];
  let nChunks = 0;
  let failure: Error | null = null;
  let aborted = false;
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

  return {
    allocateFloat64: (length) =>
      new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT)),
    allocateInt32: (length) => new Int32Array(new SharedArrayBuffer(length * Int32Array.BYTES_PER_ELEMENT)),
    async bind(job: RowJob) {
      nChunks = chunkCount(job.nSamples);
      // More workers than chunks would idle; fewer threads never change the numbers.
      const wanted = Math.min(threads, nChunks);
      while (slots.length < wanted) slots.push(spawn());
      await Promise.all(slots.map((slot) => send(slot, { type: 'bind', job, nextChunk })));
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
    async dispose() {
      const all = slots;
      slots = [];
      failure ??= new Error('EM worker pool disposed');
      await Promise.all(all.map((slot) => slot.worker.terminate()));
    },
  };
}
