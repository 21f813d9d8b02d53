/**
 * Spherical covariance: one variance per component (covariance_type='spherical'), the mean over
 * features of the diag variances (reg_covar included, as scikit-learn).
 */
import type { CovarianceModel } from './model';
import { flattenShape, withoutParts } from './model';

/** Maximum-likelihood covariances from the scatter, then reg_covar (model.ts fromScatter). */
function fromScatter(
  scatter: Float64Array,
  nk: Float64Array,
  regCovar: number,
  K: number,
  d: number,
): Float64Array {
  const cov = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += scatter[k * d + j] / nk[k] + regCovar;
    cov[k] = s / d;
  }
  return cov;
}

export const sphericalCovariance: CovarianceModel = {
  type: 'spherical',
  mclustName: 'VII',
  layout: 'spherical',
  family: 'diagonal',
  size: (K) => K,
  nCovarianceParameters: (K) => K,
  fromScatter,
  estimate: withoutParts(fromScatter),
  precisionCholesky(cov, K) {
    const out = new Float64Array(K);
    for (let k = 0; k < K; k++) {
      if (!(cov[k] > 0) || !Number.isFinite(cov[k])) return k;
      out[k] = 1 / Math.sqrt(cov[k]);
    }
    return out;
  },
  precisionCholeskyFromPrecisions(prec, K) {
    const out = new Float64Array(K);
    for (let k = 0; k < K; k++) {
      if (!(prec[k] > 0) || !Number.isFinite(prec[k])) return k;
      out[k] = Math.sqrt(prec[k]);
    }
    return out;
  },
  kernelFactors(p, K, d) {
    const out = new Float64Array(K * d);
    for (let k = 0; k < K; k++) out.fill(p[k], k * d, (k + 1) * d);
    return out;
  },
  logDetPrecisionCholesky(p, K, d) {
    const out = new Float64Array(K);
    for (let k = 0; k < K; k++) out[k] = d * Math.log(p[k]);
    return out;
  },
  denseCovariance(cov, k, d, out) {
    out.fill(0);
    for (let j = 0; j < d; j++) out[j * d + j] = cov[k];
  },
  flatten: (v, K) => flattenShape(v, [K]),
};
