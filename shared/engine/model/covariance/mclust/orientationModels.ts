/**
 * mclust's models with a variable orientation D_k (Celeux & Govaert 1995, §3.1 and §3.3): each
 * W_k = D_k Ω_k D_kᵀ (eigenvalues descending, as mclust's SVD of the scatter's Cholesky factor
 * returns them), and
 *
 *   EEV  A = Σ_k Ω_k / |Σ_k Ω_k|^{1/d},  λ = |Σ_k Ω_k|^{1/d} / n                 (closed form; meeev)
 *   VEV  λ_k = tr(Ω_k A⁻¹) / (d nk),  A = Σ_k Ω_k / λ_k scaled to det 1        (iterated; mevev)
 *   EVV  Σ_k = λ W_k / |W_k|^{1/d},  λ = Σ_k |W_k|^{1/d} / n                   (closed form; msevv)
 *
 * Σ_k = λ_k D_k A D_kᵀ. VEV starts its inner iterations from the EEV estimate in the first M-step,
 * and from the previous M-step's λ and A after that, as mclust does.
 */
import type { CovarianceModel, CovarianceParts } from '../model';
import { fullCovariance } from '../full';
import { jacobiEigen, type SymmetricEigen } from '../../../../stats/jacobi';
import { mclustModel } from './build';
import { repeatRows } from './diagonalModels';
import {
  INNER_MAX_ITER,
  INNER_TOL,
  composeCovariance,
  detRoot,
  geometricMean,
  relativeChange,
  total,
} from './scatter';

const orientationCount = (K: number, d: number): number => (K * d * (d - 1)) / 2;

/** Every W_k's eigen-decomposition; the eigenvalues (descending) are mclust's Ω_k. */
const eigens = (W: Float64Array[], d: number): SymmetricEigen[] => W.map((Wk) => jacobiEigen(Wk, d));

/** Σ_k = λ_k D_k diag(a) D_kᵀ for all k, K × d × d. */
function compose(
  scale: ArrayLike<number>,
  shape: Float64Array,
  E: SymmetricEigen[],
  d: number,
): Float64Array {
  const out = new Float64Array(E.length * d * d);
  E.forEach((e, k) => composeCovariance(scale[k], shape, 0, e.vectors, 0, d, out, k * d * d));
  return out;
}

/** Σ_k Ω_k, the eigenvalues of every component added in descending order. */
function pooledEigenvalues(E: SymmetricEigen[], d: number): Float64Array {
  const shape = new Float64Array(d);
  for (const e of E) for (let j = 0; j < d; j++) shape[j] += e.values[j];
  return shape;
}

function orientationParts(
  scale: Float64Array,
  shape: Float64Array,
  E: SymmetricEigen[],
  d: number,
): CovarianceParts {
  const orientation = new Float64Array(E.length * d * d);
  E.forEach((e, k) => orientation.set(e.vectors, k * d * d));
  return { scale, shape: repeatRows(shape, E.length), orientation };
}

export const eevCovariance: CovarianceModel = mclustModel(
  fullCovariance,
  'EEV',
  (K, d) => 1 + (d - 1) + orientationCount(K, d),
  (W, nk, K, d) => {
    const E = eigens(W, d);
    const shape = pooledEigenvalues(E, d);
    const g = geometricMean(shape);
    for (let j = 0; j < d; j++) shape[j] /= g;
    const scale = new Float64Array(K).fill(g / total(nk));
    return { covariances: compose(scale, shape, E, d), parts: null };
  },
);

export const vevCovariance: CovarianceModel = mclustModel(
  fullCovariance,
  'VEV',
  (K, d) => K + (d - 1) + orientationCount(K, d),
  (W, nk, K, d, start) => {
    const E = eigens(W, d);
    let scale: Float64Array;
    let shape: Float64Array;
    if (start) {
      scale = Float64Array.from(start.scale);
      shape = start.shape.slice(0, d);
    } else {
      shape = pooledEigenvalues(E, d);
      const g = geometricMean(shape);
      for (let j = 0; j < d; j++) shape[j] /= g;
      scale = new Float64Array(K).fill(g / total(nk));
    }
    for (let inner = 1; ; inner++) {
      const previousScale = Float64Array.from(scale);
      const previousShape = shape;
      shape = new Float64Array(d);
      for (let k = 0; k < K; k++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += E[k].values[j] / previousShape[j];
        scale[k] = s / (nk[k] * d);
        for (let j = 0; j < d; j++) shape[j] += E[k].values[j] / scale[k];
      }
      const g = geometricMean(shape);
      for (let j = 0; j < d; j++) shape[j] /= g;
      let change = 0;
      for (let j = 0; j < d; j++) change = Math.max(change, relativeChange(previousShape[j], shape[j]));
      for (let k = 0; k < K; k++) change = Math.max(change, relativeChange(previousScale[k], scale[k]));
      if (!(change >= INNER_TOL) || inner >= INNER_MAX_ITER) break;
    }
    return { covariances: compose(scale, shape, E, d), parts: orientationParts(scale, shape, E, d) };
  },
);

export const evvCovariance: CovarianceModel = mclustModel(
  fullCovariance,
  'EVV',
  (K, d) => 1 - K + (K * d * (d + 1)) / 2,
  (W, nk, K, d) => {
    const roots = W.map((Wk) => detRoot(Wk, d));
    const lambda = roots.reduce((a, b) => a + b, 0) / total(nk);
    const covariances = new Float64Array(K * d * d);
    W.forEach((Wk, k) => {
      for (let e = 0; e < d * d; e++) covariances[k * d * d + e] = (lambda * Wk[e]) / roots[k];
    });
    return { covariances, parts: null };
  },
);
