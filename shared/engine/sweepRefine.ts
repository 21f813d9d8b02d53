/**
 * The sweep's second pass over a cell: EM from a few starts built from the neighbouring cells'
 * fits (K − 1 split, K + 1 merge; sweepNeighbourStarts.ts), keeping the better of the cell's own
 * best-of-n_init fit and these. The neighbours are first-pass fits, so the pass depends only on
 * the first pass, not on scheduling, and every thread count gives the same cells.
 *
 * Which fit a cell keeps (preferredCell): a non-degenerate fit over a degenerate one, then the
 * higher log-likelihood. A degenerate fit's likelihood grows without bound as reg_covar shrinks
 * (a component on repeated values), so it is no evidence against a proper local optimum; the cell
 * reports the best proper fit it found, and is degenerate only if every start collapsed.
 */
import type { GaussianMixtureParams } from './types';
import type { SweepCell, SweepFitOptions } from './sweepTypes';
import { fitSweepCell } from './sweepCell';
import { mergeStarts, splitStarts } from './sweepNeighbourStarts';
import { predictMixture } from './predict';
import { FitError } from './errors';

/** Starts tried per neighbour: the top split candidates of K − 1 and the top merge pairs of K + 1. */
export const NEIGHBOUR_STARTS = 3;

/**
 * Rounds of refinement. Round r starts from the fits of round r − 1, so an improvement can travel
 * one step in K per round (on the fixtures, iris full K=5 needs the improved K=4 or K=6 of round 1).
 * A cell whose neighbours did not change in the previous round would get the same starts again and
 * is skipped (cellsToRevisit).
 */
export const REFINE_ROUNDS = 2;

export interface CellNeighbours {
  /** First-pass fit with K − 1 components of the same type (null if none or not fitted). */
  lower: GaussianMixtureParams | null;
  /** First-pass fit with K + 1 components of the same type. */
  upper: GaussianMixtureParams | null;
}

const rank = (c: SweepCell): number => (c.status === 'ok' ? 2 : c.status === 'degenerate' ? 1 : 0);

/** True when `a` should replace `b` (see the header). */
export function preferredCell(a: SweepCell, b: SweepCell): boolean {
  if (rank(a) !== rank(b)) return rank(a) > rank(b);
  return rank(a) > 0 && (a.logLikelihood as number) > (b.logLikelihood as number);
}

/** X: Float64Array, nSamples × nFeatures, row-major (the matrix the first pass used). */
export async function refineSweepCell(
  X: Float64Array,
  nSamples: number,
  nFeatures: number,
  cell: SweepCell,
  neighbours: CellNeighbours,
  options: SweepFitOptions,
): Promise<SweepCell> {
  // A cell with too few (distinct) rows for K fails whatever the start.
  if (cell.status === 'failed') return cell;
  const started = Date.now();
  const starts = [
    ...(neighbours.lower ? splitStarts(neighbours.lower, NEIGHBOUR_STARTS) : []).map((init) => ({
      origin: 'split' as const,
      init,
    })),
    ...(neighbours.upper
      ? mergeStarts(neighbours.upper, predictMixture(neighbours.upper, X, nSamples).resp, NEIGHBOUR_STARTS)
      : []
    ).map((init) => ({ origin: 'merge' as const, init })),
  ];
  let best = cell;
  for (const { origin, init } of starts) {
    let candidate: SweepCell;
    try {
      candidate = await fitSweepCell(X, nSamples, nFeatures, cell.k, cell.covarianceType, options, {}, init);
    } catch (err) {
      // A start the fit refuses (not positive definite after rounding) is just not tried.
      if (err instanceof FitError && err.code === 'invalid_option') continue;
      throw err;
    }
    if (preferredCell(candidate, best)) best = { ...candidate, origin };
  }
  return { ...best, seconds: cell.seconds + (Date.now() - started) / 1000 };
}

/** Index of the cell of the same type with K + step next to cell i (grid order), or −1. */
function neighbourIndex(cells: readonly SweepCell[], i: number, step: 1 | -1): number {
  const j = i + step;
  const c = cells[j];
  return c && c.covarianceType === cells[i].covarianceType && c.k === cells[i].k + step ? j : -1;
}

/**
 * Neighbours of every cell of a grid (cells in grid order: covariance type, then ascending K): the
 * fits of the same type with K − 1 and K + 1 components, when the grid has them.
 */
export function gridNeighbours(cells: readonly SweepCell[]): CellNeighbours[] {
  return cells.map((_, i) => {
    const lower = neighbourIndex(cells, i, -1);
    const upper = neighbourIndex(cells, i, 1);
    return {
      lower: lower < 0 ? null : cells[lower].params,
      upper: upper < 0 ? null : cells[upper].params,
    };
  });
}

/**
 * Indices of the cells whose K − 1 or K + 1 neighbour changed from `before` to `after` (the same
 * grid, one round apart). A refinement replaces a fit only by a preferred one, so a change shows as
 * a different status or log-likelihood.
 */
export function cellsToRevisit(before: readonly SweepCell[], after: readonly SweepCell[]): number[] {
  const changed = after.map(
    (c, i) => c.status !== before[i].status || c.logLikelihood !== before[i].logLikelihood,
  );
  const out: number[] = [];
  for (let i = 0; i < after.length; i++) {
    const lower = neighbourIndex(after, i, -1);
    const upper = neighbourIndex(after, i, 1);
    if ((lower >= 0 && changed[lower]) || (upper >= 0 && changed[upper])) out.push(i);
  }
  return out;
}
