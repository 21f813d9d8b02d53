/**
 * mclust's models with one orientation D for every component and a variable volume or shape, none
 * of which has a closed-form M-step:
 *
 *   VEE  Σ_k = λ_k C: C = Σ_k W_k / λ_k scaled to det 1, λ_k = tr(W_k C⁻¹) / (d nk), alternated
 *        (Celeux & Govaert 1995, §3.1; mclust's mevee, starting from λ_k = 1 in every M-step);
 *   EVE  Σ_k = λ D A_k Dᵀ and
 *   VVE  Σ_k = λ_k D A_k Dᵀ: D by the two majorisation-minimisation updates of Browne &
 *        McNicholas ("Estimating common principal components in high dimensions", Advances in
 *        Data Analysis and Classification 8, 2014), A_k (and λ_k) from diag(Dᵀ W_k D), repeated
 *        while the target Σ_k tr(W_k D A_k⁻¹ Dᵀ) changes by more than INNER_TOL (relative); D and
 *        A_k start from I and 1 and carry over between M-steps (mclust's meeve, mevve).
 */
import type { CovarianceModel, CovarianceParts } from '../model';
import { fullCovariance } from '../full';
import { jacobiEigen } from '../../../../stats/jacobi';
import { polarFactorInto } from '../../../../stats/svd';
import { precisionCholeskyFromCovariance } from '../../linalg';
import { mclustModel } from './build';
import {
  INNER_MAX_ITER,
  INNER_TOL,
  composeCovariance,
  detRoot,
  geometricMean,
  identity,
  multiply,
  relativeChange,
  total,
  transpose,
} from './scatter';

const commonOrientation = (d: number): number => (d * (d - 1)) / 2;

export const veeCovariance: CovarianceModel = mclustModel(
  fullCovariance,
  'VEE',
  (K, d) => K + (d - 1) + commonOrientation(d),
  (W, nk, K, d) => {
    const scale = new Float64Array(K).fill(1);
    const n = total(nk);
    const C = new Float64Array(d * d);
    let target = Infinity;
    for (let inner = 1; ; inner++) {
      C.fill(0);
      for (let k = 0; k < K; k++) for (let e = 0; e < d * d; e++) C[e] += W[k][e] / scale[k];
      const g = detRoot(C, d);
      for (let e = 0; e < d * d; e++) C[e] /= g;
      const Cinv = inverse(C, d);
      let next = n * d;
      for (let k = 0; k < K; k++) {
        let trace = 0;
        for (let e = 0; e < d * d; e++) trace += W[k][e] * Cinv[e];
        scale[k] = trace / (d * nk[k]);
        next += d * Math.log(scale[k]) * nk[k];
      }
      const change = relativeChange(target, next);
      target = next;
      if (!(change > INNER_TOL) || inner >= INNER_MAX_ITER) break;
    }
    const covariances = new Float64Array(K * d * d);
    for (let k = 0; k < K; k++) for (let e = 0; e < d * d; e++) covariances[k * d * d + e] = scale[k] * C[e];
    return { covariances, parts: null };
  },
);

/**
 * EVE and VVE's M-step: D and every A_k by Browne & McNicholas's updates, then λ (EVE, one) or λ_k
 * (VVE, from each component's diag(Dᵀ W_k D) / nk).
 */
function commonOrientationStep(variableVolume: boolean) {
  return (W: Float64Array[], nk: Float64Array, K: number, d: number, start: CovarianceParts | null) => {
    // Largest eigenvalue of each W_k: the majorising constant of the first update.
    const omega = W.map((Wk) => jacobiEigen(Wk, d).values[0]);
    const D = start?.orientation ? start.orientation.slice(0, d * d) : identity(d);
    const shape = start ? Float64Array.from(start.shape) : new Float64Array(K * d).fill(1);
    const scale = new Float64Array(K);
    const work = orientationWork(d);
    let target = Infinity;
    for (let inner = 1; ; inner++) {
      firstUpdate(W, omega, D, shape, K, d, work);
      secondUpdate(W, D, shape, K, d, work);
      let next = 0;
      for (let k = 0; k < K; k++) {
        const projected = diagonalOfProjection(W[k], D, d, work.projected);
        if (variableVolume) for (let j = 0; j < d; j++) projected[j] /= nk[k];
        const g = geometricMean(projected);
        scale[k] = g;
        for (let j = 0; j < d; j++) {
          shape[k * d + j] = projected[j] / g;
          // tr(Dᵀ W_k D A_k⁻¹) with the unscaled diagonal, as mclust's target.
          next += (variableVolume ? projected[j] * nk[k] : projected[j]) / shape[k * d + j];
        }
      }
      const change = relativeChange(target, next);
      target = next;
      if (!(change > INNER_TOL) || inner >= INNER_MAX_ITER) break;
    }
    if (!variableVolume) scale.fill(target / (total(nk) * d));
    const covariances = new Float64Array(K * d * d);
    for (let k = 0; k < K; k++) composeCovariance(scale[k], shape, k * d, D, 0, d, covariances, k * d * d);
    const orientation = new Float64Array(K * d * d);
    for (let k = 0; k < K; k++) orientation.set(D, k * d * d);
    return { covariances, parts: { scale, shape, orientation } };
  };
}

/** Working arrays of the updates, allocated once per M-step (the inner loop runs many times). */
function orientationWork(d: number) {
  return {
    F: new Float64Array(d * d),
    Q: new Float64Array(d * d),
    WD: new Float64Array(d * d),
    svd: new Float64Array(2 * d * d),
    row: new Float64Array(d),
    projected: new Float64Array(d),
  };
}
type OrientationWork = ReturnType<typeof orientationWork>;

/**
 * Browne & McNicholas's first update (their MM 1): F = Σ_k A_k⁻¹ Dᵀ (W_k − ω_k I); with F = P B Rᵀ,
 * the new D is R Pᵀ = polar(F)ᵀ. D (d × d, axes as columns) is updated in place.
 */
function firstUpdate(
  W: Float64Array[],
  omega: number[],
  D: Float64Array,
  shape: Float64Array,
  K: number,
  d: number,
  work: OrientationWork,
): void {
  const { F, Q, row } = work;
  F.fill(0);
  for (let k = 0; k < K; k++) {
    const Wk = W[k];
    for (let j = 0; j < d; j++) {
      // Row j of A_k⁻¹ Dᵀ: D's column j over a_kj.
      const a = shape[k * d + j];
      for (let m = 0; m < d; m++) row[m] = D[m * d + j] / a;
      for (let c = 0; c < d; c++) {
        let s = 0;
        for (let m = 0; m < d; m++) s += row[m] * Wk[m * d + c];
        F[j * d + c] += s - omega[k] * row[c];
      }
    }
  }
  polarFactorInto(F, d, Q, work.svd);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) D[i * d + j] = Q[j * d + i];
}

/**
 * Their second update (MM 2, as mclust computes it): F = Σ_k W_k D (A_k⁻¹ − max_j a_kj⁻¹ I); with
 * F = P B Rᵀ, the new D is P Rᵀ = polar(F). D is updated in place.
 */
function secondUpdate(
  W: Float64Array[],
  D: Float64Array,
  shape: Float64Array,
  K: number,
  d: number,
  work: OrientationWork,
): void {
  const { F, WD } = work;
  F.fill(0);
  for (let k = 0; k < K; k++) {
    const Wk = W[k];
    for (let r = 0; r < d; r++)
      for (let j = 0; j < d; j++) {
        let s = 0;
        for (let m = 0; m < d; m++) s += Wk[r * d + m] * D[m * d + j];
        WD[r * d + j] = s;
      }
    let largest = 0;
    for (let j = 0; j < d; j++) largest = Math.max(largest, 1 / shape[k * d + j]);
    for (let r = 0; r < d; r++)
      for (let j = 0; j < d; j++) F[r * d + j] += WD[r * d + j] / shape[k * d + j] - largest * WD[r * d + j];
  }
  polarFactorInto(F, d, D, work.svd);
}

/** diag(Dᵀ W D) written to out (d). */
function diagonalOfProjection(W: Float64Array, D: Float64Array, d: number, out: Float64Array): Float64Array {
  for (let j = 0; j < d; j++) {
    let s = 0;
    for (let r = 0; r < d; r++) {
      let wr = 0;
      for (let c = 0; c < d; c++) wr += W[r * d + c] * D[c * d + j];
      s += D[r * d + j] * wr;
    }
    out[j] = s;
  }
  return out;
}

/** A⁻¹ of a symmetric positive definite d × d matrix (P Pᵀ = A⁻¹ from its precision factor); NaN if not. */
function inverse(A: Float64Array, d: number): Float64Array {
  const P = new Float64Array(d * d);
  if (!precisionCholeskyFromCovariance(A, 0, d, P, 0, new Float64Array(d * d)))
    return new Float64Array(d * d).fill(NaN);
  return multiply(P, transpose(P, d), d);
}

export const eveCovariance: CovarianceModel = mclustModel(
  fullCovariance,
  'EVE',
  (K, d) => 1 + K * (d - 1) + commonOrientation(d),
  commonOrientationStep(false),
);

export const vveCovariance: CovarianceModel = mclustModel(
  fullCovariance,
  'VVE',
  (K, d) => K + K * (d - 1) + commonOrientation(d),
  commonOrientationStep(true),
);
