/**
 * Drawing rows from a fitted mixture (scikit-learn's GaussianMixture.sample): the number of rows
 * per component is multinomial(n, weights), then each component's rows are μ_k + L_k z with
 * Σ_k = L_k L_kᵀ (Cholesky) and z standard normal, grouped by component in component order.
 * Deterministic for a given Rng state.
 */
import type { DiscreteParams, GaussianMixtureParams } from './types';
import { drawBinomial, drawCategory, drawPoisson } from '../families/draw';
import type { Rng } from './rng';
import { COVARIANCE_MODELS } from './covariance/index';
import { choleskyLower } from './linalg';
import { EngineError } from '../../errors';

export interface MixtureSample {
  /** nSamples × nFeatures, row-major. */
  X: Float64Array;
  /** nSamples: the component each row was drawn from. */
  labels: Int32Array;
  /**
   * A mixed-type model's discrete columns, drawn given each row's component: nSamples × m level
   * codes, nSamples × q counts, nSamples × b successes (out of `binomialTrials`).
   */
  discrete?: { codes: Int32Array; counts: Float64Array; successes: Float64Array };
}

/**
 * `binomialTrials` gives each binomial column's number of trials (a model whose trials came from a
 * column has none to draw from: the caller says so before sampling).
 */
export function sampleMixture(
  params: GaussianMixtureParams,
  nSamples: number,
  rng: Rng,
  binomialTrials: readonly number[] = [],
): MixtureSample {
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
  if (!params.discrete) return { X, labels };
  return { X, labels, discrete: sampleDiscrete(params.discrete, labels, K, rng, binomialTrials) };
}

/** The discrete columns of each row given its component, drawn after the Gaussian block. */
function sampleDiscrete(
  discrete: DiscreteParams,
  labels: Int32Array,
  K: number,
  rng: Rng,
  binomialTrials: readonly number[],
): NonNullable<MixtureSample['discrete']> {
  const n = labels.length;
  const m = discrete.categorical.length;
  const q = discrete.poisson.length / K;
  const b = discrete.binomial.length / K;
  if (binomialTrials.length !== b)
    throw new EngineError(
      'invalid_option',
      `Sampling needs the number of trials of each of the ${b} binomial columns.`,
    );
  const codes = new Int32Array(n * m);
  const counts = new Float64Array(n * q);
  const successes = new Float64Array(n * b);
  for (let i = 0; i < n; i++) {
    const k = labels[i];
    discrete.categorical.forEach((theta, j) => {
      const L = theta.length / K;
      codes[i * m + j] = drawCategory(theta, k * L, L, rng);
    });
    for (let j = 0; j < q; j++) counts[i * q + j] = drawPoisson(discrete.poisson[k * q + j], rng);
    for (let j = 0; j < b; j++)
      successes[i * b + j] = drawBinomial(binomialTrials[j], discrete.binomial[k * b + j], rng);
  }
  return { codes, counts, successes };
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
