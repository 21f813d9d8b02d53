/**
 * Imputation of missing cells by their expected value given the row's observed cells, against the
 * formulas written out here for a two-class model (Gaussian conditional mean mixed by the
 * responsibilities of the observed coordinate; a category's posterior-predictive mode; a count's
 * posterior mean).
 */
import { describe, expect, it } from 'vitest';
import { imputeMissing } from '../../../../shared/engine/families/impute';
import { createMixedRows } from '../../../../shared/engine/families/rows';
import { predictMixed } from '../../../../shared/engine/model/predictMixed';
import type { GaussianMixtureParams } from '../../../../shared/engine/model/types';
import { COVARIANCE_MODELS } from '../../../../shared/engine/model/covariance/index';

const cov = Float64Array.from([1, 0.8, 0.8, 2, 4, -1, -1, 1]);
const params: GaussianMixtureParams = {
  covarianceType: 'full',
  nComponents: 2,
  nFeatures: 2,
  weights: Float64Array.from([0.4, 0.6]),
  means: Float64Array.from([0, 0, 5, 3]),
  covariances: cov,
  precisionsCholesky: COVARIANCE_MODELS.full.precisionCholesky(cov, 2, 2) as Float64Array,
  discrete: {
    categorical: [Float64Array.from([0.7, 0.2, 0.1, 0.1, 0.3, 0.6])],
    poisson: Float64Array.from([2, 9]),
    binomial: new Float64Array(0),
  },
};

const normal = (x: number, mu: number, v: number) =>
  Math.exp(-((x - mu) ** 2) / (2 * v)) / Math.sqrt(2 * Math.PI * v);

describe('imputeMissing', () => {
  it('fills x2 with Σ_k r_k (μ_k2 + Σ_k21 / Σ_k11 (x1 − μ_k1)), r from x1 and the observed category', () => {
    const rows = createMixedRows({
      nSamples: 3,
      X: Float64Array.from([1.5, NaN, NaN, NaN, 4, 2]),
      d: 2,
      codes: Int32Array.from([2, -1, -1]),
      levels: [3],
      counts: Float64Array.from([NaN, 4, NaN]),
      q: 1,
      patternsFor: 'dense',
    });
    const { resp } = predictMixed(params, rows);
    const out = imputeMissing(params, rows, resp);
    // Row 1: x1 = 1.5 and level 2 observed.
    const lik = [0, 1].map(
      (k) =>
        params.weights[k] *
        normal(1.5, params.means[k * 2], cov[k * 4]) *
        params.discrete!.categorical[0][k * 3 + 2],
    );
    const r = lik.map((v) => v / (lik[0] + lik[1]));
    const x2 = r.reduce(
      (s, rk, k) =>
        s + rk * (params.means[k * 2 + 1] + (cov[k * 4 + 2] / cov[k * 4]) * (1.5 - params.means[k * 2])),
      0,
    );
    expect(Math.abs(out.X[1] - x2)).toBeLessThan(1e-12);
    expect(Array.from(out.filledX)).toEqual([0, 1, 1, 1, 0, 0]);
    expect(out.X[0]).toBe(1.5);
    // Its count: Σ r λ.
    expect(Math.abs(out.counts[0] - (r[0] * 2 + r[1] * 9))).toBeLessThan(1e-12);
    // Row 2: nothing Gaussian observed, only its count 4: both coordinates at Σ r μ, category the mode.
    const lik2 = [0, 1].map((k) => params.weights[k] * Math.exp(4 * Math.log([2, 9][k]) - [2, 9][k]));
    const r2 = lik2.map((v) => v / (lik2[0] + lik2[1]));
    expect(Math.abs(out.X[2] - (r2[0] * 0 + r2[1] * 5))).toBeLessThan(1e-12);
    expect(Math.abs(out.X[3] - (r2[0] * 0 + r2[1] * 3))).toBeLessThan(1e-12);
    const levelP = [0, 1, 2].map(
      (l) => r2[0] * params.discrete!.categorical[0][l] + r2[1] * params.discrete!.categorical[0][3 + l],
    );
    expect(out.codes[1]).toBe(levelP.indexOf(Math.max(...levelP)));
    expect(Array.from(out.filledCodes)).toEqual([0, 1, 1]);
    expect(Array.from(out.filledCounts)).toEqual([1, 0, 1]);
    expect(out.counts[1]).toBe(4);
  });
});
