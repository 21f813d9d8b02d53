/**
 * A pool of worker threads that run sweep tasks (fit a cell, refine a cell) on a data matrix they
 * all share. Each worker maps X (a SharedArrayBuffer) once; `run` then hands out whole tasks from
 * one queue in the order given (the caller passes the largest first): a worker that finishes takes
 * the next, so the pool stays busy until the queue is empty. Results are reported as each task
 * finishes. The pool is reused across the sweep's passes and disposed at the end.
 *
 * Cancelling (the signal) terminates every worker at once — a cell in the middle of EM is not
 * waited for — and rejects the running pass with FitError('cancelled'). A crashed worker, or an
 * error that is not a cell status (sweepCell.ts throws those), rejects it with that error.
 */
import { Worker } from 'node:worker_threads';
import type { SweepCell } from '../../../shared/engine/sweepTypes';
import { FitError, cancelledError, type FitErrorCode } from '../../../shared/engine/errors';
import type { SweepTask, SweepWorkerReply, SweepWorkerRequest } from './messages';

export interface CellPoolOptions {
  /** Worker threads (≥ 1). */
  threads: number;
  /** Path of out/engine/sweepWorker.cjs. */
  workerPath: string;
  signal?: AbortSignal;
}

export interface CellPool {
  /** Runs the tasks; results in task order. onResult is called in finishing order. */
  run(tasks: readonly SweepTask[], onResult?: (cell: SweepCell, index: number) => void): Promise<SweepCell[]>;
  /** Terminates the workers; safe to call more than once. */
  dispose(): Promise<void>;
}

interface Pass {
  tasks: readonly SweepTask[];
  results: SweepCell[];
  next: number;
  finished: number;
  onResult?: (cell: SweepCell, index: number) => void;
  resolve(results: SweepCell[]): void;
  reject(error: Error): void;
}

/** X: Float64Array on a SharedArrayBuffer, nSamples × nFeatures, row-major. */
export function createCellPool(
  X: Float64Array,
  nSamples: number,
  nFeatures: number,
  options: CellPoolOptions,
): CellPool {
  if (!(X.buffer instanceof SharedArrayBuffer))
    throw new Error('createCellPool: X must be on a SharedArrayBuffer');
  const workers: Worker[] = [];
  let pass: Pass | null = null;
  let failure: Error | null = null;
  let disposed = false;

  const fail = (error: Error): void => {
    failure ??= error;
    const current = pass;
    pass = null;
    for (const w of workers) void w.terminate();
    current?.reject(failure);
  };
  const onAbort = (): void => fail(cancelledError());
  options.signal?.addEventListener('abort', onAbort);

  const feed = (worker: Worker): void => {
    if (!pass || pass.next >= pass.tasks.length) return;
    const id = pass.next++;
    const message: SweepWorkerRequest = { type: 'task', id, task: pass.tasks[id] };
    worker.postMessage(message);
  };

  const spawn = (): Worker => {
    const worker = new Worker(options.workerPath);
    worker.on('message', (reply: SweepWorkerReply) => {
      const current = pass;
      if (!current || failure) return;
      if (reply.type === 'error') return fail(replyError(reply));
      current.results[reply.id] = reply.cell;
      current.finished++;
      current.onResult?.(reply.cell, reply.id);
      if (current.finished === current.tasks.length) {
        pass = null;
        current.resolve(current.results);
      } else feed(worker);
    });
    worker.on('error', (error) => fail(new Error(`Sweep worker failed: ${error.message}`)));
    worker.on('exit', (code) => {
      if (!disposed) fail(new Error(`Sweep worker exited (code ${code}).`));
    });
    const data: SweepWorkerRequest = { type: 'data', X, nSamples, nFeatures };
    worker.postMessage(data);
    return worker;
  };

  return {
    run(tasks, onResult) {
      if (options.signal?.aborted) fail(cancelledError());
      if (failure) return Promise.reject(failure);
      if (disposed) return Promise.reject(new Error('CellPool.run after dispose'));
      if (pass) return Promise.reject(new Error('CellPool.run while a pass is running'));
      if (tasks.length === 0) return Promise.resolve([]);
      return new Promise((resolve, reject) => {
        pass = { tasks, results: new Array(tasks.length), next: 0, finished: 0, onResult, resolve, reject };
        const wanted = Math.max(1, Math.min(Math.floor(options.threads), tasks.length));
        while (workers.length < wanted) workers.push(spawn());
        for (const w of workers) feed(w);
      });
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      options.signal?.removeEventListener('abort', onAbort);
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** A worker's error reply as the error the caller would have got from an in-thread fit. */
function replyError(reply: Extract<SweepWorkerReply, { type: 'error' }>): Error {
  if (reply.code === 'internal') return new Error(`Sweep worker failed: ${reply.message}`);
  return new FitError(reply.code as FitErrorCode, reply.message, reply.details);
}
