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
      const p = await predictMixture(fit.params, X, n);
      expect(Array.from(p.labels)).toEqual(f.final.labels);
      expect(Array.from(p.labels)).toEqual(Array.from(fit.labels));
      expect(relError(p.meanLogLikelihood, f.final.mean_log_likelihood)).toBeLessThan(1e-8);
      for (let e = 0; e < p.resp.length; e++) expect(Math.abs(p.resp[e] - fit.resp[e])).toBeLessThan(1e-12);
      for (let i = 0; i < n; i++) expect(Math.abs(p.logDensity[i] - fit.logDensity[i])).toBeLessThan(1e-10);
    },
  );

  it('a row gets the same bits in whichever chunk it lands (rows of iris repeated over three chunks)', async () => {
    const f = loadEmFixture('iris__full__k3');
    const { X, n, d } = loadMatrix(f.csv, f.columns);
    const fit = await fitGaussianMixture(X, n, d, replayOptions(f, f.final.n_iter));
    const K = fit.params.nComponents;
    const rows = 2 * 8192 + 77; // the last chunk short, and not a multiple of n
    const tiled = Float64Array.from({ length: rows * d }, (_, e) => X[e % (n * d)]);
    const one = await predictMixture(fit.params, X, n);
    const many = await predictMixture(fit.params, tiled, rows);
    for (let i = 0; i < rows; i++) {
      const src = i % n;
      expect(many.logDensity[i]).toBe(one.logDensity[src]);
      expect(many.labels[i]).toBe(one.labels[src]);
      for (let k = 0; k < K; k++) expect(many.resp[i * K + k]).toBe(one.resp[src * K + k]);
    }
  });

  it('argmaxRows takes the first maximum on ties, as numpy', () => {
    expect(Array.from(argmaxRows(Float64Array.from([0.5, 0.5, 0.1, 0.9, 0.3, 0.3]), 3, 2))).toEqual([
      0, 1, 0,
    ]);
  });
});
