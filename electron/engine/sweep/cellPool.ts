/**
 * Runs sweep cells on a pool of worker threads that share the data matrix. Each worker maps X
 * (a SharedArrayBuffer) once and then takes whole cells from one queue, in the order given (the
 * caller passes largest first): when a worker finishes a cell it takes the next, so the pool stays
 * busy until the queue is empty. Results are reported as each cell finishes.
 *
 * Cancelling terminates every worker at once (a cell in the middle of EM is not waited for) and
 * rejects with FitError('cancelled'). A worker that crashes, or a cell error that is not a cell
 * status (sweepCell.ts throws those), stops the whole sweep with that error.
 */
import { Worker } from 'node:worker_threads';
import type { SweepCell, SweepFitOptions } from '../../../shared/engine/sweepTypes';
import type { CellKey } from '../../../shared/engine/sweepOrder';
import { FitError, cancelledError, type FitErrorCode } from '../../../shared/engine/errors';
import type { SweepWorkerReply, SweepWorkerRequest } from './messages';

export interface CellPoolOptions {
  /** Worker threads (≥ 1); never more than there are cells. */
  threads: number;
  /** Path of out/engine/sweepWorker.cjs. */
  workerPath: string;
  signal?: AbortSignal;
  /** Called in finishing order, once per cell. */
  onCell?: (cell: SweepCell) => void;
}

/** X: Float64Array on a SharedArrayBuffer, nSamples × nFeatures, row-major. */
export function runCellPool(
  X: Float64Array,
  nSamples: number,
  nFeatures: number,
  cells: readonly CellKey[],
  options: SweepFitOptions,
  pool: CellPoolOptions,
): Promise<SweepCell[]> {
  if (!(X.buffer instanceof SharedArrayBuffer))
    throw new Error('runCellPool: X must be on a SharedArrayBuffer');
  const threads = Math.max(1, Math.min(Math.floor(pool.threads), cells.length));
  const results: SweepCell[] = new Array(cells.length);
  if (cells.length === 0) return Promise.resolve(results);
  if (pool.signal?.aborted) return Promise.reject(cancelledError());

  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let next = 0;
    let finished = 0;
    let settled = false;

    const stop = (error: Error | null): void => {
      if (settled) return;
      settled = true;
      pool.signal?.removeEventListener('abort', onAbort);
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve(results);
    };
    const onAbort = (): void => stop(cancelledError());
    pool.signal?.addEventListener('abort', onAbort);

    const feed = (worker: Worker): void => {
      if (settled || next >= cells.length) return;
      const id = next++;
      const { k, covarianceType } = cells[id];
      const message: SweepWorkerRequest = { type: 'cell', id, k, covarianceType, options };
      worker.postMessage(message);
    };

    for (let t = 0; t < threads; t++) {
      const worker = new Worker(pool.workerPath);
      workers.push(worker);
      worker.on('message', (reply: SweepWorkerReply) => {
        if (settled) return;
        if (reply.type === 'error') return stop(replyError(reply));
        results[reply.id] = reply.cell;
        finished++;
        pool.onCell?.(reply.cell);
        if (finished === cells.length) return stop(null);
        feed(worker);
      });
      worker.on('error', (error) => stop(new Error(`Sweep worker failed: ${error.message}`)));
      worker.on('exit', (code) => stop(new Error(`Sweep worker exited (code ${code}).`)));
      const data: SweepWorkerRequest = { type: 'data', X, nSamples, nFeatures };
      worker.postMessage(data);
      feed(worker);
    }
  });
}

/** A worker's error reply as the error the caller would have got from an in-thread fit. */
function replyError(reply: Extract<SweepWorkerReply, { type: 'error' }>): Error {
  if (reply.code === 'internal') return new Error(`Sweep worker failed: ${reply.message}`);
  if (reply.code === 'cancelled') return cancelledError();
  return new FitError(reply.code as FitErrorCode, reply.message, reply.details);
}
