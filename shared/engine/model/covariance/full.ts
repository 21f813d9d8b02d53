/** Full covariance: one d × d matrix per component (scikit-learn covariance_type='full'). */
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
  const cov = new Float64Array(K * d * d);
  for (let k = 0; k < K; k++) {
    for (let e = 0; e < d * d; e++) cov[k * d * d + e] = scatter[k * d * d + e] / nk[k];
    for (let j = 0; j < d; j++) cov[k * d * d + j * d + j] += regCovar;
  }
  return cov;
}

export const fullCovariance: CovarianceModel = {
  type: 'full',
  mclustName: 'VVV',
  layout: 'full',
  family: 'dense',
  size: (K, d) => K * d * d,
  nCovarianceParameters: (K, d) => (K * d * (d + 1)) / 2,
  fromScatter,
  estimate: withoutParts(fromScatter),
  precisionCholesky(cov, K, d) {
    const out = new Float64Array(K * d * d);
    const work = new Float64Array(d * d);
    for (let k = 0; k < K; k++)
      if (!precisionCholeskyFromCovariance(cov, k * d * d, d, out, k * d * d, work)) return k;
    return out;
  },
  precisionCholeskyFromPrecisions(prec, K, d) {
    const out = new Float64Array(K * d * d);
    const work = new Float64Array(2 * d * d);
    for (let k = 0; k < K; k++)
      if (!upperFactorFromPrecision(prec, k * d * d, d, out, k * d * d, work)) return k;
    return out;
  },
  kernelFactors: (p) => p,
  logDetPrecisionCholesky(p, K, d) {
    const out = new Float64Array(K);
    for (let k = 0; k < K; k++) out[k] = logDetTriangular(p, k * d * d, d);
    return out;
  },
  denseCovariance(cov, k, d, out) {
    out.set(cov.subarray(k * d * d, (k + 1) * d * d));
  },
  flatten: (v, K, d) => flattenShape(v, [K, d, d]),
};
