/** Sampling from a mixture: reproducible, component sizes multinomial, moments as the model. */
import { describe, expect, it } from 'vitest';
import { sampleMixture } from '../../../../shared/engine/model/sample';
import { Rng } from '../../../../shared/engine/model/rng';
import type { GaussianMixtureParams } from '../../../../shared/engine/model/types';

const params: GaussianMixtureParams = {
  covarianceType: 'full',
  nComponents: 2,
  nFeatures: 2,
  weights: Float64Array.from([0.3, 0.7]),
  means: Float64Array.from([-5, 0, 5, 10]),
  covariances: Float64Array.from([1, 0.5, 0.5, 2, 4, -1, -1, 1]),
  precisionsCholesky: new Float64Array(8), // not used for sampling
};

describe('sampleMixture', () => {
  it('gives the same rows for the same seed', () => {
    const a = sampleMixture(params, 500, new Rng(1));
    const b = sampleMixture(params, 500, new Rng(1));
    expect(Array.from(a.X)).toEqual(Array.from(b.X));
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
  });

  it('draws component sizes ∝ weights, grouped in component order, with each component’s mean and covariance', () => {
    const n = 100000;
    const { X, labels } = sampleMixture(params, n, new Rng(2));
    const count0 = labels.filter((l) => l === 0).length;
    expect(Math.abs(count0 / n - 0.3)).toBeLessThan(0.01);
    expect(labels.slice(0, count0).every((l) => l === 0)).toBe(true);
    for (let k = 0; k < 2; k++) {
      const rows = [...Array(n).keys()].filter((i) => labels[i] === k);
      const m = [0, 1].map((j) => rows.reduce((s, i) => s + X[i * 2 + j], 0) / rows.length);
      const c = (a: number, b: number) =>
        rows.reduce((s, i) => s + (X[i * 2 + a] - m[a]) * (X[i * 2 + b] - m[b]), 0) / rows.length;
      expect(m[0]).toBeCloseTo(params.means[k * 2], 1);
      expect(m[1]).toBeCloseTo(params.means[k * 2 + 1], 1);
      expect(c(0, 0)).toBeCloseTo(params.covariances[k * 4], 1);
      expect(c(0, 1)).toBeCloseTo(params.covariances[k * 4 + 1], 1);
      expect(c(1, 1)).toBeCloseTo(params.covariances[k * 4 + 3], 1);
    }
  });

  it('samples diag and spherical models with their variances', () => {
    const diag = sampleMixture(
      { ...params, covarianceType: 'diag', covariances: Float64Array.from([1, 4, 9, 16]) },
      50000,
      new Rng(3),
    );
    const rows = [...Array(50000).keys()].filter((i) => diag.labels[i] === 1);
    const mean = rows.reduce((s, i) => s + diag.X[i * 2 + 1], 0) / rows.length;
    const variance = rows.reduce((s, i) => s + (diag.X[i * 2 + 1] - mean) ** 2, 0) / rows.length;
    expect(variance / 16).toBeCloseTo(1, 1);
    const sph = sampleMixture(
      { ...params, covarianceType: 'spherical', covariances: Float64Array.from([1, 4]) },
      1000,
      new Rng(3),
    );
    expect(sph.X.every(Number.isFinite)).toBe(true);
  });
});
