/**
 * Exact discrete draws: for every regime of each algorithm (inversion and transformed rejection),
 * the frequencies of 200 000 draws match the probability mass function written out here
 * (Pearson's χ² below the 0.999 quantile of its distribution).
 */
import { describe, expect, it } from 'vitest';
import { drawBinomial, drawCategory, drawPoisson } from '../../../../shared/engine/families/draw';
import { Rng } from '../../../../shared/engine/model/rng';

const N = 200_000;

/** χ² of observed counts against pmf over the support values with expected count ≥ 5 (tails pooled). */
function chiSquare(
  counts: Map<number, number>,
  pmf: (x: number) => number,
  support: number[],
): { chi: number; df: number } {
  let chi = 0;
  let df = -1;
  let tailObserved = N;
  let tailExpected = N;
  for (const x of support) {
    const e = N * pmf(x);
    if (e < 5) continue;
    const o = counts.get(x) ?? 0;
    chi += (o - e) ** 2 / e;
    tailObserved -= o;
    tailExpected -= e;
    df++;
  }
  if (tailExpected >= 5) {
    chi += (tailObserved - tailExpected) ** 2 / tailExpected;
    df++;
  }
  return { chi, df };
}

/** The 0.999 quantile of χ²(df), by the Wilson–Hilferty approximation (good to ~1% for df ≥ 3). */
const chiLimit = (df: number) => df * (1 - 2 / (9 * df) + 3.09 * Math.sqrt(2 / (9 * df))) ** 3;

function logFact(n: number): number {
  let s = 0;
  for (let i = 2; i <= n; i++) s += Math.log(i);
  return s;
}

describe('drawPoisson', () => {
  for (const lambda of [0.3, 4, 9.5, 10, 37, 250]) {
    it(`matches the Poisson(${lambda}) mass function`, () => {
      const rng = new Rng(lambda * 1000);
      const counts = new Map<number, number>();
      for (let i = 0; i < N; i++) {
        const x = drawPoisson(lambda, rng);
        counts.set(x, (counts.get(x) ?? 0) + 1);
      }
      const pmf = (x: number) => Math.exp(x * Math.log(lambda) - lambda - logFact(x));
      const support = Array.from({ length: Math.ceil(lambda + 10 * Math.sqrt(lambda) + 10) }, (_, x) => x);
      const { chi, df } = chiSquare(counts, pmf, support);
      expect(df).toBeGreaterThan(0);
      expect(chi).toBeLessThan(chiLimit(df));
    });
  }
  it('gives 0 for a rate of 0', () => expect(drawPoisson(0, new Rng(1))).toBe(0));
});

describe('drawBinomial', () => {
  for (const [n, p] of [
    [10, 0.3],
    [10, 0.9],
    [40, 0.2],
    [200, 0.5],
    [1000, 0.03],
    [5000, 0.97],
  ] as const) {
    it(`matches the Binomial(${n}, ${p}) mass function`, () => {
      const rng = new Rng(n + p * 1e6);
      const counts = new Map<number, number>();
      for (let i = 0; i < N; i++) {
        const x = drawBinomial(n, p, rng);
        counts.set(x, (counts.get(x) ?? 0) + 1);
      }
      const pmf = (x: number) =>
        Math.exp(logFact(n) - logFact(x) - logFact(n - x) + x * Math.log(p) + (n - x) * Math.log(1 - p));
      const support = Array.from({ length: n + 1 }, (_, x) => x);
      const { chi, df } = chiSquare(counts, pmf, support);
      expect(df).toBeGreaterThan(0);
      expect(chi).toBeLessThan(chiLimit(df));
    });
  }
  it('gives 0 and n at p = 0 and p = 1', () => {
    expect(drawBinomial(7, 0, new Rng(1))).toBe(0);
    expect(drawBinomial(7, 1, new Rng(1))).toBe(7);
  });
});

describe('drawCategory', () => {
  it('matches the class probabilities', () => {
    const theta = Float64Array.from([9, 9, 0.1, 0.6, 0.3]);
    const rng = new Rng(5);
    const counts = new Map<number, number>();
    for (let i = 0; i < N; i++) {
      const x = drawCategory(theta, 2, 3, rng);
      counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    const { chi, df } = chiSquare(counts, (x) => theta[2 + x], [0, 1, 2]);
    expect(df).toBe(2);
    expect(chi).toBeLessThan(13.82); // the 0.999 quantile of χ²(2): −2 ln 0.001
  });
});
