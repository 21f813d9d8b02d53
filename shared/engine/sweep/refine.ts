/**
 * The sweep's second pass over a cell: EM from a few starts built from the neighbouring cells'
 * fits (K − 1 split, K + 1 merge; neighbourStarts.ts), keeping the better of the cell's own
 * best-of-n_init fit and these. The neighbours are first-pass fits, so the pass depends only on
 * the first pass, not on scheduling, and every thread count gives the same cells.
 *
 * Which fit a cell keeps is preferredCell's rule (preferred.ts): a proper fit over a degenerate
 * one, then the higher log-likelihood.
 */
import type { GaussianMixtureParams } from '../model/types';
import type { SweepCell, SweepFitOptions } from './types';
import type { CellKey } from './order';
import { fitSweepCell, type CellRuntime } from './cell';
import { mergeStarts, splitStarts } from './neighbourStarts';
import { predictMixture } from '../model/predict';
import { EngineError } from '../../errors';
import { preferredCell } from './preferred';

export { preferredCell };

/** Starts tried per neighbour: the top split candidates of K − 1 and the top merge pairs of K + 1. */
export const NEIGHBOUR_STARTS = 3;

/**
 * Rounds of refinement. Round r starts from the fits of round r − 1, so an improvement can travel
 * one step in K per round (on the fixtures, iris full K=5 needs the improved K=4 or K=6 of round 1).
 * From round 2 on, a cell whose neighbours did not change in the previous round would get the same
 * starts again and is skipped (fitChanged).
 */
export const REFINE_ROUNDS = 2;

export interface CellNeighbours {
  /** First-pass fit with K − 1 components of the same type (null if none or not fitted). */
  lower: GaussianMixtureParams | null;
  /** First-pass fit with K + 1 components of the same type. */
  upper: GaussianMixtureParams | null;
}

/** X: Float64Array, nSamples × nFeatures, row-major (the matrix the first pass used). */
export async function refineSweepCell(
  X: Float64Array,
  nSamples: number,
  nFeatures: number,
  cell: SweepCell,
  neighbours: CellNeighbours,
  options: SweepFitOptions,
  runtime: CellRuntime = {},
): Promise<SweepCell> {
  // A cell with too few (distinct) rows for K fails whatever the start.
  if (cell.status === 'failed') return cell;
  const started = Date.now();
  const { lower, upper } = neighbours;
  // The K + 1 fit's responsibilities rank its merge pairs (on the cell's executor, as its fits).
  const merges = upper
    ? mergeStarts(
        upper,
        (await predictMixture(upper, X, nSamples, runtime.newExecutor?.())).resp,
        NEIGHBOUR_STARTS,
      )
    : [];
  const starts = [
    ...(lower ? splitStarts(lower, NEIGHBOUR_STARTS) : []).map((init) => ({
      origin: 'split' as const,
      init,
    })),
    ...merges.map((init) => ({ origin: 'merge' as const, init })),
  ];
  let best = cell;
  for (const { origin, init } of starts) {
    let candidate: SweepCell;
    try {
      candidate = await fitSweepCell(X, nSamples, nFeatures, cell.k, cell.covarianceType, options, runtime, {
        initParams: init,
      });
    } catch (err) {
      // A start the fit refuses (not positive definite after rounding) is just not tried.
      if (err instanceof EngineError && err.code === 'invalid_option') continue;
      throw err;
    }
    if (preferredCell(candidate, best)) best = { ...candidate, origin };
  }
  return { ...best, seconds: cell.seconds + (Date.now() - started) / 1000 };
}

/**
 * Neighbours in a grid (cells in grid order: covariance type, then ascending K): for each cell the
 * index of the same type with K − 1 and with K + 1 components, or −1 when the grid has no such cell
 * (a gap in the K list has no neighbour across it: a split of K = 2 does not give K = 5).
 */
export function neighbourIndices(keys: readonly CellKey[]): { lower: number; upper: number }[] {
  const at = (i: number, step: 1 | -1): number => {
    const j = i + step;
    const c = keys[j];
    return c && c.covarianceType === keys[i].covarianceType && c.k === keys[i].k + step ? j : -1;
  };
  return keys.map((_, i) => ({ lower: at(i, -1), upper: at(i, 1) }));
}

/**
 * Whether a cell's fit changed between two rounds. A refinement replaces a fit only by a preferred
 * one, so a change shows as a different status or log-likelihood.
 */
export function fitChanged(before: SweepCell, after: SweepCell): boolean {
  return before.status !== after.status || before.logLikelihood !== after.logLikelihood;
}
