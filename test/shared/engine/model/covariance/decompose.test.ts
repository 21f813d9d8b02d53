/**
 * mclust's parts of fitted covariances for the model file: they rebuild every Σ_k, have det A_k = 1
 * and orthonormal axes, and share one orientation in the models whose third letter says so.
 */
import { describe, expect, it } from 'vitest';
import { decomposeCovariances } from '../../../../../shared/engine/model/covariance/decompose';
import { COVARIANCE_MODELS } from '../../../../../shared/engine/model/covariance/index';
import { COVARIANCE_MODEL_NAMES, type CovarianceType } from '../../../../../shared/engine/model/types';
import { fitGaussianMixture } from '../../../../../shared/engine/model/fit';
import { loadMatrix } from '../../emFixtures';

const iris = loadMatrix('iris.csv', ['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
const multivariate = COVARIANCE_MODEL_NAMES.filter((t) => t !== 'E' && t !== 'V');

async function fitted(type: CovarianceType) {
  const options = { nComponents: 3, covarianceType: type, init: 'hc' as const, nInit: 1, seed: 0, maxIter: 200, tol: 1e-8, regCovar: 1e-6 };
  return (await fitGaussianMixture(iris.X, iris.n, iris.d, options)).params;
} // prettier-ignore

describe('decomposeCovariances', () => {
  it.each(multivariate)('%s: λ_k D_k A_k D_kᵀ rebuilds Σ_k, det A_k = 1, D_k orthonormal', async (type) => {
    const p = await fitted(type);
    const { nComponents: K, nFeatures: d } = p;
    const parts = decomposeCovariances(type, p.covariances, K, d);
    const S = new Float64Array(d * d);
    for (let k = 0; k < K; k++) {
      COVARIANCE_MODELS[type].denseCovariance(p.covariances, k, d, S);
      const scale = Math.max(...S.map(Math.abs));
      let logDet = 0;
      for (let j = 0; j < d; j++) logDet += Math.log(parts.shape[k * d + j]);
      expect(Math.abs(logDet)).toBeLessThan(1e-10);
      for (let r = 0; r < d; r++)
        for (let c = 0; c < d; c++) {
          let rebuilt = 0;
          let gram = 0;
          for (let j = 0; j < d; j++) {
            const Drj = parts.orientation ? parts.orientation[k * d * d + r * d + j] : r === j ? 1 : 0;
            const Dcj = parts.orientation ? parts.orientation[k * d * d + c * d + j] : c === j ? 1 : 0;
            rebuilt += parts.scale[k] * Drj * parts.shape[k * d + j] * Dcj;
            if (parts.orientation) gram += parts.orientation[k * d * d + j * d + r] * parts.orientation[k * d * d + j * d + c];
          }
          expect(Math.abs(rebuilt - S[r * d + c])).toBeLessThan(1e-9 * scale);
          if (parts.orientation) expect(Math.abs(gram - (r === c ? 1 : 0))).toBeLessThan(1e-12);
        }
    }
    const third = COVARIANCE_MODELS[type].mclustName[2];
    expect(parts.orientation === null).toBe(third === 'I');
    if (third === 'E')
      for (let k = 1; k < K; k++)
        expect(Array.from(parts.orientation!.subarray(k * d * d, (k + 1) * d * d))).toEqual(Array.from(parts.orientation!.subarray(0, d * d)));
  }); // prettier-ignore

  it('gives one column its variance as the volume and a shape of 1', async () => {
    const parts = decomposeCovariances('V', Float64Array.of(0.5, 2), 2, 1);
    expect(Array.from(parts.scale)).toEqual([0.5, 2]);
    expect(Array.from(parts.shape)).toEqual([1, 1]);
    expect(parts.orientation).toBeNull();
  });
});
