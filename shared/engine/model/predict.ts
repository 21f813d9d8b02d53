/**
 * Applying a fitted model to data (scikit-learn's predict, predict_proba, score_samples): the same
 * chunked E-step the fit uses, so labels and responsibilities agree with the fit's final E-step.
 */
import type { GaussianMixtureParams } from './types';
import type { RowJob } from '../compute';
import { chunkCount, kernelsFor, partialStride, runStepOnChunk } from '../compute';
import { COVARIANCE_MODELS } from './covariance/index';

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

export interface Prediction {
  /** n: most probable component, 0-based (first on ties). */
  labels: Int32Array;
  /** n × K responsibilities. */
  resp: Float64Array;
  /** n: log density of each row under the mixture. */
  logDensity: Float64Array;
  /** Mean of logDensity (scikit-learn's score). */
  meanLogLikelihood: number;
}

/** X: nSamples × params.nFeatures, row-major, finite. */
export function predictMixture(params: GaussianMixtureParams, X: Float64Array, nSamples: number): Prediction {
  const { nComponents: K, nFeatures: d } = params;
  const model = COVARIANCE_MODELS[params.covarianceType];
  const job: RowJob = {
    X,
    resp: new Float64Array(nSamples * K),
    logNorm: new Float64Array(nSamples),
    labels: new Int32Array(nSamples),
    partials: new Float64Array(chunkCount(nSamples) * partialStride(K, d)),
    nSamples,
    nFeatures: d,
    nComponents: K,
    family: model.family,
  };
  const logDet = model.logDetPrecisionCholesky(params.precisionsCholesky, K, d);
  const constants = new Float64Array(K);
  for (let k = 0; k < K; k++) constants[k] = Math.log(params.weights[k]) + logDet[k] - d * HALF_LOG_2PI;
  const step = {
    kind: 'estep' as const,
    constants,
    means: params.means,
    factors: model.kernelFactors(params.precisionsCholesky, K, d),
  };
  const kernels = kernelsFor(job);
  let total = 0;
  for (let c = 0; c < chunkCount(nSamples); c++) runStepOnChunk(job, kernels, step, c);
  for (let i = 0; i < nSamples; i++) total += job.logNorm[i];
  return {
    labels: argmaxRows(job.resp, nSamples, K),
    resp: job.resp,
    logDensity: job.logNorm,
    meanLogLikelihood: total / nSamples,
  };
}

/** Index of each row's largest value (first on ties), as numpy's argmax(axis=1). */
export function argmaxRows(values: Float64Array, n: number, K: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let k = 1; k < K; k++) if (values[i * K + k] > values[i * K + best]) best = k;
    out[i] = best;
  }
  return out;
}
