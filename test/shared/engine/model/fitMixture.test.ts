/**
 * Mixed-type mixtures against oracles that are not our code: the three-coin fixture (Li Hang,
 * example 9.1 and exercise 9.1, EM trajectories written out in the fixture's generator), the
 * two-coin binomial experiment (Do & Batzoglou 2008) with its updates written out here, and the
 * plain Gaussian path (fitGaussianMixture, itself checked against scikit-learn) for a Gaussian block.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fitMixture } from '../../../../shared/engine/model/fitMixture';
import { fitGaussianMixture } from '../../../../shared/engine/model/fit';
import { createMixedRows } from '../../../../shared/engine/families/rows';
import { fixturesDir } from '../../../support/paths';

interface CoinStep {
  iter: number;
  pi: number;
  p: number;
  q: number;
  log_likelihood: number;
  mu?: number[];
}
interface CoinRun {
  init: { pi: number; p: number; q: number };
  trajectory: CoinStep[];
  fixed_point: { pi: number; p: number; q: number; log_likelihood: number };
}
const coins = JSON.parse(readFileSync(path.join(fixturesDir, 'bernoulli/three_coins.json'), 'utf8')) as {
  observations: number[];
  runs: CoinRun[];
};

const DEFAULTS = {
  covarianceType: 'diag' as const,
  init: 'kmeans' as const,
  nInit: 1,
  seed: 0,
  regCovar: 1e-6,
};

/** The coin outcomes as one two-level categorical column: level 0 = tails, level 1 = heads. */
function coinRows() {
  return createMixedRows({
    nSamples: coins.observations.length,
    codes: Int32Array.from(coins.observations),
    levels: [2],
  });
}

/** (pi, p, q) as the mixture's weights and class-conditional heads probabilities. */
async function threeCoins(start: CoinRun['init'], iterations: number) {
  const fit = await fitMixture(coinRows(), {
    ...DEFAULTS,
    nComponents: 2,
    maxIter: iterations,
    tol: 0,
    initParams: {
      weights: Float64Array.from([start.pi, 1 - start.pi]),
      categorical: [Float64Array.from([1 - start.p, start.p, 1 - start.q, start.q])],
    },
  });
  const theta = fit.params.discrete!.categorical[0];
  return { pi: fit.params.weights[0], p: theta[1], q: theta[3], fit };
}

describe('three coins (Li Hang 9.1): a Bernoulli mixture', () => {
  for (const run of coins.runs) {
    const { pi, p, q } = run.init;
    it(`from (π, p, q) = (${pi}, ${p}, ${q}) follows every step of the trajectory to 1e-12`, async () => {
      for (const step of run.trajectory.slice(1)) {
        const got = await threeCoins(run.init, step.iter);
        expect(Math.abs(got.pi - step.pi)).toBeLessThan(1e-12);
        expect(Math.abs(got.p - step.p)).toBeLessThan(1e-12);
        expect(Math.abs(got.q - step.q)).toBeLessThan(1e-12);
        // The log-likelihood of the returned parameters (the fit's final E-step).
        expect(Math.abs(got.fit.logLikelihood - step.log_likelihood)).toBeLessThan(1e-12 * 7);
      }
    });

    it(`from (${pi}, ${p}, ${q}) reaches the fixed point ${run.fixed_point.pi.toFixed(4)}, ${run.fixed_point.p.toFixed(4)}, ${run.fixed_point.q.toFixed(4)} and stays`, async () => {
      const got = await threeCoins(run.init, 50);
      expect(Math.abs(got.pi - run.fixed_point.pi)).toBeLessThan(1e-12);
      expect(Math.abs(got.p - run.fixed_point.p)).toBeLessThan(1e-12);
      expect(Math.abs(got.q - run.fixed_point.q)).toBeLessThan(1e-12);
      // Every fixed point explains the mean outcome 0.6 and has 10·(0.6 ln 0.6 + 0.4 ln 0.4).
      expect(Math.abs(got.pi * got.p + (1 - got.pi) * got.q - 0.6)).toBeLessThan(1e-12);
      expect(Math.abs(got.fit.logLikelihood - 10 * (0.6 * Math.log(0.6) + 0.4 * Math.log(0.4)))).toBeLessThan(
        1e-12,
      );
    });
  }

  it('counts K − 1 + K·(levels − 1) = 3 free parameters and labels each outcome by its more likely coin', async () => {
    const got = await threeCoins({ pi: 0.4, p: 0.6, q: 0.7 }, 10);
    expect(got.fit.nParameters).toBe(3);
    // q > p: a head is more probable from coin C (class 2), a tail from coin B (class 1) only if
    // π(1−p) > (1−π)(1−q); the oracle is that inequality, evaluated here.
    const tailToB = got.pi * (1 - got.p) > (1 - got.pi) * (1 - got.q);
    coins.observations.forEach((y, i) => {
      const headToB = got.pi * got.p > (1 - got.pi) * got.q;
      expect(got.fit.labels[i]).toBe((y === 1 ? headToB : tailToB) ? 0 : 1);
    });
  });
});

describe('two coins (Do & Batzoglou 2008): a binomial mixture', () => {
  // Five runs of ten tosses with one of two coins, which one unknown: heads 5, 9, 8, 4, 7.
  const heads = [5, 9, 8, 4, 7];
  const rows = () =>
    createMixedRows({
      nSamples: 5,
      successes: Float64Array.from(heads),
      trials: new Float64Array(5).fill(10),
      b: 1,
    });

  /** The textbook's EM written out: E-step by Bayes' rule, M-step as weighted proportions. */
  function oracleStep(w: number, a: number, b: number) {
    const like = (t: number, h: number) => t ** h * (1 - t) ** (10 - h);
    const r = heads.map((h) => (w * like(a, h)) / (w * like(a, h) + (1 - w) * like(b, h)));
    const sr = r.reduce((s, x) => s + x, 0);
    return {
      w: sr / 5,
      a: r.reduce((s, x, i) => s + x * heads[i], 0) / (10 * sr),
      b: r.reduce((s, x, i) => s + (1 - x) * heads[i], 0) / (10 * (5 - sr)),
    };
  }

  it('reproduces the first update from θA = 0.6, θB = 0.5 (≈ 0.71, 0.58) and every later one to 1e-12', async () => {
    let oracle = { w: 0.5, a: 0.6, b: 0.5 };
    for (let t = 1; t <= 12; t++) {
      oracle = oracleStep(oracle.w, oracle.a, oracle.b);
      const fit = await fitMixture(rows(), {
        ...DEFAULTS,
        nComponents: 2,
        maxIter: t,
        tol: 0,
        initParams: { weights: Float64Array.from([0.5, 0.5]), binomial: Float64Array.from([0.6, 0.5]) },
      });
      const [a, b] = fit.params.discrete!.binomial;
      if (t === 1) {
        // The paper's figure: θA ≈ 21.3 / (21.3 + 8.6) = 0.71, θB ≈ 11.7 / (11.7 + 8.4) = 0.58.
        expect(a).toBeCloseTo(0.71, 2);
        expect(b).toBeCloseTo(0.58, 2);
      }
      expect(Math.abs(fit.params.weights[0] - oracle.w)).toBeLessThan(1e-12);
      expect(Math.abs(a - oracle.a)).toBeLessThan(1e-12);
      expect(Math.abs(b - oracle.b)).toBeLessThan(1e-12);
    }
  });

  it('reports the total log-likelihood with the binomial coefficients and K − 1 + K free parameters', async () => {
    const fit = await fitMixture(rows(), {
      ...DEFAULTS,
      nComponents: 2,
      maxIter: 1,
      tol: 0,
      initParams: { weights: Float64Array.from([0.3, 0.7]), binomial: Float64Array.from([0.8, 0.45]) },
    });
    const [a, b] = fit.params.discrete!.binomial;
    const w = fit.params.weights[0];
    const choose = (h: number) => [...Array(h).keys()].reduce((c, i) => (c * (10 - i)) / (i + 1), 1);
    const ll = heads.reduce(
      (s, h) =>
        s + Math.log(choose(h) * (w * a ** h * (1 - a) ** (10 - h) + (1 - w) * b ** h * (1 - b) ** (10 - h))),
      0,
    );
    expect(Math.abs(fit.logLikelihood - ll)).toBeLessThan(1e-12 * Math.abs(ll));
    expect(fit.nParameters).toBe(3);
  });
});

describe('a Gaussian block through the mixed path', () => {
  /** Two well separated 2-D clusters. */
  function gaussianData() {
    const n = 400;
    const X = new Float64Array(n * 2);
    let s = 7;
    const u = () => ((s = (s * 1103515245 + 12345) % 2147483648) + 0.5) / 2147483648;
    for (let i = 0; i < n; i++) {
      const g1 = Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
      const g2 = Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
      const c = i % 3 === 0 ? 4 : 0;
      X[i * 2] = 100 + c + g1;
      X[i * 2 + 1] = -50 + 0.5 * c + 0.8 * g1 + 0.6 * g2;
    }
    return { X, n };
  }

  for (const covarianceType of ['full', 'tied', 'diag', 'spherical'] as const) {
    it(`${covarianceType}: agrees with the plain Gaussian fit from the same explicit start (1e-10)`, async () => {
      const { X, n } = gaussianData();
      const K = 2;
      const means = Float64Array.from([X[0], X[1], X[2], X[3]]);
      const covariances =
        covarianceType === 'full'
          ? Float64Array.from([1, 0, 0, 1, 1, 0, 0, 1])
          : covarianceType === 'tied'
            ? Float64Array.from([1, 0, 0, 1])
            : covarianceType === 'diag'
              ? Float64Array.from([1, 1, 1, 1])
              : Float64Array.from([1, 1]);
      const options = { ...DEFAULTS, covarianceType, nComponents: K, maxIter: 30, tol: 0 };
      const weights = Float64Array.from([0.5, 0.5]);
      const plain = await fitGaussianMixture(X, n, 2, {
        ...options,
        initParams: {
          weights: [0.5, 0.5],
          means: [
            [X[0], X[1]],
            [X[2], X[3]],
          ],
          covariances: nested(covariances, covarianceType),
        },
      });
      const mixed = await fitMixture(createMixedRows({ nSamples: n, X, d: 2, patternsFor: 'dense' }), {
        ...options,
        initParams: { weights, means, covariances },
      });
      expect(Math.abs(mixed.meanLogLikelihood / plain.meanLogLikelihood - 1)).toBeLessThan(1e-12);
      expect(mixed.nParameters).toBe(plain.nParameters);
      expect(Math.abs(mixed.bic - plain.bic)).toBeLessThan(1e-9 * Math.abs(plain.bic));
      const close = (a: Float64Array, b: Float64Array) => {
        const scale = Math.max(...Array.from(b, Math.abs));
        for (let e = 0; e < b.length; e++) expect(Math.abs(a[e] - b[e])).toBeLessThan(1e-10 * scale);
      };
      close(mixed.params.weights, plain.params.weights);
      close(mixed.params.means, plain.params.means);
      close(mixed.params.covariances, plain.params.covariances);
      expect(Array.from(mixed.labels)).toEqual(Array.from(plain.labels));
    });
  }
});

function nested(c: Float64Array, type: string): number[] | number[][] | number[][][] {
  if (type === 'full')
    return [
      [
        [c[0], c[1]],
        [c[2], c[3]],
      ],
      [
        [c[4], c[5]],
        [c[6], c[7]],
      ],
    ];
  if (type === 'tied')
    return [
      [c[0], c[1]],
      [c[2], c[3]],
    ];
  if (type === 'diag')
    return [
      [c[0], c[1]],
      [c[2], c[3]],
    ];
  return [c[0], c[1]];
}

describe('restarts (emEM: short runs, the best continued)', () => {
  /** 300 rows of two four-level items whose answers depend on a hidden class of three. */
  function surveyRows() {
    const n = 300;
    const codes = new Int32Array(n * 2);
    let s = 11;
    const u = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < n; i++) {
      const c = i % 3;
      codes[i * 2] = u() < 0.7 ? c : Math.floor(u() * 4);
      codes[i * 2 + 1] = u() < 0.6 ? (c + 1) % 4 : Math.floor(u() * 4);
    }
    return createMixedRows({ nSamples: n, codes, levels: [4, 4] });
  }
  const options = { ...DEFAULTS, nComponents: 3, nInit: 10, tol: 1e-10 };

  it('counts the short phase in n_iter and in the trace, which ends at the reported log-likelihood', async () => {
    const fit = await fitMixture(surveyRows(), { ...options, maxIter: 500 });
    const trace = fit.traces[fit.bestRestart];
    expect(trace.length).toBe(fit.nIter);
    expect(fit.nIter).toBeGreaterThan(20);
    // EM never decreases the likelihood along one run, short phase included.
    for (let t = 1; t < trace.length; t++) expect(trace[t]).toBeGreaterThanOrEqual(trace[t - 1] - 1e-12);
    expect(Math.abs(trace[trace.length - 1] - fit.meanLogLikelihood)).toBeLessThan(1e-9);
  });

  it('stops every run at max_iter iterations in all, short phase included', async () => {
    const fit = await fitMixture(surveyRows(), { ...options, maxIter: 25, tol: 0 });
    expect(fit.nIter).toBeLessThanOrEqual(25);
    for (const trace of fit.traces) expect(trace.length).toBeLessThanOrEqual(25);
    expect(fit.converged).toBe(false);
  });

  it('reports progress from the first short run on', async () => {
    const seen: number[] = [];
    await fitMixture(
      surveyRows(),
      { ...options, maxIter: 200 },
      { onProgress: (p) => seen.push(p.iteration) },
    );
    expect(seen[0]).toBe(1);
    expect(seen.length).toBeGreaterThan(10 * 10);
  });
});
