/**
 * Runs a model-selection sweep in the engine process: the grid's cells, largest first, on a pool
 * of worker threads sharing X (default: every core), with one progress report per finished cell
 * (done, total, that cell, elapsed, estimated time left). The cells come back in grid order with
 * the best cell per criterion; the numbers do not depend on the thread count (each cell is a
 * one-thread fit seeded with the sweep's seed).
 */
import os from 'node:os';
import path from 'node:path';
import { existsSync } from 'node:fs';
import type { CovarianceType } from '../../../shared/engine/types';
import type { SweepCell, SweepFitOptions, SweepProgress } from '../../../shared/engine/sweepTypes';
import { estimatedCellCost, gridCells, schedulingOrder } from '../../../shared/engine/sweepOrder';
import { sweepEtaSeconds } from '../../../shared/engine/sweepEta';
import { compareGridOrder } from '../../../shared/engine/sweepOrder';
import { runCellPool } from './cellPool';

export interface RunSweepRuntime {
  /** Worker threads; default os.availableParallelism(). Never more than there are cells. */
  threads?: number;
  signal?: AbortSignal;
  /** Called once at the start (done 0) and once per finished cell. */
  onProgress?: (p: SweepProgress) => void;
  /** Path of the bundled worker (out/engine/sweepWorker.cjs); default: found beside the running bundle. */
  workerPath?: string;
}

export interface SweepRun {
  /** Grid order: covariance type, then ascending K. */
  cells: SweepCell[];
  threads: number;
  seconds: number;
}

/** X: Float64Array on a SharedArrayBuffer, nSamples × nFeatures, row-major. */
export async function runSweep(
  X: Float64Array,
  nSamples: number,
  nFeatures: number,
  grid: { ks: readonly number[]; covarianceTypes: readonly CovarianceType[]; options: SweepFitOptions },
  runtime: RunSweepRuntime = {},
): Promise<SweepRun> {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const order = schedulingOrder(gridCells(grid.ks, grid.covarianceTypes), nFeatures);
  const total = order.length;
  const threads = Math.max(1, Math.min(runtime.threads ?? os.availableParallelism(), total));
  const totalCost = order.reduce((s, c) => s + estimatedCellCost(c, nFeatures), 0);
  let finishedCost = 0;
  let done = 0;
  runtime.onProgress?.({ done, total, elapsedSeconds: 0, etaSeconds: null });
  const cells = await runCellPool(X, nSamples, nFeatures, order, grid.options, {
    threads,
    workerPath: runtime.workerPath ?? defaultSweepWorkerPath(),
    signal: runtime.signal,
    onCell: (cell) => {
      done++;
      finishedCost += estimatedCellCost(cell, nFeatures);
      const seconds = elapsed();
      runtime.onProgress?.({
        done,
        total,
        cell,
        elapsedSeconds: seconds,
        etaSeconds: done === total ? 0 : sweepEtaSeconds(seconds, finishedCost, totalCost),
      });
    },
  });
  return { cells: cells.sort(compareGridOrder), threads, seconds: elapsed() };
}

/**
 * The sweep worker bundle beside the running one: out/engine/sweepWorker.cjs from
 * out/engine/engine.cjs, ../engine/sweepWorker.cjs from out/cli/mixlab.cjs.
 */
export function defaultSweepWorkerPath(): string {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  const candidates = [path.join(here, 'sweepWorker.cjs'), path.join(here, '../engine/sweepWorker.cjs')];
  return candidates.find((p) => existsSync(p)) ?? candidates[0];
}
