/**
 * Tied covariance: one d × d matrix shared by all components (covariance_type='tied'). The pooled
 * scatter Σ_k Σ_i r_ik (x_i − μ_k)(x_i − μ_k)ᵀ is divided by Σ_k nk (= n up to 10·ε·K).
 */
import type { CovarianceModel } from './model';
import { flattenShape, withoutParts } from './model';
import { logDetTriangular, precisionCholeskyFromCovariance, upperFactorFromPrecision } from '../linalg';

/** Maximum-likelihood covariances from the scatter, then reg_covar (model.ts fromScatter). */
function fromScatter(
  scatter: Float64Array,
  nk: Float64Array,
  regCovar: number,
  K: number,
  d: number,
): Float64Array {
  const cov = new Float64Array(d * d);
  let total = 0;
  for (let k = 0; k < K; k++) {
    total += nk[k];
    for (let e = 0; e < d * d; e++) cov[e] += scatter[k * d * d + e];
  }
  for (let e = 0; e < d * d; e++) cov[e] /= total;
  for (let j = 0; j < d; j++) cov[j * d + j] += regCovar;
  return cov;
}

export const tiedCovariance: CovarianceModel = {
  type: 'tied',
  mclustName: 'EEE',
  layout: 'tied',
  family: 'dense',
  size: (_K, d) => d * d,
  nCovarianceParameters: (_K, d) => (d * (d + 1)) / 2,
  fromScatter,
  estimate: withoutParts(fromScatter),
  precisionCholesky(cov, _K, d) {
    const out = new Float64Array(d * d);
    return precisionCholeskyFromCovariance(cov, 0, d, out, 0, new Float64Array(d * d)) ? out : 0;
  },
  precisionCholeskyFromPrecisions(prec, _K, d) {
    const out = new Float64Array(d * d);
    return upperFactorFromPrecision(prec, 0, d, out, 0, new Float64Array(2 * d * d)) ? out : 0;
  },
  kernelFactors(p, K, d) {
    const out = new Float64Array(K * d * d);
    for (let k = 0; k < K; k++) out.set(p, k * d * d);
    return out;
  },
  logDetPrecisionCholesky: (p, K, d) => new Float64Array(K).fill(logDetTriangular(p, 0, d)),
  denseCovariance(cov, _k, _d, out) {
    out.set(cov);
  },
  flatten: (v, _K, d) => flattenShape(v, [d, d]),
};
