/**
 * Each mixture component's parameters as an analyst reads them: weight, mean, standard deviations,
 * variances, covariance and correlation matrices — in the fitted (possibly standardised) space and
 * in display units (./displaySpace.ts). The map from the fitted space to display units is affine,
 * t = center + D z with D = diag(scale), so μ_t = center + D μ_z and Σ_t = D Σ_z D are exact, and
 * correlations are unchanged by it. A log-transformed feature stays in log units (display units are
 * ln x there): its component is log-normal in x, whose mean exp(μ + σ²/2) is not a parameter of
 * the fit, so the view says "log(name)" rather than back-transforming it.
 *
 * Shapes: K components, d features; matrices d × d row-major. The covariance type decides how many
 * distinct numbers there are (full: K matrices; tied: one shared; diag: K diagonals; spherical: K
 * scalars), but every component here gets its dense matrix (./ellipse.ts componentCovariance).
 */
import type { GaussianMixtureParams, Preprocessing } from '../engine/model/types';
import { covarianceToDisplay, meanToDisplay } from './displaySpace';
import { componentCovariance } from './ellipse';

export interface ComponentParameters {
  component: number;
  weight: number;
  /** d */
  mean: Float64Array;
  /** d: √diag(Σ). */
  sd: Float64Array;
  /** d: diag(Σ). */
  variance: Float64Array;
  /** d × d */
  covariance: Float64Array;
  /** d × d: Σ_ab / (sd_a sd_b); NaN where a standard deviation is 0. */
  correlation: Float64Array;
}

/** R_ab = Σ_ab / √(Σ_aa Σ_bb) for a d × d covariance. */
export function correlationMatrix(cov: Float64Array, d: number): Float64Array {
  const out = new Float64Array(d * d);
  for (let a = 0; a < d; a++)
    for (let b = 0; b < d; b++) {
      const s = Math.sqrt(cov[a * d + a] * cov[b * d + b]);
      out[a * d + b] = a === b && s > 0 ? 1 : s > 0 ? cov[a * d + b] / s : Number.NaN;
    }
  return out;
}

function describe(k: number, weight: number, mean: Float64Array, cov: Float64Array, d: number) {
  const variance = new Float64Array(d);
  for (let j = 0; j < d; j++) variance[j] = cov[j * d + j];
  return {
    component: k,
    weight,
    mean,
    sd: variance.map(Math.sqrt),
    variance,
    covariance: cov,
    correlation: correlationMatrix(cov, d),
  };
}

/** The parameters in the fitted space (z: standardised and/or logged, as EM saw the data). */
export function fittedParameters(params: GaussianMixtureParams): ComponentParameters[] {
  const d = params.nFeatures;
  return Array.from({ length: params.nComponents }, (_, k) =>
    describe(k, params.weights[k], params.means.slice(k * d, (k + 1) * d), componentCovariance(params, k), d),
  );
}

/** The parameters in display units: original units, or ln x for a log feature. */
export function displayParameters(params: GaussianMixtureParams, pre: Preprocessing): ComponentParameters[] {
  const d = params.nFeatures;
  return Array.from({ length: params.nComponents }, (_, k) =>
    describe(
      k,
      params.weights[k],
      meanToDisplay(pre, params.means.subarray(k * d, (k + 1) * d)),
      covarianceToDisplay(pre, componentCovariance(params, k)),
      d,
    ),
  );
}
