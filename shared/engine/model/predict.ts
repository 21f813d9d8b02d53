/**
 * Applying a fitted model to data (scikit-learn's predict, predict_proba, score_samples): the same
 * E-step the fit uses, so labels and responsibilities agree with the fit's final E-step.
 *
 * The rows pass through the executor one chunk (CHUNK_ROWS rows) at a time. A row's
 * responsibilities and log density depend on that row alone, so this changes no value; it keeps
 * the executor's arrays one chunk long however many rows there are (the engine's SIMD executor
 * would otherwise hold a second copy of all of X in WebAssembly memory, which never shrinks).
 */
import type { GaussianMixtureParams } from './types';
import type { RowExecutor, RowJob } from '../compute';
import { CHUNK_ROWS, createInThreadExecutor, partialStride } from '../compute';
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

/**
 * X: nSamples × params.nFeatures, row-major, finite. `executor` runs the E-step (default: this
 * thread's JavaScript kernels; every executor gives the same bits).
 */
export async function predictMixture(
  params: GaussianMixtureParams,
  X: Float64Array,
  nSamples: number,
  executor: RowExecutor = createInThreadExecutor(),
): Promise<Prediction> {
  const { nComponents: K, nFeatures: d } = params;
  const model = COVARIANCE_MODELS[params.covarianceType];
  const rows = Math.min(nSamples, CHUNK_ROWS);
  const job: RowJob = {
    X: executor.allocateFloat64(rows * d),
    resp: executor.allocateFloat64(rows * K),
    logNorm: executor.allocateFloat64(rows),
    labels: executor.allocateInt32(rows),
    partials: executor.allocateFloat64(partialStride(K, d)),
    nSamples: rows,
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
  const resp = new Float64Array(nSamples * K);
  const logDensity = new Float64Array(nSamples);
  await executor.bind(job);
  for (let start = 0; start < nSamples; start += CHUNK_ROWS) {
    const n = Math.min(CHUNK_ROWS, nSamples - start);
    // The last chunk may be shorter: the same arrays, fewer rows.
    if (n < job.nSamples) await executor.bind({ ...job, nSamples: n });
    job.X.set(X.subarray(start * d, (start + n) * d));
    await executor.run(step);
    resp.set(job.resp.subarray(0, n * K), start * K);
    logDensity.set(job.logNorm.subarray(0, n), start);
  }
  let total = 0;
  for (let i = 0; i < nSamples; i++) total += logDensity[i];
  return {
    labels: argmaxRows(resp, nSamples, K),
    resp,
    logDensity,
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
