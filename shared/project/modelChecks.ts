/**
 * The numeric checks of a model read from outside — a model file (modelFile.ts) or `mixlab fit
 * --init-params` — one function per part, so a new part (the `discrete` block of mixed models)
 * adds a function rather than a branch. Each returns the first problem found as a phrase that says
 * where it is ("the covariance of component 2 is not symmetric: …"), or null. Shapes are checked
 * before (fitRules.ts shapeProblem); these check what the shapes cannot:
 *
 *   weights               every weight finite, > 0 and ≤ 1, summing to 1
 *   means                 finite
 *   covariances           full/tied: each matrix symmetric and positive definite (a Cholesky
 *                         factorisation succeeds); diag/spherical: every variance finite and > 0
 *   precisions            the same, for precision matrices (scikit-learn's precisions_init)
 *   precisions_cholesky   full/tied: upper triangular (zeros below the diagonal), diagonal finite
 *                         and > 0; diag/spherical: every entry finite and > 0
 *
 * Why each matters: the E-step takes log det from the factor's diagonal (a zero or negative entry
 * is a NaN or −∞ log-likelihood), reads only the factor's upper triangle (junk below would silently
 * be ignored, so a file that is not what it claims must be refused rather than half-read), and
 * Cholesky reads only the lower triangle of a covariance (an asymmetric matrix would be accepted as
 * some other matrix). scikit-learn's own checks for precisions_init are the model here
 * (_check_precision_matrix: symmetric, positive definite).
 */
import { choleskyLower } from '../engine/model/linalg';
import { COVARIANCE_MODELS } from '../engine/model/covariance/index';
import type { CovarianceType } from '../engine/model/types';

/** A problem as a phrase that names its place: "the covariance of component 2 is not symmetric: …". */
export type ModelProblem = string;

/**
 * Asymmetry allowed between A[i][j] and A[j][i], relative to √(A[i][i]·A[j][j]) — the bound on
 * |A[i][j]| of a positive semi-definite matrix, so the test does not depend on the data's units.
 * A matrix computed as XᵀX or inverted by LAPACK is symmetric to ~1e-15 of that scale.
 */
export const SYMMETRY_TOLERANCE = 1e-8;

/** Weights: finite, in (0, 1], summing to 1 within `sumTolerance`. */
export function weightsProblem(weights: ArrayLike<number>, sumTolerance: number): ModelProblem | null {
  let sum = 0;
  let inRange = true;
  for (let k = 0; k < weights.length; k++) {
    const w = weights[k];
    // A zero weight is a component that can never be chosen: log 0 = −∞ in every row's density.
    if (!(w > 0)) return `weights[${k}] must be positive (got ${w})`;
    if (!(w <= 1)) inRange = false;
    sum += w;
  }
  if (!inRange || !(Math.abs(sum - 1) <= sumTolerance))
    return `weights must lie in [0, 1] and sum to 1 (sum is ${sum})`;
  return null;
}

/** Means: K × d finite numbers. */
export function meansProblem(means: ArrayLike<number>, d: number): ModelProblem | null {
  for (let e = 0; e < means.length; e++) {
    if (!Number.isFinite(means[e]))
      return `means[${Math.floor(e / d)}][${e % d}] is not a finite number (got ${means[e]})`;
  }
  return null;
}

/**
 * "the covariance of component 3", or "the tied covariance" when one matrix serves every component
 * (its size does not grow with K); `e` is a flat index into the covariance-shaped array.
 */
function whose(what: string, type: CovarianceType, K: number, d: number, e: number): string {
  const model = COVARIANCE_MODELS[type];
  if (model.size(2, d) === model.size(1, d)) return `the ${type} ${what}`;
  return `the ${what} of component ${Math.floor(e / (model.size(K, d) / K)) + 1}`;
}

/**
 * Symmetric positive definite matrices (full: K × d × d, tied: d × d) or positive variances
 * (diag: K × d, spherical: K), as the covariance type lays them out. `what` names the kind of
 * matrix in the message ("covariance", "precision").
 */
export function positiveDefiniteProblem(
  what: string,
  type: CovarianceType,
  values: Float64Array,
  K: number,
  d: number,
): ModelProblem | null {
  const model = COVARIANCE_MODELS[type];
  if (model.family !== 'dense') {
    for (let e = 0; e < values.length; e++) {
      if (!(values[e] > 0) || !Number.isFinite(values[e]))
        return `${whose(what, type, K, d, e)} is not positive definite`;
    }
    return null;
  }
  const L = new Float64Array(d * d);
  for (let off = 0; off < values.length; off += d * d) {
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < i; j++) {
        const a = values[off + i * d + j];
        const b = values[off + j * d + i];
        const scale = Math.sqrt(Math.abs(values[off + i * d + i] * values[off + j * d + j]));
        if (!(Math.abs(a - b) <= SYMMETRY_TOLERANCE * scale)) {
          return `${whose(what, type, K, d, off)} is not symmetric: entry [${i}][${j}] is ${a} but [${j}][${i}] is ${b}`;
        }
      }
    }
    if (!choleskyLower(values, off, d, L, 0))
      return `${whose(what, type, K, d, off)} is not positive definite`;
  }
  return null;
}

/**
 * Precision-Cholesky factors as scikit-learn stores precisions_cholesky_ and the engine reads
 * them: full/tied upper triangular with a positive finite diagonal; diag/spherical 1/σ > 0.
 */
export function precisionsCholeskyProblem(
  type: CovarianceType,
  factors: Float64Array,
  K: number,
  d: number,
): ModelProblem | null {
  const what = 'precision Cholesky factor';
  const model = COVARIANCE_MODELS[type];
  if (model.family !== 'dense') {
    for (let e = 0; e < factors.length; e++) {
      if (!(factors[e] > 0) || !Number.isFinite(factors[e]))
        return `${whose(what, type, K, d, e)} must be positive and finite (got ${factors[e]})`;
    }
    return null;
  }
  for (let off = 0; off < factors.length; off += d * d) {
    for (let i = 0; i < d; i++) {
      const diagonal = factors[off + i * d + i];
      if (!(diagonal > 0) || !Number.isFinite(diagonal))
        return `${whose(what, type, K, d, off)} has diagonal entry [${i}][${i}] = ${diagonal}; it must be positive and finite`;
      for (let j = 0; j < i; j++) {
        const v = factors[off + i * d + j];
        if (v !== 0)
          return `${whose(what, type, K, d, off)} is not upper triangular: entry [${i}][${j}] below the diagonal is ${v}`;
      }
      for (let j = i + 1; j < d; j++) {
        const v = factors[off + i * d + j];
        if (!Number.isFinite(v)) return `${whose(what, type, K, d, off)} has entry [${i}][${j}] = ${v}`;
      }
    }
  }
  return null;
}

/**
 * Tolerance on Σ_l θ_kl = 1 for each class of a categorical column: the same as the weights'
 * (modelFile.ts MODEL_WEIGHTS_SUM_TOLERANCE), for the same reason — 17 significant digits per
 * probability sum to 1 within a few ulps, hand-typed ones within rounding.
 */
export const PROBABILITY_SUM_TOLERANCE = 1e-6;

/**
 * A categorical column's K × L class-conditional probabilities (row-major): each finite, in
 * [0, 1], each class's row summing to 1. A zero is allowed (a level a class never takes: the
 * E-step's log table holds −∞ there, never NaN); a row that does not sum to 1 would make the
 * likelihood of one class larger than a probability model allows and bias every label toward it.
 */
export function categoricalProblem(
  column: string,
  probabilities: ArrayLike<number>,
  K: number,
  L: number,
): ModelProblem | null {
  for (let k = 0; k < K; k++) {
    let sum = 0;
    for (let l = 0; l < L; l++) {
      const p = probabilities[k * L + l];
      if (!(p >= 0 && p <= 1))
        return `"${column}": the probability of level ${l + 1} in class ${k + 1} must lie in [0, 1] (got ${p})`;
      sum += p;
    }
    if (!(Math.abs(sum - 1) <= PROBABILITY_SUM_TOLERANCE))
      return `"${column}": the probabilities of class ${k + 1} must sum to 1 (sum is ${sum})`;
  }
  return null;
}

/** A Poisson column's K rates: finite and ≥ 0 (a zero rate is a class that only ever counts 0). */
export function poissonRatesProblem(column: string, rates: ArrayLike<number>): ModelProblem | null {
  for (let k = 0; k < rates.length; k++)
    if (!(rates[k] >= 0) || !Number.isFinite(rates[k]))
      return `"${column}": the rate of class ${k + 1} must be a finite number ≥ 0 (got ${rates[k]})`;
  return null;
}

/** A binomial column's K success probabilities: finite, in [0, 1]. */
export function binomialProblem(column: string, probabilities: ArrayLike<number>): ModelProblem | null {
  for (let k = 0; k < probabilities.length; k++)
    if (!(probabilities[k] >= 0 && probabilities[k] <= 1))
      return `"${column}": the success probability of class ${k + 1} must lie in [0, 1] (got ${probabilities[k]})`;
  return null;
}

/** A categorical column's levels: at least one, each named once (a code maps to one level). */
export function levelsProblem(column: string, levels: readonly string[]): ModelProblem | null {
  if (levels.length === 0) return `"${column}" has no levels`;
  const seen = new Set<string>();
  for (const level of levels) {
    if (seen.has(level)) return `"${column}" lists the level "${level}" twice`;
    seen.add(level);
  }
  return null;
}
