/** Applying a fitted model: predict agrees with the fit's final E-step and with scikit-learn. */
import { describe, expect, it } from 'vitest';
import { fitGaussianMixture } from '../../../../shared/engine/model/fit';
import { argmaxRows, predictMixture } from '../../../../shared/engine/model/predict';
import { loadEmFixture, loadMatrix, relError, replayOptions } from '../emFixtures';

describe('predictMixture', () => {
  it.each(['iris__full__k3', 'faithful__tied__k3', 'iris__diag__k3', 'faithful__spherical__k3'])(
    '%s: labels, proba and score equal the fit’s and scikit-learn’s',
    async (name) => {
      const f = loadEmFixture(name);
      const { X, n, d } = loadMatrix(f.csv, f.columns);
      const fit = await fitGaussianMixture(X, n, d, replayOptions(f, f.final.n_iter));
      const p = predictMixture(fit.params, X, n);
      expect(Array.from(p.labels)).toEqual(f.final.labels);
      expect(Array.from(p.labels)).toEqual(Array.from(fit.labels));
      expect(relError(p.meanLogLikelihood, f.final.mean_log_likelihood)).toBeLessThan(1e-8);
      for (let e = 0; e < p.resp.length; e++) expect(Math.abs(p.resp[e] - fit.resp[e])).toBeLessThan(1e-12);
      for (let i = 0; i < n; i++) expect(Math.abs(p.logDensity[i] - fit.logDensity[i])).toBeLessThan(1e-10);
    },
  );

  it('argmaxRows takes the first maximum on ties, as numpy', () => {
    expect(Array.from(argmaxRows(Float64Array.from([0.5, 0.5, 0.1, 0.9, 0.3, 0.3]), 3, 2))).toEqual([
      0, 1, 0,
    ]);
  });
});
