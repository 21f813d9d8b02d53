/**
 * Initialisation: every method is reproducible from the seed, independent seeds give different
 * starts, and the kmeans start reaches optima as good as scikit-learn's best of 10
 * (test/fixtures/selection, same settings: n_init 10, tol 1e-6, max_iter 1000, reg_covar 1e-6).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitGaussianMixture } from '../../../../shared/engine/model/fit';
import type { CovarianceType, FitOptions, InitMethod } from '../../../../shared/engine/model/types';
import { INIT_METHODS } from '../../../../shared/engine/model/types';
import { FIXTURES, loadMatrix } from '../emFixtures';

const faithful = loadMatrix('faithful.csv', ['eruptions', 'waiting']);

describe.each(INIT_METHODS)('init %s', (init: InitMethod) => {
  const options: FitOptions = {
    nComponents: 3,
    covarianceType: 'full',
    init,
    nInit: 2,
    seed: 123,
    maxIter: 5,
    tol: 0,
    regCovar: 1e-6,
  };

  it('gives the same result for the same seed', async () => {
    const a = await fitGaussianMixture(faithful.X, faithful.n, faithful.d, options);
    const b = await fitGaussianMixture(faithful.X, faithful.n, faithful.d, options);
    expect(Array.from(a.params.means)).toEqual(Array.from(b.params.means));
    expect(a.traces.map((t) => Array.from(t))).toEqual(b.traces.map((t) => Array.from(t)));
  });

  it('starts elsewhere for another seed, and each restart starts elsewhere', async () => {
    const a = await fitGaussianMixture(faithful.X, faithful.n, faithful.d, options);
    const b = await fitGaussianMixture(faithful.X, faithful.n, faithful.d, { ...options, seed: 124 });
    expect(b.traces[0][0]).not.toBe(a.traces[0][0]);
    if (init !== 'kmeans') expect(a.traces[1][0]).not.toBe(a.traces[0][0]); // k-means may converge to the same partition
  });
});

describe('explicit initParams', () => {
  it('override only the parts given: means_init with kmeans covariances (as scikit-learn)', async () => {
    const means = [
      [2, 55],
      [4.5, 80],
    ];
    const r = await fitGaussianMixture(faithful.X, faithful.n, faithful.d, {
      nComponents: 2,
      covarianceType: 'diag',
      init: 'kmeans',
      nInit: 1,
      seed: 0,
      maxIter: 100,
      tol: 1e-6,
      regCovar: 1e-6,
      initParams: { means },
    });
    expect(r.converged).toBe(true);
    expect(r.params.means[0]).toBeLessThan(r.params.means[2]); // components keep the order of means_init
  });
});

interface SelectionCell {
  k: number;
  bic: number;
  mean_log_likelihood: number;
}

function selection(dataset: string): {
  X: Float64Array;
  n: number;
  d: number;
  results: Record<CovarianceType, SelectionCell[]>;
} {
  const f = JSON.parse(readFileSync(path.join(FIXTURES, 'selection', `${dataset}.json`), 'utf8'));
  return { ...loadMatrix(path.basename(f.data_file), f.columns), results: f.sklearn.results };
}

describe('kmeans start against scikit-learn best-of-10 (selection fixtures)', () => {
  it.each<[string, CovarianceType, number]>([
    ['iris', 'full', 2],
    ['iris', 'full', 3],
    ['iris', 'diag', 3],
    ['faithful', 'tied', 3],
    ['faithful', 'full', 2],
    ['two_gauss_1d', 'full', 2],
  ])(
    '%s %s K=%i reaches a BIC no worse than scikit-learn (1e-5 relative)',
    async (dataset, covarianceType, k) => {
      const s = selection(dataset);
      const cell = s.results[covarianceType].find((c) => c.k === k)!;
      const r = await fitGaussianMixture(s.X, s.n, s.d, {
        nComponents: k,
        covarianceType,
        init: 'kmeans',
        nInit: 10,
        seed: 0,
        maxIter: 1000,
        tol: 1e-6,
        regCovar: 1e-6,
      });
      expect(r.converged).toBe(true);
      expect(r.bic).toBeLessThanOrEqual(cell.bic * (1 + 1e-5));
      expect(Math.abs(r.bic - cell.bic) / cell.bic).toBeLessThan(1e-5);
    },
  );
});
