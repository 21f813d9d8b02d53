/**
 * The EM loop's behaviour beyond the scikit-learn trajectories: restarts keep the best lower
 * bound, EM never decreases it, progress and cancellation, and the nasty data — duplicated
 * points, K = n, a collapsing component, a 1e9 offset — which give an accurate model or a
 * specific EngineError, never a NaN.
 */
import { describe, expect, it } from 'vitest';
import { fitGaussianMixture } from '../../../../shared/engine/model/fit';
import { EngineError } from '../../../../shared/errors';
import { Rng } from '../../../../shared/engine/model/rng';
import type { FitOptions, FitProgress, FitResult } from '../../../../shared/engine/model/types';
import { arrayRelError, loadEmFixture, loadMatrix, relError, replayOptions } from '../emFixtures';

function expectAllFinite(r: FitResult): void {
  const arrays = [
    r.params.weights,
    r.params.means,
    r.params.covariances,
    r.params.precisionsCholesky,
    r.resp,
    r.logDensity,
    ...r.traces,
  ];
  for (const a of arrays) expect(a.every(Number.isFinite)).toBe(true);
  expect([r.lowerBound, r.meanLogLikelihood, r.bic, r.aic, r.icl].every(Number.isFinite)).toBe(true);
}

const faithful = loadMatrix('faithful.csv', ['eruptions', 'waiting']);

describe('restarts', () => {
  /** Six random starts on Old Faithful, K = 4: they end at different lower bounds. */
  const options: FitOptions = {
    nComponents: 4,
    covarianceType: 'full',
    init: 'random',
    nInit: 6,
    seed: 3,
    maxIter: 300,
    tol: 1e-6,
    regCovar: 1e-6,
  };

  it('keeps the restart with the highest final lower bound and reports its index', async () => {
    const r = await fitGaussianMixture(faithful.X, faithful.n, faithful.d, options);
    expect(r.traces).toHaveLength(6);
    const finals = r.traces.map((t) => t[t.length - 1]);
    expect(r.lowerBound).toBe(Math.max(...finals));
    expect(r.bestRestart).toBe(finals.indexOf(r.lowerBound));
    expect(r.nIter).toBe(r.traces[r.bestRestart].length);
  });

  it('ranks restarts by restartRank before the lower bound when a caller gives one (the sweep)', async () => {
    const plain = await fitGaussianMixture(faithful.X, faithful.n, faithful.d, options);
    // Rank the plain winner's weights below every other restart: the next best lower bound wins.
    const winner = plain.params.weights;
    const ranked = await fitGaussianMixture(faithful.X, faithful.n, faithful.d, options, {
      restartRank: (state) => (state.weights.every((w, k) => w === winner[k]) ? 0 : 1),
    });
    const finals = plain.traces.map((t) => t[t.length - 1]);
    const others = finals.filter((_, r) => r !== plain.bestRestart);
    expect(ranked.traces.map((t) => t[t.length - 1])).toEqual(finals);
    expect(ranked.lowerBound).toBe(Math.max(...others));
    expect(ranked.bestRestart).toBe(finals.indexOf(ranked.lowerBound));
    expect(ranked.bestRestart).not.toBe(plain.bestRestart);
  });

  it('never lets the lower bound decrease within a restart (EM is monotone)', async () => {
    for (const covarianceType of ['full', 'tied', 'diag', 'spherical'] as const) {
      const r = await fitGaussianMixture(faithful.X, faithful.n, faithful.d, {
        nComponents: 3,
        covarianceType,
        init: 'random',
        nInit: 3,
        seed: 8,
        maxIter: 200,
        tol: 0,
        regCovar: 1e-6,
      });
      for (const trace of r.traces)
        for (let i = 1; i < trace.length; i++) expect(trace[i]).toBeGreaterThanOrEqual(trace[i - 1] - 1e-12);
    }
  });
});

describe('progress and cancellation', () => {
  const options: FitOptions = {
    nComponents: 2,
    covarianceType: 'diag',
    init: 'kmeans',
    nInit: 2,
    seed: 1,
    maxIter: 7,
    tol: 0,
    regCovar: 1e-6,
  };

  it('reports {restart, nRestarts, iteration, maxIter, lowerBound} once per iteration', async () => {
    const seen: FitProgress[] = [];
    const r = await fitGaussianMixture(faithful.X, faithful.n, faithful.d, options, {
      onProgress: (p) => seen.push(p),
    });
    expect(seen).toHaveLength(14);
    expect(seen.map((p) => `${p.restart}/${p.iteration}`)).toEqual(
      [0, 1].flatMap((restart) => [1, 2, 3, 4, 5, 6, 7].map((i) => `${restart}/${i}`)),
    );
    expect(seen.every((p) => p.nRestarts === 2 && p.maxIter === 7)).toBe(true);
    expect(seen.slice(0, 7).map((p) => p.lowerBound)).toEqual(Array.from(r.traces[0]));
  });

  it('throws EngineError cancelled at the next iteration once the signal is aborted', async () => {
    const signal = { aborted: false };
    const run = fitGaussianMixture(
      faithful.X,
      faithful.n,
      faithful.d,
      { ...options, maxIter: 1000 },
      {
        signal,
        onProgress: (p) => {
          if (p.iteration === 2) signal.aborted = true;
        },
      },
    );
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
  });
});

describe('degenerate data', () => {
  it('duplicated points: repeating every row 3 times gives the same model as the original rows', async () => {
    const f = loadEmFixture('iris__full__k3');
    const { X, n, d } = loadMatrix(f.csv, f.columns);
    const tripled = new Float64Array(3 * X.length);
    for (let c = 0; c < 3; c++) tripled.set(X, c * X.length);
    const a = await fitGaussianMixture(X, n, d, replayOptions(f, 50));
    const b = await fitGaussianMixture(tripled, 3 * n, d, replayOptions(f, 50));
    expectAllFinite(b);
    expect(arrayRelError(b.params.means, Array.from(a.params.means))).toBeLessThan(1e-10);
    expect(arrayRelError(b.params.covariances, Array.from(a.params.covariances))).toBeLessThan(1e-9);
    expect(relError(b.meanLogLikelihood, a.meanLogLikelihood)).toBeLessThan(1e-11);
  });

  it('K = n: every component takes one row, held up by reg_covar, with finite numbers', async () => {
    const X = Float64Array.from([0, 0, 1, 0, 0, 1, 5, 5, 2, 7]);
    const r = await fitGaussianMixture(X, 5, 2, {
      nComponents: 5,
      covarianceType: 'full',
      init: 'kmeans',
      nInit: 1,
      seed: 0,
      maxIter: 20,
      tol: 1e-3,
      regCovar: 1e-6,
    });
    expectAllFinite(r);
    expect(new Set(r.labels).size).toBe(5);
    for (let k = 0; k < 5; k++) {
      expect(r.params.weights[k]).toBeCloseTo(0.2, 12);
      expect(r.params.covariances[k * 4]).toBeCloseTo(1e-6, 15);
    }
  });

  it('a component collapsing onto repeated rows without reg_covar is a singular_component error naming it', async () => {
    // Ten copies of (3, 3) plus a spread cloud; component 2 (1-based) starts on the copies.
    const rng = new Rng(2);
    const rows: number[] = [];
    for (let i = 0; i < 40; i++) rows.push(rng.normal() * 2 - 6, rng.normal() * 2 - 6);
    for (let i = 0; i < 10; i++) rows.push(3, 3);
    const X = Float64Array.from(rows);
    const options: FitOptions = {
      nComponents: 2,
      covarianceType: 'full',
      init: 'kmeans',
      nInit: 1,
      seed: 0,
      maxIter: 100,
      tol: 1e-9,
      regCovar: 0,
      initParams: {
        weights: [0.8, 0.2],
        means: [
          [-6, -6],
          [3, 3],
        ],
        covariances: [
          [
            [4, 0],
            [0, 4],
          ],
          [
            [0.5, 0],
            [0, 0.5],
          ],
        ],
      },
    };
    const error = await fitGaussianMixture(X, 50, 2, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ code: 'singular_component', details: { component: 1 } });
    expect((error as EngineError).message).toMatch(/Component 2 .*fewer components.*reg_covar.*standardise/s);
    // The same data with scikit-learn's default regularisation fit without error.
    expectAllFinite(await fitGaussianMixture(X, 50, 2, { ...options, regCovar: 1e-6 }));
  });

  it('a column at 1e9 + small noise fits as accurately as the same noise without the offset', async () => {
    const rng = new Rng(9);
    const n = 2000;
    const plain = new Float64Array(n * 2);
    const offset = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) {
      const k = i % 2;
      offset[i * 2] = 1e9 + (k ? 1e-3 : -1e-3) + 5e-4 * rng.normal();
      plain[i * 2] = offset[i * 2] - 1e9; // exact: the deviation the offset value represents
      plain[i * 2 + 1] = offset[i * 2 + 1] = (k ? 2 : -2) + rng.normal();
    }
    const options = (shift: number): FitOptions => ({
      nComponents: 2,
      covarianceType: 'full',
      init: 'kmeans',
      nInit: 1,
      seed: 0,
      maxIter: 100,
      tol: 1e-10,
      regCovar: 1e-12,
      initParams: {
        weights: [0.5, 0.5],
        means: [
          [shift - 5e-4, -1],
          [shift + 5e-4, 1],
        ],
        covariances: [
          [
            [1e-6, 0],
            [0, 1],
          ],
          [
            [1e-6, 0],
            [0, 1],
          ],
        ],
      },
    });
    const a = await fitGaussianMixture(plain, n, 2, options(0));
    const b = await fitGaussianMixture(offset, n, 2, options(1e9));
    expectAllFinite(b);
    expect(b.nIter).toBe(a.nIter);
    expect(relError(b.meanLogLikelihood, a.meanLogLikelihood)).toBeLessThan(1e-9);
    expect(arrayRelError(b.params.covariances, Array.from(a.params.covariances))).toBeLessThan(1e-8);
    for (let k = 0; k < 2; k++) {
      // Within one unit in the last place at 1e9 (2^-23 ≈ 1.2e-7), the representable precision.
      expect(Math.abs(b.params.means[k * 2] - (1e9 + a.params.means[k * 2]))).toBeLessThanOrEqual(2 ** -23);
      expect(b.params.means[k * 2 + 1]).toBeCloseTo(a.params.means[k * 2 + 1], 10);
    }
    expect(Array.from(b.labels)).toEqual(Array.from(a.labels));
  });
});
