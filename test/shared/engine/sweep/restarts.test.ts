import { describe, expect, it } from 'vitest';
import { MAX_RESTART_FACTOR, sweepRestarts } from '../../../../shared/engine/sweep/restarts';
import { fitGaussianMixture } from '../../../../shared/engine/model/fit';
import { loadMatrix } from '../emFixtures';

describe('sweepRestarts: how many k-means restarts a sweep cell runs', () => {
  it('runs up to MAX_RESTART_FACTOR × n_init on small data (iris, faithful)', () => {
    expect(sweepRestarts(10, 150, 8, 4, 'diag')).toBe(10 * MAX_RESTART_FACTOR);
    expect(sweepRestarts(10, 272, 3, 2, 'full')).toBe(10 * MAX_RESTART_FACTOR);
  });

  it('runs exactly n_init on large data, where one restart costs seconds', () => {
    expect(sweepRestarts(10, 200_000, 6, 4, 'full')).toBe(10);
    expect(sweepRestarts(1, 1_000_000, 3, 2, 'diag')).toBe(1);
  });

  it('scales in between: more components or features, fewer extra restarts; never below n_init', () => {
    const mid = [1, 2, 4, 8, 16].map((k) => sweepRestarts(2, 20_000, k, 3, 'full'));
    for (let i = 1; i < mid.length; i++) expect(mid[i]).toBeLessThanOrEqual(mid[i - 1]);
    expect(mid[0]).toBeGreaterThan(2);
    expect(Math.min(...mid)).toBeGreaterThanOrEqual(2);
    expect(sweepRestarts(2, 20_000, 4, 3, 'full')).toBeLessThanOrEqual(
      sweepRestarts(2, 20_000, 4, 3, 'diag'),
    );
  });
});

describe('extra restarts only add candidates', () => {
  it("a fit with more restarts starts with exactly the plain fit's restarts (one random stream)", async () => {
    const { X, n, d } = loadMatrix('iris.csv', [
      'sepal_length',
      'sepal_width',
      'petal_length',
      'petal_width',
    ]);
    const options = {
      nComponents: 8,
      covarianceType: 'diag',
      init: 'kmeans',
      seed: 0,
      maxIter: 1000,
      tol: 1e-6,
      regCovar: 1e-6,
    } as const;
    const plain = await fitGaussianMixture(X, n, d, { ...options, nInit: 10 });
    const more = await fitGaussianMixture(X, n, d, { ...options, nInit: sweepRestarts(10, n, 8, d, 'diag') });
    expect(more.traces.slice(0, 10)).toEqual(plain.traces);
    expect(more.lowerBound).toBeGreaterThanOrEqual(plain.lowerBound);
  });
});
