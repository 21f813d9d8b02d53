/**
 * Runs a model-selection sweep in the engine process on a pool of worker threads sharing X
 * (default: every core). Each cell goes through
 *
 *   'fit'      its own best-of-n_init fit;
 *   'refine'   REFINE_ROUNDS rounds in which it also starts EM from splits of its K − 1 fit and
 *              merges of its K + 1 fit of the previous round (shared/engine/sweep/refine.ts), keeping the better
 *              fit; from round 2 on only if a neighbour changed in the previous round.
 *
 * The rounds are a dataflow, not barriers: a cell's round-r task is queued as soon as its own and
 * its neighbours' round-(r − 1) results exist, so the pool never idles waiting for an unrelated
 * slow cell. The queue runs the largest estimated cost first. A task's inputs are fixed by the
 * round structure (never by timing), and every cell is seeded with the sweep's seed, so the cells
 * are the same for any thread count and any finishing order. One progress report per finished (or
 * skipped) task, with the cell as it now stands.
 */
import os from 'node:os';
import path from 'node:path';
import { existsSync } from 'node:fs';
import type { CovarianceType } from '../../../shared/engine/model/types';
import type { SweepCell, SweepFitOptions, SweepProgress } from '../../../shared/engine/sweep/types';
import { estimatedCellCost, gridCells } from '../../../shared/engine/sweep/order';
import { sweepEtaSeconds } from '../../../shared/engine/sweep/eta';
import { REFINE_ROUNDS, fitChanged, neighbourIndices } from '../../../shared/engine/sweep/refine';
import { createCellPool } from './cellPool';
import type { MixedRows } from '../../../shared/engine/families/rows';

export interface SweepGrid {
  ks: readonly number[];
  covarianceTypes: readonly CovarianceType[];
  options: SweepFitOptions;
  /** Neighbour-start refinement (default true; never for a mixed model). */
  refine?: boolean;
  /** A mixed-type model's rows (shared arrays) and its category smoothing: cells are fitMixture's. */
  mixed?: { rows: MixedRows; smoothing?: number };
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
  const neighbours = neighbourIndices(keys);
  const rounds = grid.refine === false || grid.mixed ? 0 : REFINE_ROUNDS;
  const threads = Math.max(1, Math.min(runtime.threads ?? os.availableParallelism(), keys.length));
  const cost = keys.map((key) => estimatedCellCost(key, nFeatures));
  const total = keys.length * (1 + rounds);
  const totalCost = cost.reduce((a, b) => a + b, 0) * (1 + rounds);
  let done = 0;
  let finishedCost = 0;
  const report = (pass: SweepProgress['pass'], i: number, cell?: SweepCell) => {
    done++;
    finishedCost += cost[i];
    const seconds = elapsed();
    runtime.onProgress?.({
      done,
      total,
      pass,
      ...(cell ? { cell } : {}),
      elapsedSeconds: seconds,
      etaSeconds: done === total ? 0 : sweepEtaSeconds(seconds, finishedCost, totalCost),
    });
  };
  runtime.onProgress?.({ done: 0, total, pass: 'fit', elapsedSeconds: 0, etaSeconds: null });

  const pool = createCellPool(X, nSamples, nFeatures, {
    threads,
    workerPath: runtime.workerPath ?? defaultSweepWorkerPath(),
    signal: runtime.signal,
    mixed: grid.mixed?.rows,
  });
  const options = grid.mixed ? { ...grid.options, smoothing: grid.mixed.smoothing } : grid.options;
  try {
    let previous: Promise<SweepCell>[] = keys.map(async (key, i) => {
      const search = rounds === 0 ? 'plain' : 'thorough';
      const cell = await pool.submit({ kind: 'fit', ...key, options, search }, cost[i]);
      report('fit', i, cell);
      return cell;
    });
    let beforePrevious: Promise<SweepCell>[] | null = null;
    const none = Promise.resolve(null);
    for (let round = 0; round < rounds; round++) {
      const last = previous;
      const lastButOne = beforePrevious;
      const at = (list: Promise<SweepCell>[] | null, j: number) => (list && j >= 0 ? list[j] : none);
      previous = keys.map(async (_, i) => {
        const { lower, upper } = neighbours[i];
        const [cell, low, up, lowBefore, upBefore] = await Promise.all([
          last[i],
          at(last, lower),
          at(last, upper),
          at(lastButOne, lower),
          at(lastButOne, upper),
        ]);
        const moved =
          lastButOne === null ||
          (low !== null && lowBefore !== null && fitChanged(lowBefore, low)) ||
          (up !== null && upBefore !== null && fitChanged(upBefore, up));
        if (cell.status === 'failed' || (low === null && up === null) || !moved) {
          report('refine', i);
          return cell;
        }
        const refined = await pool.submit(
          {
            kind: 'refine',
            cell,
            neighbours: { lower: low?.params ?? null, upper: up?.params ?? null },
            options,
          },
          cost[i],
        );
        report('refine', i, refined);
        return refined;
      });
      beforePrevious = last;
    }
    const cells = await Promise.all(previous);
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
