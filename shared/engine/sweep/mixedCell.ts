/**
 * One cell of a sweep over a mixed-type (or missing-data, or weighted) model: fitMixture with K
 * classes and the Gaussian block's covariance type, turned into a SweepCell as cell.ts does for a
 * plain Gaussian mixture (the same refusals become the cell's status, the same degeneracy rule on
 * the Gaussian block). Its starts are fitMixture's own (emEM over varied starts); the split/merge
 * refinement of plain cells is not run on mixed cells.
 */
import type { CovarianceType } from '../model/types';
import type { SweepCell, SweepFitOptions } from './types';
import type { RowExecutor } from '../compute';
import { fitMixture, mixtureParameters } from '../model/fitMixture';
import { EngineError } from '../../errors';
import { sampleSizeAdjustedBic } from '../model/criteria';
import { degeneracyMessage, smallestCovarianceEigenvalue } from '../model/degeneracy';
import type { MixedRows } from '../families/rows';
import { CELL_FAILURES, failedCell, type CellRuntime } from './cell';

export async function fitMixedSweepCell(
  rows: MixedRows,
  k: number,
  covarianceType: CovarianceType,
  options: SweepFitOptions & { smoothing?: number },
  runtime: CellRuntime & { newExecutor?: () => RowExecutor } = {},
): Promise<SweepCell> {
  const started = Date.now();
  const empty = failedCell(k, covarianceType, mixtureParameters(rows, covarianceType, k));
  let fit;
  try {
    fit = await fitMixture(
      rows,
      { ...options, nComponents: k, covarianceType },
      { signal: runtime.signal, executor: runtime.newExecutor?.() },
    );
  } catch (err) {
    const status = err instanceof EngineError ? CELL_FAILURES[err.code] : undefined;
    if (!status || !(err instanceof EngineError)) throw err;
    return { ...empty, status, code: err.code, message: err.message, seconds: (Date.now() - started) / 1000 };
  }
  const smallest = rows.d > 0 ? smallestCovarianceEigenvalue(fit.params) : null;
  const degenerate = smallest ? degeneracyMessage(smallest, options.regCovar) : null;
  const n = rows.weights ? rows.weights.reduce((a, b) => a + b, 0) : rows.nSamples;
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
    sabic: sampleSizeAdjustedBic(fit.logLikelihood, fit.nParameters, n),
    converged: fit.converged,
    nIter: fit.nIter,
    seconds: (Date.now() - started) / 1000,
    minCovarianceEigenvalue: smallest?.value ?? null,
    minEigenvalueComponent: smallest?.component ?? null,
    minWeight: Math.min(...fit.params.weights),
    origin: 'restarts',
    params: fit.params,
  };
}
