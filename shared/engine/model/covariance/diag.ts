/** Diagonal covariance: d variances per component (covariance_type='diag'). */
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
  const cov = new Float64Array(K * d);
  for (let k = 0; k < K; k++)
    for (let j = 0; j < d; j++) cov[k * d + j] = scatter[k * d + j] / nk[k] + regCovar;
  return cov;
}

export const diagCovariance: CovarianceModel = {
  type: 'diag',
  mclustName: 'VVI',
  layout: 'diag',
  family: 'diagonal',
  size: (K, d) => K * d,
  nCovarianceParameters: (K, d) => K * d,
  fromScatter,
  estimate: withoutParts(fromScatter),
  precisionCholesky(cov, K, d) {
    const out = new Float64Array(K * d);
    for (let e = 0; e < K * d; e++) {
      if (!(cov[e] > 0) || !Number.isFinite(cov[e])) return Math.floor(e / d);
      out[e] = 1 / Math.sqrt(cov[e]);
    }
    return out;
  },
  precisionCholeskyFromPrecisions(prec, K, d) {
    const out = new Float64Array(K * d);
    for (let e = 0; e < K * d; e++) {
      if (!(prec[e] > 0) || !Number.isFinite(prec[e])) return Math.floor(e / d);
      out[e] = Math.sqrt(prec[e]);
    }
    return out;
  },
  kernelFactors: (p) => p,
  logDetPrecisionCholesky(p, K, d) {
    const out = new Float64Array(K);
    for (let k = 0; k < K; k++) for (let j = 0; j < d; j++) out[k] += Math.log(p[k * d + j]);
    return out;
  },
  denseCovariance(cov, k, d, out) {
    out.fill(0);
    for (let j = 0; j < d; j++) out[j * d + j] = cov[k * d + j];
  },
  flatten: (v, K, d) => flattenShape(v, [K, d]),
};
