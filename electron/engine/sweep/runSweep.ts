/**
 * Runs a model-selection sweep in the engine process on a pool of worker threads sharing X
 * (default: every core):
 *
 *   pass 'fit'     every cell's own best-of-n_init fit, largest cells first;
 *   pass 'refine'  up to REFINE_ROUNDS rounds in which each cell also starts EM from splits of its
 *                  K − 1 fit and merges of its K + 1 fit (sweepRefine.ts), keeping the better fit;
 *                  round 2 revisits only cells whose neighbours changed in round 1.
 *
 * Each round starts from the previous round's results only (a barrier between rounds), and every
 * cell is seeded with the sweep's seed, so the cells are the same for any thread count and any
 * finishing order. One progress report per finished task, with the cell as it now stands.
 */
import os from 'node:os';
import path from 'node:path';
import { existsSync } from 'node:fs';
import type { CovarianceType } from '../../../shared/engine/types';
import type { SweepCell, SweepFitOptions, SweepProgress } from '../../../shared/engine/sweepTypes';
import { estimatedCellCost, gridCells, schedulingOrder } from '../../../shared/engine/sweepOrder';
import { sweepEtaSeconds } from '../../../shared/engine/sweepEta';
import { REFINE_ROUNDS, cellsToRevisit, gridNeighbours } from '../../../shared/engine/sweepRefine';
import { createCellPool } from './cellPool';
import type { SweepTask } from './messages';

export interface SweepGrid {
  ks: readonly number[];
  covarianceTypes: readonly CovarianceType[];
  options: SweepFitOptions;
  /** Neighbour-start refinement (default true). */
  refine?: boolean;
}

export interface RunSweepRuntime {
  /** Worker threads; default os.availableParallelism(). Never more than there are cells. */
  threads?: number;
  signal?: AbortSignal;
  /** Called once at the start (done 0) and once per finished or skipped task. */
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
  grid: SweepGrid,
  runtime: RunSweepRuntime = {},
): Promise<SweepRun> {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const keys = gridCells(grid.ks, grid.covarianceTypes);
  const rounds = grid.refine === false ? 0 : REFINE_ROUNDS;
  const threads = Math.max(1, Math.min(runtime.threads ?? os.availableParallelism(), keys.length));
  const cost = (i: number) => estimatedCellCost(keys[i], nFeatures);
  const gridCost = keys.reduce((s, _, i) => s + cost(i), 0);
  const total = keys.length * (1 + rounds);
  let done = 0;
  let finishedCost = 0;
  const report = (pass: SweepProgress['pass'], doneCost: number, count: number, cell?: SweepCell) => {
    done += count;
    finishedCost += doneCost;
    const seconds = elapsed();
    runtime.onProgress?.({
      done,
      total,
      pass,
      ...(cell ? { cell } : {}),
      elapsedSeconds: seconds,
      etaSeconds: done === total ? 0 : sweepEtaSeconds(seconds, finishedCost, gridCost * (1 + rounds)),
    });
  };
  runtime.onProgress?.({ done: 0, total, pass: 'fit', elapsedSeconds: 0, etaSeconds: null });

  const pool = createCellPool(X, nSamples, nFeatures, {
    threads,
    workerPath: runtime.workerPath ?? defaultSweepWorkerPath(),
    signal: runtime.signal,
  });
  try {
    const order = schedulingOrder(
      keys.map((key, index) => ({ ...key, index })),
      nFeatures,
    ).map((c) => c.index);
    const fitTasks: SweepTask[] = order.map((i) => ({ kind: 'fit', ...keys[i], options: grid.options }));
    const fitted = await pool.run(fitTasks, (cell, t) => report('fit', cost(order[t]), 1, cell));
    let cells: SweepCell[] = new Array(keys.length);
    order.forEach((i, t) => (cells[i] = fitted[t]));

    let revisit = keys.map((_, i) => i);
    for (let round = 0; round < rounds; round++) {
      const neighbours = gridNeighbours(cells);
      const chosen = schedulingOrder(
        revisit.map((i) => ({ ...keys[i], index: i })),
        nFeatures,
      )
        .map((c) => c.index)
        .filter((i) => cells[i].status !== 'failed' && (neighbours[i].lower || neighbours[i].upper));
      const skipped = keys.length - chosen.length;
      if (skipped > 0)
        report(
          'refine',
          keys.reduce((s, _, i) => s + (chosen.includes(i) ? 0 : cost(i)), 0),
          skipped,
        );
      const tasks: SweepTask[] = chosen.map((i) => ({
        kind: 'refine',
        cell: cells[i],
        neighbours: neighbours[i],
        options: grid.options,
      }));
      const refined = await pool.run(tasks, (cell, t) => report('refine', cost(chosen[t]), 1, cell));
      const next = [...cells];
      chosen.forEach((i, t) => (next[i] = refined[t]));
      revisit = cellsToRevisit(cells, next);
      cells = next;
    }
    return { cells, threads, seconds: elapsed() };
  } finally {
    await pool.dispose();
  }
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
