/**
 * mclust's models with the identity orientation (Σ_k diagonal), beyond scikit-learn's spherical
 * (VII) and diag (VVI): EII, EEI, EVI in closed form and VEI by inner iterations (Celeux & Govaert
 * 1995, §3.2; mclust's mseii, mseei, msevi and the inner loop of mevei in src/mclust.f). W_kj is
 * the regularised scatter's diagonal.
 */
import type { CovarianceModel, CovarianceParts } from '../model';
import { sphericalCovariance } from '../spherical';
import { diagCovariance } from '../diag';
import { mclustModel } from './build';
import { INNER_MAX_ITER, INNER_TOL, geometricMean, relativeChange, total } from './scatter';

/** EII: one variance, σ² = Σ_k tr W_k / (n d). Stored as spherical's K variances (all equal). */
export const eiiCovariance: CovarianceModel = mclustModel(
  sphericalCovariance,
  'EII',
  () => 1,
  (W, nk, K, d) => {
    let trace = 0;
    for (const Wk of W) for (let j = 0; j < d; j++) trace += Wk[j];
    return { covariances: new Float64Array(K).fill(trace / (total(nk) * d)), parts: null };
  },
);

/** EEI: one diagonal matrix, B = diag(Σ_k W_k) / n. */
export const eeiCovariance: CovarianceModel = mclustModel(
  diagCovariance,
  'EEI',
  (_K, d) => d,
  (W, nk, K, d) => {
    const n = total(nk);
    const B = new Float64Array(d);
    for (const Wk of W) for (let j = 0; j < d; j++) B[j] += Wk[j];
    const covariances = new Float64Array(K * d);
    for (let k = 0; k < K; k++) for (let j = 0; j < d; j++) covariances[k * d + j] = B[j] / n;
    return { covariances, parts: null };
  },
);

/**
 * EVI: equal volume, variable shape. A_k = diag W_k / |diag W_k|^{1/d} and
 * λ = Σ_k |diag W_k|^{1/d} / n (mclust's msevi).
 */
export const eviCovariance: CovarianceModel = mclustModel(
  diagCovariance,
  'EVI',
  (K, d) => 1 + K * (d - 1),
  (W, nk, K, d) => {
    const roots = W.map((Wk) => geometricMean(Wk));
    const lambda = roots.reduce((a, b) => a + b, 0) / total(nk);
    const covariances = new Float64Array(K * d);
    for (let k = 0; k < K; k++)
      for (let j = 0; j < d; j++) covariances[k * d + j] = (lambda * W[k][j]) / roots[k];
    return { covariances, parts: null };
  },
);

/**
 * VEI: variable volume, equal shape, by mclust's alternating updates (mevei): from the shape,
 * λ_k = Σ_j W_kj / a_j / (d nk); from the volumes, a_j = Σ_k W_kj / λ_k, scaled to det A = 1; until
 * the largest relative change of λ and A is at most INNER_TOL. Starts from the previous M-step's
 * λ and A (mclust keeps them between EM iterations), or from 1.
 */
export const veiCovariance: CovarianceModel = mclustModel(
  diagCovariance,
  'VEI',
  (K, d) => K + d - 1,
  (W, nk, K, d, start) => {
    const scale = start ? Float64Array.from(start.scale) : new Float64Array(K).fill(1);
    const shape = start ? start.shape.slice(0, d) : new Float64Array(d).fill(1);
    for (let inner = 1; ; inner++) {
      const previousScale = Float64Array.from(scale);
      const previousShape = Float64Array.from(shape);
      for (let k = 0; k < K; k++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += W[k][j] / shape[j];
        scale[k] = s / (d * nk[k]);
      }
      for (let j = 0; j < d; j++) {
        let s = 0;
        for (let k = 0; k < K; k++) s += W[k][j] / scale[k];
        shape[j] = s;
      }
      const g = geometricMean(shape);
      for (let j = 0; j < d; j++) shape[j] /= g;
      let change = 0;
      for (let k = 0; k < K; k++) change = Math.max(change, relativeChange(previousScale[k], scale[k]));
      for (let j = 0; j < d; j++) change = Math.max(change, relativeChange(previousShape[j], shape[j]));
      if (!(change > INNER_TOL) || inner > INNER_MAX_ITER) break;
    }
    const covariances = new Float64Array(K * d);
    for (let k = 0; k < K; k++) for (let j = 0; j < d; j++) covariances[k * d + j] = scale[k] * shape[j];
    const parts: CovarianceParts = { scale, shape: repeatRows(shape, K), orientation: null };
    return { covariances, parts };
  },
);

/** K copies of a length-d row, K × d. */
export function repeatRows(row: Float64Array, K: number): Float64Array {
  const out = new Float64Array(K * row.length);
  for (let k = 0; k < K; k++) out.set(row, k * row.length);
  return out;
}
