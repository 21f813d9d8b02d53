/**
 * How many k-means restarts a sweep cell runs. A cell asks for n_init restarts; when the data are
 * small the sweep runs more, up to MAX_RESTART_FACTOR × n_init, while the estimated EM work stays
 * within SMALL_DATA_BUDGET. Why: on a few hundred rows a restart costs well under a millisecond, yet
 * which local optimum ten k-means starts land on is luck — on iris (150 rows), ten starts of diag
 * K = 8 reach BIC 700.28 with some seeds and 701.39 with others. Extra starts there cost nothing an
 * analyst notices and make the grid depend less on the seed; on large data (where one restart
 * takes seconds) the cell runs exactly n_init.
 *
 * The restarts continue one random stream (fit.ts seeds one Rng for all restarts), so the first
 * n_init starts are exactly those of a plain best-of-n_init fit: more starts can only add
 * candidates, never lose the ones a plain fit would try.
 */
import type { CovarianceType } from '../model/types';
import { COVARIANCE_LAYOUT } from '../model/types';

/** At most this many times the requested restarts. */
export const MAX_RESTART_FACTOR = 5;

/**
 * Work budget of a cell's restarts, in multiply-add equivalents summed over them: a fraction of a
 * second of single-threaded EM. Measured on the fixtures (2 threads): two_gauss_1d's 32-cell grid
 * (1000 rows, max_iter 1000) takes 6 s with n_init 10 and 17 s with this budget; iris's 1.3 s and
 * 2 s.
 */
export const SMALL_DATA_BUDGET = 2e8;

/** Iterations a restart is assumed to take for the estimate (scikit-learn's default max_iter). */
const ASSUMED_ITERATIONS = 100;

/**
 * Fixed cost of an EM iteration beyond the row arithmetic (reductions, M-step algebra, scheduling),
 * in the same units; it dominates on small data, so it keeps tiny grids from 10× restarts of
 * iterations that are mostly overhead.
 */
const ITERATION_OVERHEAD = 2e4;

/** Multiply-adds per row, component and iteration, by covariance type (d features). */
function rowWork(covarianceType: CovarianceType, d: number): number {
  const layout = COVARIANCE_LAYOUT[covarianceType];
  return layout === 'full' || layout === 'tied' ? d * d + 3 * d : 4 * d;
}

export function sweepRestarts(
  nInit: number,
  nSamples: number,
  nComponents: number,
  nFeatures: number,
  covarianceType: CovarianceType,
): number {
  const perIteration = nSamples * nComponents * rowWork(covarianceType, nFeatures) + ITERATION_OVERHEAD;
  const perRestart = perIteration * ASSUMED_ITERATIONS;
  const affordable = Math.floor(SMALL_DATA_BUDGET / perRestart);
  return Math.max(nInit, Math.min(nInit * MAX_RESTART_FACTOR, affordable));
}
