/**
 * Drawing rows from a fitted mixture (scikit-learn's GaussianMixture.sample): the number of rows
 * per component is multinomial(n, weights), then each component's rows are μ_k + L_k z with
 * Σ_k = L_k L_kᵀ (Cholesky) and z standard normal, grouped by component in component order.
 * Deterministic for a given Rng state.
 */
import type { GaussianMixtureParams } from './types';
import type { Rng } from './rng';
import { COVARIANCE_MODELS } from './covariance/index';
import { choleskyLower } from './linalg';
import { EngineError } from '../../errors';

export interface MixtureSample {
  /** nSamples × nFeatures, row-major. */
  X: Float64Array;
  /** nSamples: the component each row was drawn from. */
  labels: Int32Array;
}

export function sampleMixture(params: GaussianMixtureParams, nSamples: number, rng: Rng): MixtureSample {
  if (!Number.isInteger(nSamples) || nSamples < 1)
    throw new EngineError('invalid_option', `nSamples must be an integer ≥ 1 (got ${nSamples}).`);
  const { nComponents: K, nFeatures: d } = params;
  const model = COVARIANCE_MODELS[params.covarianceType];
  const counts = new Int32Array(K);
  for (let i = 0; i < nSamples; i++) counts[categorical(params.weights, rng)]++;
  const X = new Float64Array(nSamples * d);
  const labels = new Int32Array(nSamples);
  const cov = new Float64Array(d * d);
  const L = new Float64Array(d * d);
  const z = new Float64Array(d);
  let row = 0;
  for (let k = 0; k < K; k++) {
    model.denseCovariance(params.covariances, k, d, cov);
    if (!choleskyLower(cov, 0, d, L, 0))
      throw new EngineError('invalid_option', `Component ${k + 1}'s covariance is not positive definite.`);
    for (let c = 0; c < counts[k]; c++, row++) {
      for (let j = 0; j < d; j++) z[j] = rng.normal();
      for (let a = 0; a < d; a++) {
        let s = params.means[k * d + a];
        for (let b = 0; b <= a; b++) s += L[a * d + b] * z[b];
        X[row * d + a] = s;
      }
      labels[row] = k;
    }
  }
  return { X, labels };
}

/** Index drawn with probabilities proportional to weights (inverse CDF). */
function categorical(weights: Float64Array, rng: Rng): number {
  let total = 0;
  for (let k = 0; k < weights.length; k++) total += weights[k];
  let u = rng.random() * total;
  for (let k = 0; k < weights.length - 1; k++) {
    u -= weights[k];
    if (u < 0) return k;
  }
  return weights.length - 1;
}
