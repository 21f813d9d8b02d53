/**
 * mclust's fourteen models (and E, V) against mclust 6.0.0 itself: from the stored start
 * classification, with reg_covar 0 and mclust's stopping rule (relative change of the
 * log-likelihood ≤ 1e-10), every model reaches mclust's log-likelihood to 1e-8 relative, its
 * parameters to 1e-6 of their scale and its free-parameter count (test/fixtures/README.md, mclust/).
 */
import { describe, expect, it } from 'vitest';
import { fitGaussianMixture } from '../../../../../shared/engine/model/fit';
import { COVARIANCE_MODELS } from '../../../../../shared/engine/model/covariance/index';
import { arrayRelError, flat, relError } from '../../emFixtures';
import { fixtureMatrix, loadMclustEm, mclustFixtureNames } from '../../mclustFixtures';

const names = mclustFixtureNames('em');

describe('mclust EM fixtures', () => {
  it('cover the fourteen models on iris and faithful, and E and V on one column', () => {
    expect(names).toHaveLength(30);
    const models = new Set(names.map((n) => loadMclustEm(n).model));
    expect(models.size).toBe(16);
  });

  it.each(names)('%s', async (name) => {
    const f = loadMclustEm(name);
    const { X, n, d } = fixtureMatrix(f);
    const labels = Int32Array.from(f.start.classification, (c) => c - 1);
    const fit = await fitGaussianMixture(
      X,
      n,
      d,
      { nComponents: f.k, covarianceType: f.model, init: 'kmeans', nInit: 1, seed: 0, maxIter: 10_000, tol: 1e-10, regCovar: 0 },
      { labelStarts: [labels], convergence: 'mclust' },
    ); // prettier-ignore
    expect(relError(fit.logLikelihood, f.log_likelihood)).toBeLessThan(1e-8);
    expect(fit.nParameters).toBe(f.n_parameters);
    expect(arrayRelError(fit.params.weights, f.pro)).toBeLessThan(1e-6);
    expect(arrayRelError(fit.params.means, flat(f.mean))).toBeLessThan(1e-6);
    const model = COVARIANCE_MODELS[f.model];
    const sigma: number[] = [];
    const S = new Float64Array(d * d);
    for (let k = 0; k < f.k; k++) {
      model.denseCovariance(fit.params.covariances, k, d, S);
      sigma.push(...S);
    }
    expect(arrayRelError(sigma, flat(f.sigma))).toBeLessThan(1e-6);
  });
});
