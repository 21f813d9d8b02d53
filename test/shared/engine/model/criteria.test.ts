/** Parameter counts and criteria against scikit-learn's numbers in the fixtures. */
import { describe, expect, it } from 'vitest';
import {
  aic,
  bic,
  classificationEntropy,
  icl,
  nParameters,
  sampleSizeAdjustedBic,
} from '../../../../shared/engine/model/criteria';
import { emFixtureNames, loadEmFixture, relError } from '../emFixtures';

describe('criteria', () => {
  it.each(emFixtureNames())(
    '%s: n_parameters, BIC and AIC from the total log-likelihood match scikit-learn',
    (name) => {
      const f = loadEmFixture(name);
      const p = nParameters(f.covariance_type, f.n_components, f.n_features);
      expect(p).toBe(f.final.n_parameters);
      expect(relError(bic(f.final.log_likelihood, p, f.n_samples), f.final.bic)).toBeLessThan(1e-12);
      expect(relError(aic(f.final.log_likelihood, p), f.final.aic)).toBeLessThan(1e-12);
    },
  );

  it('counts parameters as (K−1) + K·d + covariance terms for each type', () => {
    expect([
      nParameters('full', 3, 4),
      nParameters('tied', 3, 4),
      nParameters('diag', 3, 4),
      nParameters('spherical', 3, 4),
    ]).toEqual([2 + 12 + 30, 2 + 12 + 10, 2 + 12 + 12, 2 + 12 + 3]);
  });

  it('ICL adds twice the classification entropy; hard assignments add nothing', () => {
    const soft = Float64Array.from([0.5, 0.5, 1, 0]);
    expect(classificationEntropy(soft)).toBeCloseTo(Math.LN2, 15);
    expect(icl(100, soft)).toBeCloseTo(100 + 2 * Math.LN2, 12);
    expect(icl(100, Float64Array.from([1, 0, 0, 1]))).toBe(100);
  });

  it('sample-size-adjusted BIC uses n* = (n + 2) / 24', () => {
    expect(sampleSizeAdjustedBic(-50, 5, 22)).toBeCloseTo(100 + 5 * Math.log(1), 12);
    expect(sampleSizeAdjustedBic(-50, 5, 238)).toBeCloseTo(100 + 5 * Math.log(10), 12);
  });
});
