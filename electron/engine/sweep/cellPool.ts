/**
 * A pool of worker threads that run sweep tasks (fit a cell, refine a cell) on a data matrix they
 * all share. Each worker maps X (a SharedArrayBuffer) once and then runs whole tasks. Submitted
 * tasks wait in one queue and an idle worker takes the waiting task with the highest priority
 * (the caller passes the estimated cost: largest first, Graham's LPT rule), first submitted on
 * ties. The queue order only decides timing: a task's result depends on the task alone.
 *
 * Cancelling (the signal) terminates every worker at once — a cell in the middle of EM is not
 * waited for — and rejects every waiting and running task with EngineError('cancelled'). A crashed
 * worker, or an error that is not a cell status (shared/engine/sweep/cell.ts throws those), rejects them all with
 * that error.
 */
import { Worker } from 'node:worker_threads';
import type { SweepCell } from '../../../shared/engine/sweep/types';
import { EngineError, cancelledError, type FitErrorCode } from '../../../shared/errors';
import type { SweepTask, SweepWorkerReply, SweepWorkerRequest } from './messages';
import type { MixedRows } from '../../../shared/engine/families/rows';

export interface CellPoolOptions {
  /** Worker threads (≥ 1), started as tasks arrive. */
  threads: number;
  /** Path of out/engine/sweepWorker.cjs. */
  workerPath: string;
  signal?: AbortSignal;
  /** A mixed-type model's rows (arrays on SharedArrayBuffers): the cells are fitMixture's. */
  mixed?: MixedRows;
}

export interface CellPool {
  /** Queues a task; higher priority runs first. */
  submit(task: SweepTask, priority: number): Promise<SweepCell>;
  /** Terminates the workers; safe to call more than once. */
  dispose(): Promise<void>;
}

interface Pending {
  id: number;
  task: SweepTask;
  priority: number;
  resolve(cell: SweepCell): void;
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
  const threads = Math.max(1, Math.floor(options.threads));
  const workers: Worker[] = [];
  const idle: Worker[] = [];
  const waiting: Pending[] = [];
  const running = new Map<number, Pending>();
  let nextId = 0;
  let failure: Error | null = null;
  let disposed = false;

  const fail = (error: Error): void => {
    if (failure) return;
    failure = error;
    for (const w of workers) void w.terminate();
    for (const p of [...waiting, ...running.values()]) p.reject(error);
    waiting.length = 0;
    running.clear();
  };
  const onAbort = (): void => fail(cancelledError('fit'));
  options.signal?.addEventListener('abort', onAbort);

  /** Hands waiting tasks to idle workers, highest priority first. */
  const dispatch = (): void => {
    while (!failure && waiting.length > 0) {
      if (idle.length === 0 && workers.length < threads) idle.push(spawn());
      const worker = idle.pop();
      if (!worker) return;
      let best = 0;
      for (let i = 1; i < waiting.length; i++) {
        const a = waiting[i];
        const b = waiting[best];
        if (a.priority > b.priority || (a.priority === b.priority && a.id < b.id)) best = i;
      }
      const [pending] = waiting.splice(best, 1);
      running.set(pending.id, pending);
      const message: SweepWorkerRequest = { type: 'task', id: pending.id, task: pending.task };
      worker.postMessage(message);
    }
  };

  const spawn = (): Worker => {
    const worker = new Worker(options.workerPath);
    workers.push(worker);
    worker.on('message', (reply: SweepWorkerReply) => {
      if (failure) return;
      if (reply.type === 'error') return fail(replyError(reply));
      const pending = running.get(reply.id);
      running.delete(reply.id);
      idle.push(worker);
      pending?.resolve(reply.cell);
      dispatch();
    });
    worker.on('error', (error) => fail(new Error(`Sweep worker failed: ${error.message}`)));
    worker.on('exit', (code) => {
      if (!disposed) fail(new Error(`Sweep worker exited (code ${code}).`));
    });
    const data: SweepWorkerRequest = { type: 'data', X, nSamples, nFeatures, mixed: options.mixed };
    worker.postMessage(data);
    return worker;
  };

  return {
    submit(task, priority) {
      if (options.signal?.aborted) fail(cancelledError('fit'));
      if (failure) return Promise.reject(failure);
      if (disposed) return Promise.reject(new Error('CellPool.submit after dispose'));
      return new Promise((resolve, reject) => {
        waiting.push({ id: nextId++, task, priority, resolve, reject });
        dispatch();
      });
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      options.signal?.removeEventListener('abort', onAbort);
      fail(new Error('CellPool disposed'));
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** A worker's error reply as the error the caller would have got from an in-thread fit. */
function replyError(reply: Extract<SweepWorkerReply, { type: 'error' }>): Error {
  if (reply.code === 'internal') return new Error(`Sweep worker failed: ${reply.message}`);
  return new EngineError(reply.code as FitErrorCode, reply.message, reply.details);
}
