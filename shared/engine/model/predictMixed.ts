/**
 * Applying a fitted mixed-type mixture to rows (predict, predict_proba, score_samples for any
 * family): one E-step at the stored parameters over the same mixed row pass the fit uses, in this
 * thread, chunk by chunk. The rows are in the model's own units (the caller applied the stored
 * log and standardisation); missing cells count as in the fit.
 */
import type { GaussianMixtureParams } from './types';
import { chunkCount, jobStride, runStepOnChunk, kernelsFor, type RowJob } from '../compute';
import { COVARIANCE_MODELS } from './covariance/index';
import { argmaxRows, type Prediction } from './predict';
import { EngineError, singularComponentError } from '../../errors';
import { mixedLayout, type MixedRows } from '../families/rows';
import { gaussianStep } from '../families/gaussianBlock';
import { categoricalLogTable } from '../families/categorical';
import type { MixedEStepParams } from '../families/state';

export function predictMixed(params: GaussianMixtureParams, rows: MixedRows): Prediction {
  const K = params.nComponents;
  const n = rows.nSamples;
  const discrete = params.discrete ?? {
    categorical: [],
    poisson: new Float64Array(0),
    binomial: new Float64Array(0),
  };
  if (rows.d !== params.nFeatures || rows.levels.length !== discrete.categorical.length)
    throw new EngineError('invalid_option', 'The rows do not have the model’s columns.');
  const model = COVARIANCE_MODELS[params.covarianceType];
  const dense = rows.d > 0 && model.family === 'dense';
  const layout = mixedLayout(rows, K, dense);
  let gaussian: MixedEStepParams['gaussian'] = null;
  if (rows.d > 0) {
    const g = gaussianStep(
      { means: params.means, covariances: params.covariances, precisionsCholesky: params.precisionsCholesky },
      model,
      rows,
      K,
    );
    if (typeof g === 'number') throw singularComponentError(g);
    gaussian = g;
  }
  const step = {
    kind: 'mixedEstep' as const,
    layout,
    params: {
      logWeights: params.weights.map(Math.log),
      gaussian,
      categoricalLog: categoricalLogTable(discrete.categorical, layout),
      poissonLogRate: discrete.poisson.map(Math.log),
      poissonRate: discrete.poisson,
      binomialLogP: discrete.binomial.map(Math.log),
      binomialLog1mP: discrete.binomial.map((p) => Math.log(1 - p)),
    },
  };
  const stride = Math.max(layout.estepSize, layout.scatterSize);
  const job: RowJob = {
    X: rows.X,
    resp: new Float64Array(n * K),
    logNorm: new Float64Array(n),
    labels: new Int32Array(n),
    partials: new Float64Array(chunkCount(n) * stride),
    nSamples: n,
    nFeatures: rows.d,
    nComponents: K,
    family: model.family,
    mixed: rows,
    stride,
  };
  const kernels = kernelsFor(job);
  let total = 0;
  for (let c = 0; c < chunkCount(n); c++) {
    runStepOnChunk(job, kernels, step, c);
    total += job.partials[c * jobStride(job)];
  }
  const weight = rows.weights ? rows.weights.reduce((s, w) => s + w, 0) : n;
  return {
    labels: argmaxRows(job.resp, n, K),
    resp: job.resp,
    logDensity: job.logNorm,
    meanLogLikelihood: total / weight,
  };
}
