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

describe('sampleMixture: discrete families', () => {
  it('draws each row’s categories, counts and successes from its own component', () => {
    const K = 2;
    const params: GaussianMixtureParams = {
      covarianceType: 'diag',
      nComponents: K,
      nFeatures: 1,
      weights: Float64Array.from([0.3, 0.7]),
      means: Float64Array.from([-5, 5]),
      covariances: Float64Array.from([1, 1]),
      precisionsCholesky: Float64Array.from([1, 1]),
      discrete: {
        categorical: [Float64Array.from([0.7, 0.2, 0.1, 0.1, 0.1, 0.8])],
        poisson: Float64Array.from([2, 30]),
        binomial: Float64Array.from([0.1, 0.6]),
      },
    };
    const n = 40_000;
    const s = sampleMixture(params, n, new Rng(9), [20]);
    const byClass = [0, 1].map((k) => {
      const rows = Array.from(s.labels.keys()).filter((i) => s.labels[i] === k);
      const level = (l: number) => rows.filter((i) => s.discrete!.codes[i] === l).length / rows.length;
      const mean = (a: Float64Array) => rows.reduce((t, i) => t + a[i], 0) / rows.length;
      return {
        n: rows.length,
        levels: [0, 1, 2].map(level),
        count: mean(s.discrete!.counts),
        x: mean(s.discrete!.successes),
        g: mean(s.X),
      };
    });
    // Within 5 standard errors of each class's parameters.
    const theta = params.discrete!.categorical[0];
    byClass.forEach((c, k) => {
      c.levels.forEach((f, l) => {
        const p = theta[k * 3 + l];
        expect(Math.abs(f - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / c.n));
      });
      const lambda = params.discrete!.poisson[k];
      expect(Math.abs(c.count - lambda)).toBeLessThan(5 * Math.sqrt(lambda / c.n));
      const p = params.discrete!.binomial[k];
      expect(Math.abs(c.x - 20 * p)).toBeLessThan(5 * Math.sqrt((20 * p * (1 - p)) / c.n));
      expect(Math.abs(c.g - params.means[k])).toBeLessThan(5 / Math.sqrt(c.n));
    });
  });

  it('refuses a model with binomial columns when the trials are not given', () => {
    const params: GaussianMixtureParams = {
      covarianceType: 'diag',
      nComponents: 1,
      nFeatures: 0,
      weights: Float64Array.from([1]),
      means: new Float64Array(0),
      covariances: new Float64Array(0),
      precisionsCholesky: new Float64Array(0),
      discrete: { categorical: [], poisson: new Float64Array(0), binomial: Float64Array.from([0.5]) },
    };
    expect(() => sampleMixture(params, 10, new Rng(1))).toThrow(/number of trials/);
  });
});
