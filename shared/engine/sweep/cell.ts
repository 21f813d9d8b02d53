/**
 * One cell of the sweep: a full fit (all restarts) of K components of one covariance type, turned
 * into a SweepCell. Fit refusals that belong to this cell — fewer rows than K, fewer distinct rows
 * than K, a covariance singular even with reg_covar — become a status with the engine's message,
 * because the grid must show them beside the cells that fitted. Errors about the data or the
 * options as a whole (not finite, constant column, invalid option) and cancellation are thrown:
 * they would fail every cell the same way.
 *
 * Every cell is seeded with the sweep's seed (as scikit-learn's random_state is passed unchanged to
 * each GaussianMixture of a grid), so a cell's result depends only on (X, K, type, options), never
 * on which thread ran it or when.
 *
 * A cell of one of mclust's models (asked for by mclust's name) also starts EM once from mclust's
 * hierarchical start (model/hc/hcStart.ts; one agglomeration serves every K and is cached per data
 * matrix) and keeps the better fit by preferredCell's rule. On high-dimensional data that start
 * finds markedly better optima than k-means restarts; a cell asked for by a scikit-learn name keeps
 * scikit-learn's search exactly.
 */
import type { CovarianceType, InitParams } from '../model/types';
import { isMclustName } from '../model/types';
import type { SweepCell, SweepFitOptions } from './types';
import type { FitRuntime } from '../model/fit';
import type { RowExecutor } from '../compute';
import { fitGaussianMixture } from '../model/fit';
import { EngineError, type FitErrorCode } from '../../errors';
import { nParameters, sampleSizeAdjustedBic } from '../model/criteria';
import { degeneracyMessage, isCollapsed, smallestCovarianceEigenvalue } from '../model/degeneracy';
import { sweepRestarts } from './restarts';
import type { MixtureState } from '../model/em';
import { hcLabels } from '../model/hc/hcStart';
import { preferredCell } from './preferred';

/** The fit's refusals that describe this cell (not the data), and the status they give it. */
export const CELL_FAILURES: Partial<Record<string, 'singular' | 'failed'>> = {
  singular_component: 'singular',
  too_few_samples: 'failed',
  too_many_components: 'failed',
} satisfies Partial<Record<FitErrorCode, 'singular' | 'failed'>>;

/**
 * Where a cell's EM starts: its own k-means (or other) restarts — 'thorough' (the sweep's default:
 * extra restarts on small data, restarts.ts, and collapsed restarts ranked below proper ones)
 * or 'plain' (exactly scikit-learn's best-of-n_init by lower bound, for `--no-refine`) — or one
 * explicit start (neighbourStarts.ts), from which EM runs once, as scikit-learn does.
 */
/** A cell with no fit yet: what a failure reports, with the cell's free-parameter count. */
export function failedCell(k: number, covarianceType: CovarianceType, nParameters: number): SweepCell {
  return {
    k,
    covarianceType,
    status: 'failed',
    message: null,
    code: null,
    meanLogLikelihood: null,
    logLikelihood: null,
    nParameters,
    bic: null,
    aic: null,
    icl: null,
    sabic: null,
    converged: null,
    nIter: null,
    seconds: 0,
    minCovarianceEigenvalue: null,
    minEigenvalueComponent: null,
    minWeight: null,
    origin: null,
    params: null,
  };
}

export type CellStart =
  | { search: 'thorough' | 'plain' }
  | { initParams: InitParams }
  /** One EM run from a classification (n labels, −1 for rows left out): the hierarchical start. */
  | { labels: Int32Array };

/**
 * How a cell's fit runs: `newExecutor` gives the RowExecutor of each fit (the sweep workers'
 * SIMD in-thread executor); default the in-thread JavaScript one. Either gives the same numbers.
 */
export type CellRuntime = Pick<FitRuntime, 'signal'> & { newExecutor?: () => RowExecutor };

/** X: Float64Array, nSamples × nFeatures, row-major. */
export async function fitSweepCell(
  X: Float64Array,
  nSamples: number,
  nFeatures: number,
  k: number,
  covarianceType: CovarianceType,
  options: SweepFitOptions,
  runtime: CellRuntime = {},
  start: CellStart = { search: 'thorough' },
): Promise<SweepCell> {
  const started = Date.now();
  const fit = (from: CellStart) =>
    fitCellFrom(X, nSamples, nFeatures, k, covarianceType, options, runtime, from);
  const cell = await fit(start);
  const hierarchical =
    'search' in start && start.search === 'thorough' && isMclustName(covarianceType) && options.init !== 'hc';
  const labels = hierarchical ? hcLabels(X, nSamples, nFeatures, k, options.seed) : null;
  if (!labels) return cell;
  const fromHc = await fit({ labels });
  const kept = preferredCell(fromHc, cell) ? { ...fromHc, origin: 'hc' as const } : cell;
  return { ...kept, seconds: (Date.now() - started) / 1000 };
}

async function fitCellFrom(
  X: Float64Array,
  nSamples: number,
  nFeatures: number,
  k: number,
  covarianceType: CovarianceType,
  options: SweepFitOptions,
  runtime: CellRuntime,
  start: CellStart,
): Promise<SweepCell> {
  const started = Date.now();
  const empty = failedCell(k, covarianceType, nParameters(covarianceType, k, nFeatures));
  const thorough = 'search' in start && start.search === 'thorough';
  const startOptions =
    'initParams' in start
      ? { initParams: start.initParams, nInit: 1 }
      : 'labels' in start
        ? { nInit: 1 }
        : {
            nInit: thorough
              ? sweepRestarts(options.nInit, nSamples, k, nFeatures, covarianceType)
              : options.nInit,
          };
  // A collapsed restart ranks below every proper one (em.ts restartRank): the cell reports the best
  // proper optimum its restarts found, and is degenerate only when all of them collapsed.
  const proper = (state: MixtureState): number =>
    isCollapsed(
      smallestCovarianceEigenvalue({ ...state, covarianceType, nComponents: k, nFeatures }).value,
      options.regCovar,
    )
      ? 0
      : 1;
  let fit;
  try {
    const { newExecutor, ...fitRuntime } = runtime;
    fit = await fitGaussianMixture(
      X,
      nSamples,
      nFeatures,
      { ...options, nComponents: k, covarianceType, ...startOptions },
      {
        ...fitRuntime,
        executor: newExecutor?.(),
        ...(thorough ? { restartRank: proper } : {}),
        ...('labels' in start ? { labelStarts: [start.labels] } : {}),
      },
    );
  } catch (err) {
    const status = err instanceof EngineError ? CELL_FAILURES[err.code] : undefined;
    if (!status || !(err instanceof EngineError)) throw err;
    return { ...empty, status, code: err.code, message: err.message, seconds: (Date.now() - started) / 1000 };
  }
  const smallest = smallestCovarianceEigenvalue(fit.params);
  const degenerate = degeneracyMessage(smallest, options.regCovar);
  return {
    ...empty,
    status: degenerate ? 'degenerate' : 'ok',
    message: degenerate,
    meanLogLikelihood: fit.meanLogLikelihood,
    logLikelihood: fit.logLikelihood,
    nParameters: fit.nParameters,
    bic: fit.bic,
    aic: fit.aic,
    icl: fit.icl,
    sabic: sampleSizeAdjustedBic(fit.logLikelihood, fit.nParameters, nSamples),
    converged: fit.converged,
    nIter: fit.nIter,
    seconds: (Date.now() - started) / 1000,
    minCovarianceEigenvalue: smallest.value,
    minEigenvalueComponent: smallest.component,
    minWeight: Math.min(...fit.params.weights),
    origin: 'restarts',
    params: fit.params,
  };
}
