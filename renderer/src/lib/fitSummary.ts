/**
 * The numbers of a finished fit that its summary shows, as a project file stores them — one
 * builder for the Gaussian and the mixed-type fit records (shared/project/schema.ts summarySchema).
 */
import type { FitSummaryNumbers } from '../../../shared/project/schema';
import type { CurrentFit } from './analysisState';

export function fitSummaryOf(fit: CurrentFit): FitSummaryNumbers {
  const f = fit.response.fit;
  return {
    converged: f.converged,
    nIter: f.nIter,
    lowerBound: f.lowerBound,
    meanLogLikelihood: f.meanLogLikelihood,
    logLikelihood: f.logLikelihood,
    nParameters: f.nParameters,
    bic: f.bic,
    aic: f.aic,
    icl: f.icl,
    nSamples: fit.response.rowIndex.length,
    droppedRows: fit.response.droppedRows,
    seconds: f.seconds,
  };
}
