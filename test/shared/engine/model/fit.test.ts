/**
 * fitGaussianMixture against scikit-learn 1.2.1's EM trajectories (test/fixtures/em, README
 * "em/"): from the fixtures' explicit start, with tol 0 and max_iter = final.n_iter.
 * Tolerances (tighter than the README's 1e-6): per-iteration mean log-likelihood 1e-9 relative;
 * weights, means, covariances 1e-7 relative to the array's largest magnitude for iterations
 * 1…20 and the final state; final BIC, AIC, mean log-likelihood 1e-8 relative; labels identical;
 * responsibilities within 1e-7.
 */
import { describe, expect, it } from 'vitest';
import { fitGaussianMixture } from '../../../../shared/engine/model/fit';
import {
  arrayRelError,
  emFixtureNames,
  loadEmFixture,
  loadMatrix,
  relError,
  replayOptions,
} from '../emFixtures';

const names = emFixtureNames();
describe('EM reproduces scikit-learn', () => {
  it('finds all 20 trajectory fixtures', () => {
    expect(names).toHaveLength(20);
  });

  it.each(names)('%s: lower bound per iteration, final criteria, labels and proba', async (name) => {
    const f = loadEmFixture(name);
    const { X, n, d } = loadMatrix(f.csv, f.columns);
    const r = await fitGaussianMixture(X, n, d, replayOptions(f, f.final.n_iter));
    expect(r.nIter).toBe(f.final.n_iter);
    expect(r.traces).toHaveLength(1);
    expect(r.traces[0]).toHaveLength(f.iterations.length);
    f.iterations.forEach((step, i) =>
      expect(relError(r.traces[0][i], step.mean_log_likelihood)).toBeLessThan(1e-9),
    );
    expect(relError(r.lowerBound, f.iterations[f.iterations.length - 1].mean_log_likelihood)).toBeLessThan(
      1e-9,
    );
    expect(relError(r.meanLogLikelihood, f.final.mean_log_likelihood)).toBeLessThan(1e-8);
    expect(relError(r.logLikelihood, f.final.log_likelihood)).toBeLessThan(1e-8);
    expect(relError(r.bic, f.final.bic)).toBeLessThan(1e-8);
    expect(relError(r.aic, f.final.aic)).toBeLessThan(1e-8);
    expect(r.nParameters).toBe(f.final.n_parameters);
    expect(arrayRelError(r.params.weights, f.final.weights)).toBeLessThan(1e-7);
    expect(arrayRelError(r.params.means, f.final.means)).toBeLessThan(1e-7);
    expect(arrayRelError(r.params.covariances, f.final.covariances)).toBeLessThan(1e-7);
    expect(Array.from(r.labels)).toEqual(f.final.labels);
    let probaError = 0;
    f.final.proba.forEach((row, i) =>
      row.forEach(
        (p, k) => (probaError = Math.max(probaError, Math.abs(p - r.resp[i * f.n_components + k]))),
      ),
    );
    expect(probaError).toBeLessThan(1e-7);
  });

  it.each(names)('%s: parameters after each of the first 20 iterations', async (name) => {
    const f = loadEmFixture(name);
    const { X, n, d } = loadMatrix(f.csv, f.columns);
    for (const step of f.iterations.slice(0, 20)) {
      const r = await fitGaussianMixture(X, n, d, replayOptions(f, step.iter));
      expect(arrayRelError(r.params.weights, step.weights), `weights at iteration ${step.iter}`).toBeLessThan(
        1e-7,
      );
      expect(arrayRelError(r.params.means, step.means), `means at iteration ${step.iter}`).toBeLessThan(1e-7);
      expect(
        arrayRelError(r.params.covariances, step.covariances),
        `covariances at iteration ${step.iter}`,
      ).toBeLessThan(1e-7);
      // score(X) at the updated parameters is the next iteration's lower bound.
      expect(relError(r.meanLogLikelihood, step.mean_log_likelihood_post)).toBeLessThan(1e-9);
    }
  });
});

describe('explicit starts', () => {
  it.each(['iris__full__k3', 'faithful__tied__k3', 'iris__diag__k3', 'faithful__spherical__k3'])(
    '%s: starting from covariances or from precisions gives the same trajectory',
    async (name) => {
      const f = loadEmFixture(name);
      const { X, n, d } = loadMatrix(f.csv, f.columns);
      const a = await fitGaussianMixture(X, n, d, replayOptions(f, 30, 'covariances'));
      const b = await fitGaussianMixture(X, n, d, replayOptions(f, 30, 'precisions'));
      for (let i = 0; i < 30; i++) expect(relError(a.traces[0][i], b.traces[0][i])).toBeLessThan(1e-12);
      expect(arrayRelError(a.params.covariances, Array.from(b.params.covariances))).toBeLessThan(1e-10);
    },
  );

  it('stops at the first iteration whose lower-bound change is below tol (the fixtures were cut by the 1e-10 rule)', async () => {
    const f = loadEmFixture('faithful__diag__k2');
    const { X, n, d } = loadMatrix(f.csv, f.columns);
    const r = await fitGaussianMixture(X, n, d, { ...replayOptions(f, 200), tol: 1e-10 });
    expect(r.converged).toBe(true);
    expect(r.nIter).toBe(f.final.n_iter);
  });

  it('reports converged = false when max_iter ends the run first', async () => {
    const f = loadEmFixture('iris__full__k3');
    const { X, n, d } = loadMatrix(f.csv, f.columns);
    const r = await fitGaussianMixture(X, n, d, { ...replayOptions(f, 5), tol: 1e-10 });
    expect(r.converged).toBe(false);
    expect(r.nIter).toBe(5);
  });
});

describe('result fields', () => {
  it('fills every FitResult field consistently: shapes, ICL, log density, seconds', async () => {
    const f = loadEmFixture('faithful__full__k3');
    const { X, n, d } = loadMatrix(f.csv, f.columns);
    const r = await fitGaussianMixture(X, n, d, replayOptions(f, 40));
    const K = 3;
    expect(r.params).toMatchObject({ covarianceType: 'full', nComponents: K, nFeatures: d });
    expect(r.params.precisionsCholesky).toHaveLength(K * d * d);
    expect(r.resp).toHaveLength(n * K);
    expect(r.logDensity).toHaveLength(n);
    expect(r.labels).toHaveLength(n);
    const meanLogDensity = r.logDensity.reduce((a, b) => a + b, 0) / n;
    expect(relError(meanLogDensity, r.meanLogLikelihood)).toBeLessThan(1e-12);
    let entropy = 0;
    for (const p of r.resp) if (p > 0) entropy -= p * Math.log(p);
    expect(r.icl).toBeCloseTo(r.bic + 2 * entropy, 8);
    expect(r.icl).toBeGreaterThanOrEqual(r.bic);
    expect(r.bestRestart).toBe(0);
    expect(r.seconds).toBeGreaterThanOrEqual(0);
    // Each row's responsibilities sum to 1 and the label is their argmax.
    for (let i = 0; i < n; i++) {
      const row = Array.from(r.resp.subarray(i * K, i * K + K));
      expect(Math.abs(row.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-14);
      expect(row.indexOf(Math.max(...row))).toBe(r.labels[i]);
    }
  });
});
