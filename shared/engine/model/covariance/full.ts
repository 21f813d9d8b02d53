/** Full covariance: one d × d matrix per component (scikit-learn covariance_type='full'). */
import type { CovarianceModel } from './model';
import { flattenShape } from './model';
import { logDetTriangular, precisionCholeskyFromCovariance, upperFactorFromPrecision } from '../linalg';

export const fullCovariance: CovarianceModel = {
  type: 'full',
  family: 'dense',
  size: (K, d) => K * d * d,
  nCovarianceParameters: (K, d) => (K * d * (d + 1)) / 2,
  fromScatter(scatter, nk, regCovar, K, d) {
    const cov = new Float64Array(K * d * d);
    for (let k = 0; k < K; k++) {
      for (let e = 0; e < d * d; e++) cov[k * d * d + e] = scatter[k * d * d + e] / nk[k];
      for (let j = 0; j < d; j++) cov[k * d * d + j * d + j] += regCovar;
    }
    return cov;
  },
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
