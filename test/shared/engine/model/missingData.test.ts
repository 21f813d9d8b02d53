/**
 * EM with missing cells (missing at random) and row weights, against oracles written out here:
 * the observed-data log-likelihood recomputed from the reported parameters with plain matrix
 * algebra (a Gaussian marginal over each row's observed coordinates), one EM step from the
 * reported parameters (Ghahramani & Jordan 1994 for the correlated types; the class-only EM of
 * independent coordinates for diag and spherical), and frequency weights against repeated rows.
 */
import { describe, expect, it } from 'vitest';
import { fitMixture } from '../../../../shared/engine/model/fitMixture';
import { createMixedRows } from '../../../../shared/engine/families/rows';
import type { CovarianceType, FitResult } from '../../../../shared/engine/model/types';

const REG = 1e-6;

/** 300 rows of 3-D data from two correlated clusters, about 10% of cells missing, no empty row. */
function dataWithHoles(seed = 3): { X: Float64Array; n: number } {
  let s = seed;
  const u = () => ((s = (s * 1103515245 + 12345) % 2147483648) + 0.5) / 2147483648;
  const g = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const n = 300;
  const X = new Float64Array(n * 3);
  for (let i = 0; i < n; i++) {
    const c = i % 3 === 0 ? 1 : 0;
    const a = g();
    const b = g();
    X[i * 3] = 10 + 4 * c + a;
    X[i * 3 + 1] = -3 * c + 0.7 * a + 0.5 * b;
    X[i * 3 + 2] = 2 + c + 0.3 * a - 0.6 * b + 0.4 * g();
    const holes = [u() < 0.1, u() < 0.1, u() < 0.1];
    if (holes.every(Boolean)) holes[i % 3] = false;
    holes.forEach((h, j) => h && (X[i * 3 + j] = NaN));
  }
  return { X, n };
}

/** Σ_k as a d × d array of arrays from the reported covariances of any type. */
function sigma(fit: FitResult, k: number): number[][] {
  const { covarianceType: t, nFeatures: d, covariances: c } = fit.params;
  return Array.from({ length: d }, (_, a) =>
    Array.from({ length: d }, (_, b) => {
      if (t === 'full') return c[k * d * d + a * d + b];
      if (t === 'tied') return c[a * d + b];
      if (a !== b) return 0;
      return t === 'diag' ? c[k * d + a] : c[k];
    }),
  );
}

/** Inverse and log-determinant of a small symmetric positive-definite matrix (Gauss–Jordan). */
function inverse(A: number[][]): { inv: number[][]; logDet: number } {
  const m = A.length;
  const M = A.map((row, i) => [...row, ...Array.from({ length: m }, (_, j) => (i === j ? 1 : 0))]);
  let logDet = 0;
  for (let c = 0; c < m; c++) {
    const pivot = M[c][c];
    logDet += Math.log(pivot);
    for (let j = 0; j < 2 * m; j++) M[c][j] /= pivot;
    for (let r = 0; r < m; r++)
      if (r !== c) {
        const f = M[r][c];
        for (let j = 0; j < 2 * m; j++) M[r][j] -= f * M[c][j];
      }
  }
  return { inv: M.map((row) => row.slice(m)), logDet };
}

/** log N(x_O | μ_O, Σ_OO) for the observed coordinates O of row x (NaN = missing). */
function marginalLogDensity(x: number[], mu: number[], S: number[][]): number {
  const O = x.map((v, j) => (Number.isNaN(v) ? -1 : j)).filter((j) => j >= 0);
  const { inv, logDet } = inverse(O.map((a) => O.map((b) => S[a][b])));
  const y = O.map((j) => x[j] - mu[j]);
  let q = 0;
  for (let a = 0; a < O.length; a++) for (let b = 0; b < O.length; b++) q += y[a] * inv[a][b] * y[b];
  return -0.5 * (O.length * Math.log(2 * Math.PI) + logDet + q);
}

function rowsOf(X: Float64Array, n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from(X.subarray(i * 3, i * 3 + 3)));
}

/** The responsibilities and log p(x_i) of every row at the fit's parameters. */
function posterior(fit: FitResult, rows: number[][]) {
  const K = fit.params.nComponents;
  const d = fit.params.nFeatures;
  return rows.map((x) => {
    const lp = Array.from({ length: K }, (_, k) => {
      const mu = Array.from(fit.params.means.subarray(k * d, k * d + d));
      return Math.log(fit.params.weights[k]) + marginalLogDensity(x, mu, sigma(fit, k));
    });
    const max = Math.max(...lp);
    const sum = lp.reduce((s, v) => s + Math.exp(v - max), 0);
    return { r: lp.map((v) => Math.exp(v - max) / sum), logp: max + Math.log(sum) };
  });
}

/** One EM step from the fit's parameters, written out (the oracle of the fixed-point test). */
function emStep(fit: FitResult, rows: number[][]) {
  const K = fit.params.nComponents;
  const d = fit.params.nFeatures;
  const type = fit.params.covarianceType;
  const post = posterior(fit, rows);
  const n = rows.length;
  const nk = Array.from({ length: K }, (_, k) => post.reduce((s, p) => s + p.r[k], 0));
  const weights = nk.map((v) => v / n);
  const means: number[][] = [];
  const covs: number[][][] = [];
  for (let k = 0; k < K; k++) {
    const mu = Array.from(fit.params.means.subarray(k * d, k * d + d));
    const S = sigma(fit, k);
    if (type === 'diag' || type === 'spherical') {
      // Independent coordinates: averages over the observed cells of each coordinate.
      const m = Array.from({ length: d }, (_, j) => {
        let a = 0;
        let b = 0;
        rows.forEach((x, i) => !Number.isNaN(x[j]) && ((a += post[i].r[k] * x[j]), (b += post[i].r[k])));
        return a / b;
      });
      means.push(m);
      const ss = Array.from({ length: d }, (_, j) => {
        let a = 0;
        let b = 0;
        rows.forEach(
          (x, i) => !Number.isNaN(x[j]) && ((a += post[i].r[k] * (x[j] - m[j]) ** 2), (b += post[i].r[k])),
        );
        return [a, b];
      });
      if (type === 'diag') covs.push(ss.map(([a, b]) => [a / b + REG]));
      else covs.push([[ss.reduce((s, [a]) => s + a, 0) / ss.reduce((s, [, b]) => s + b, 0) + REG]]);
      continue;
    }
    // Correlated coordinates: fill x_M with E[x_M | x_O], add the conditional covariance.
    const filled = rows.map((x) => {
      const O = x.map((v, j) => (Number.isNaN(v) ? -1 : j)).filter((j) => j >= 0);
      const M = x.map((v, j) => (Number.isNaN(v) ? j : -1)).filter((j) => j >= 0);
      const xh = [...x];
      const C = Array.from({ length: d }, () => new Array(d).fill(0));
      if (M.length === 0) return { xh, C };
      const { inv } = inverse(O.map((a) => O.map((b) => S[a][b])));
      const B = M.map((mj) => O.map((_, c) => O.reduce((s, oj, e) => s + S[mj][oj] * inv[e][c], 0)));
      M.forEach((mj, a) => (xh[mj] = mu[mj] + O.reduce((s, oj, c) => s + B[a][c] * (x[oj] - mu[oj]), 0)));
      M.forEach((ma, a) =>
        M.forEach((mb) => (C[ma][mb] = S[ma][mb] - O.reduce((s, oj, c) => s + B[a][c] * S[oj][mb], 0))),
      );
      return { xh, C };
    });
    const m = Array.from(
      { length: d },
      (_, j) => filled.reduce((s, f, i) => s + post[i].r[k] * f.xh[j], 0) / nk[k],
    );
    means.push(m);
    covs.push(
      Array.from({ length: d }, (_, a) =>
        Array.from({ length: d }, (_, b) =>
          filled.reduce((s, f, i) => s + post[i].r[k] * ((f.xh[a] - m[a]) * (f.xh[b] - m[b]) + f.C[a][b]), 0),
        ),
      ),
    );
  }
  if (type === 'full')
    covs.forEach((c, k) =>
      c.forEach((row, a) => row.forEach((_, b) => (c[a][b] = c[a][b] / nk[k] + (a === b ? REG : 0)))),
    );
  if (type === 'tied') {
    const pooled = covs[0].map((row, a) =>
      row.map((_, b) => covs.reduce((s, c) => s + c[a][b], 0) / n + (a === b ? REG : 0)),
    );
    return { weights, means, covs: [pooled] };
  }
  return { weights, means, covs };
}

const types: CovarianceType[] = ['full', 'tied', 'diag', 'spherical'];

describe('missing cells inside EM', () => {
  const { X, n } = dataWithHoles();
  const rows = rowsOf(X, n);
  const fits = new Map<CovarianceType, Promise<FitResult>>();
  const fitOf = (covarianceType: CovarianceType) => {
    if (!fits.has(covarianceType))
      fits.set(
        covarianceType,
        fitMixture(createMixedRows({ nSamples: n, X, d: 3, patternsFor: 'dense' }), {
          nComponents: 2,
          covarianceType,
          init: 'kmeans',
          nInit: 3,
          seed: 1,
          maxIter: 5000,
          tol: 1e-13,
          regCovar: REG,
        }),
      );
    return fits.get(covarianceType) as Promise<FitResult>;
  };

  for (const covarianceType of types) {
    it(`${covarianceType}: keeps every row and reports the observed-data log-likelihood (1e-9)`, async () => {
      const fit = await fitOf(covarianceType);
      expect(fit.resp.length).toBe(n * 2);
      const ll = posterior(fit, rows).reduce((s, p) => s + p.logp, 0);
      expect(Math.abs(fit.logLikelihood - ll)).toBeLessThan(1e-9 * Math.abs(ll));
    });

    it(`${covarianceType}: is a fixed point of EM — one more step moves nothing by 1e-4 of its scale`, async () => {
      const fit = await fitOf(covarianceType);
      const next = emStep(fit, rows);
      const d = 3;
      for (let k = 0; k < 2; k++) {
        expect(Math.abs(next.weights[k] - fit.params.weights[k])).toBeLessThan(1e-4);
        for (let j = 0; j < d; j++)
          expect(Math.abs(next.means[k][j] - fit.params.means[k * d + j])).toBeLessThan(1e-4 * 10);
      }
      const covScale = Math.max(...Array.from(fit.params.covariances, Math.abs));
      for (let k = 0; k < next.covs.length; k++) {
        const S = sigma(fit, k);
        next.covs[k].forEach((row, a) =>
          row.forEach((v, b) => {
            const reported = covarianceType === 'diag' || covarianceType === 'spherical' ? S[a][a] : S[a][b];
            expect(Math.abs(v - reported)).toBeLessThan(1e-4 * covScale);
          }),
        );
      }
    });
  }
});

describe('row weights', () => {
  it('integer weights give the fit of the rows repeated that many times (same start, 1e-9)', async () => {
    const { X, n } = dataWithHoles(11);
    const codes = Int32Array.from({ length: n }, (_, i) => (i * 7) % 3);
    codes[5] = -1;
    const weights = Float64Array.from({ length: n }, (_, i) => 1 + (i % 3));
    const repeated: number[] = [];
    weights.forEach((w, i) => {
      for (let r = 0; r < w; r++) repeated.push(i);
    });
    const pick = (src: Float64Array | Int32Array, width: number) =>
      repeated.flatMap((i) => Array.from(src.subarray(i * width, i * width + width)));
    const start = {
      weights: Float64Array.from([0.5, 0.5]),
      means: Float64Array.from([10, 0, 2, 14, -3, 3]),
      covariances: Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1]),
      categorical: [Float64Array.from([0.2, 0.3, 0.5, 0.4, 0.4, 0.2])],
    };
    const options = {
      nComponents: 2,
      covarianceType: 'full' as const,
      init: 'kmeans' as const,
      nInit: 1,
      seed: 0,
      maxIter: 40,
      tol: 0,
      regCovar: REG,
      initParams: start,
    };
    const weighted = await fitMixture(
      createMixedRows({ nSamples: n, X, d: 3, codes, levels: [3], weights, patternsFor: 'dense' }),
      options,
    );
    const copies = await fitMixture(
      createMixedRows({
        nSamples: repeated.length,
        X: Float64Array.from(pick(X, 3)),
        d: 3,
        codes: Int32Array.from(pick(codes, 1)),
        levels: [3],
        patternsFor: 'dense',
      }),
      options,
    );
    const close = (a: Float64Array, b: Float64Array) => {
      const scale = Math.max(...Array.from(b, Math.abs));
      for (let e = 0; e < b.length; e++) expect(Math.abs(a[e] - b[e])).toBeLessThan(1e-9 * scale);
    };
    close(weighted.params.weights, copies.params.weights);
    close(weighted.params.means, copies.params.means);
    close(weighted.params.covariances, copies.params.covariances);
    close(weighted.params.discrete!.categorical[0], copies.params.discrete!.categorical[0]);
    expect(Math.abs(weighted.logLikelihood / copies.logLikelihood - 1)).toBeLessThan(1e-12);
    expect(Math.abs(weighted.bic / copies.bic - 1)).toBeLessThan(1e-12);
  });
});
