/**
 * Mixed-type fits in a project file (shared/project/schema.ts `mixtureFits`): a fit with discrete
 * families, weights or modelled missing cells is saved as the model the engine's mixture.predict
 * reads (column roles, parameters, preprocessing), and reopened through that predict — never
 * refitted, and with the rows the fit kept (a plain applyModel would drop rows with a missing cell).
 */
import type { FitRequest, FitResponse } from '../../../shared/engine/model/types';
import type { MixtureModel } from '../../../shared/engine/request/mixtureModel';
import type { StoredPrediction } from '../../../shared/engine/request/storedModelApply';
import type { MixlabProject, ProjectMixtureFit } from '../../../shared/project/schema';
import type { CurrentFit } from './analysisState';
import { hasFamilies, roleFields } from './columnRoles';
import { fitSummaryOf } from './fitSummary';
import { DEFAULT_MODEL_SETTINGS, toFitOptions } from './modelSettings';

/** A fit the plain Gaussian model file cannot hold, or whose rows a plain predict would not keep. */
export function isMixtureFit(fit: Pick<CurrentFit, 'request' | 'response'>): boolean {
  return (
    fit.response.fit.params.discrete !== undefined ||
    hasFamilies(roleFields(fit.request)) ||
    (fit.response.missingCells ?? 0) > 0
  );
}

/** The stored model of a fit: the request's column roles, the parameters, the preprocessing. */
export function mixtureModelOf(fit: Pick<CurrentFit, 'request' | 'response'>): MixtureModel {
  const req = fit.request;
  return {
    roles: {
      columns: [...req.columns],
      standardize: req.standardize,
      ...(req.logColumns ? { logColumns: [...req.logColumns] } : {}),
      ...roleFields(req),
    },
    params: fit.response.fit.params,
    // A plain copy: the store's may be a reactive proxy, which IPC cannot clone.
    preprocessing: JSON.parse(JSON.stringify(fit.response.preprocessing)) as MixtureModel['preprocessing'],
  };
}

export function toProjectMixtureFit(fit: CurrentFit, id: string): ProjectMixtureFit {
  const f = fit.response.fit;
  const trace = f.traces[f.bestRestart];
  return {
    id,
    settings: fit.request.options,
    model: mixtureModelOf(fit),
    summary: {
      ...fitSummaryOf(fit),
      ...(fit.response.missingCells !== undefined ? { missingCells: fit.response.missingCells } : {}),
      ...(fit.response.totalWeight !== undefined ? { totalWeight: fit.response.totalWeight } : {}),
    },
    ...(trace && trace.length > 0 ? { trace: Array.from(trace) } : {}),
  };
}

/** The mixed-type fit on screen when the project was saved, if it is one. */
export function currentMixtureFit(
  project: Pick<MixlabProject, 'mixtureFits' | 'currentFitId'>,
): ProjectMixtureFit | null {
  return (project.mixtureFits ?? []).find((f) => f.id === project.currentFitId) ?? null;
}

/** A stored mixed fit as the current fit on `datasetId`, labels from the stored model's predict. */
export function restoredMixtureFit(
  fit: ProjectMixtureFit,
  prediction: StoredPrediction,
  datasetId: string,
): { request: FitRequest; response: FitResponse } {
  const { roles, params, preprocessing } = fit.model;
  const { initParams: _unused, ...options } = fit.settings;
  const request: FitRequest = {
    datasetId,
    columns: [...roles.columns],
    standardize: roles.standardize,
    ...(roles.logColumns && roles.logColumns.length > 0 ? { logColumns: [...roles.logColumns] } : {}),
    ...roleFields(roles),
    // The panel's key order, so the workspace's "settings changed since the fit" test compares alike.
    options: toFitOptions({ ...DEFAULT_MODEL_SETTINGS, ...options }),
  };
  const s = fit.summary;
  const response: FitResponse = {
    fit: {
      params,
      converged: s.converged,
      nIter: s.nIter,
      lowerBound: s.lowerBound,
      meanLogLikelihood: s.meanLogLikelihood,
      logLikelihood: s.logLikelihood,
      nParameters: s.nParameters,
      bic: s.bic,
      aic: s.aic,
      icl: s.icl,
      traces: fit.trace ? [Float64Array.from(fit.trace)] : [],
      bestRestart: 0,
      labels: prediction.labels,
      resp: prediction.resp,
      logDensity: new Float64Array(0),
      seconds: s.seconds,
    },
    preprocessing,
    rowIndex: prediction.rowIndex,
    droppedRows: prediction.droppedRows,
    missingCells: prediction.missingCells,
    ...(s.totalWeight !== undefined ? { totalWeight: s.totalWeight } : {}),
  };
  return { request, response };
}
