import { describe, expect, it } from 'vitest';
import { ExactSum } from '../../../shared/data/exactSum';
import { binnedExactSum, NumberAccumulator, numberStats } from '../../../shared/data/numberStats';

/** The reference: Shewchuk partials over the numbers in row order (exactSum.test.ts checks them). */
function reference(values: Float64Array) {
  const s = new ExactSum();
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const x of values) {
    if (Number.isNaN(x)) continue;
    s.add(x);
    count++;
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  return { count, sum: s.value(), min, max };
}

const stats = (xs: number[]) => numberStats(Float64Array.from(xs), xs.length);

/** mulberry32. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('numberStats: count, exactly rounded sum, min and max of a column', () => {
  it('gives Python math.fsum results, skipping NaN (missing and text cells)', () => {
    expect(stats([1e100, NaN, 1, -1e100]).sum).toBe(1);
    expect(stats(new Array(10).fill(0.1)).sum).toBe(1);
    expect(stats([1, 2 ** -53, 2 ** -106]).sum).toBe(1 + 2 ** -52);
    expect(stats([0.1, 0.2, 0.3, -0.6])).toEqual({
      count: 4,
      sum: 2.7755575615628914e-17,
      min: -0.6,
      max: 0.3,
    });
    expect(stats([NaN, NaN])).toEqual({ count: 0, sum: 0, min: Infinity, max: -Infinity });
  });

  it('equals the Shewchuk sum over more than one block of mixed magnitudes, subnormals and huge values', () => {
    const rand = prng(4);
    const n = (1 << 20) + 12345;
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const r = rand();
      if (r < 0.05) values[i] = NaN;
      else if (r < 0.06)
        values[i] = (rand() - 0.5) * 1e-310; // subnormal
      else if (r < 0.07)
        values[i] = (rand() - 0.5) * 1e303; // beyond the bins (≥ 2^977)
      else values[i] = (rand() - 0.5) * 10 ** Math.floor(rand() * 40 - 20);
    }
    const want = reference(values);
    expect(numberStats(values, n)).toEqual(want);
    expect(binnedExactSum(values, n)).toBe(want.sum);
  });

  it('stays exact where one bin takes 2^20 values and plain addition drifts', () => {
    const rand = prng(5);
    const n = (1 << 20) + 7;
    const values = new Float64Array(n);
    // All in [2^22, 2^23) with 52 random fraction bits and random signs: the running sum needs far
    // more than 53 bits. (One rand() has 32 bits, so the mantissa is built from two.)
    for (let i = 0; i < n; i++) {
      const mantissa = 2 ** 52 + Math.floor(rand() * 2 ** 26) * 2 ** 26 + Math.floor(rand() * 2 ** 26);
      values[i] = (rand() < 0.5 ? -1 : 1) * mantissa * 2 ** -30;
    }
    values[0] = 1e-300;
    const want = reference(values);
    expect(numberStats(values, n)).toEqual(want);
    expect(binnedExactSum(values, n)).toBe(want.sum);
  });

  it('is exact whether the fast sum certifies itself or not: near powers of two, ties, cancellation', () => {
    const rand = prng(6);
    for (let trial = 0; trial < 300; trial++) {
      const k = Math.floor(rand() * 80) - 40;
      const xs = [2 ** k];
      const m = 1 + Math.floor(rand() * 50);
      for (let j = 0; j < m; j++) {
        const tiny = Math.floor(rand() * 16 - 8) * 2 ** (k - 50 - Math.floor(rand() * 8));
        xs.push(rand() < 0.3 ? -tiny : tiny, rand() < 0.1 ? 2 ** (k - 1) * (rand() < 0.5 ? 1 : -1) : 0);
      }
      if (rand() < 0.2) xs.push(1e300, -1e300);
      const values = Float64Array.from(xs);
      const want = reference(values);
      expect(numberStats(values, values.length), `trial ${trial}`).toEqual(want);
      expect(binnedExactSum(values, values.length), `trial ${trial}`).toBe(want.sum);
    }
  });

  it('looks only at the first `length` values', () => {
    expect(numberStats(Float64Array.from([1, 2, 100]), 2)).toEqual({ count: 2, sum: 3, min: 1, max: 2 });
  });

  it('gives -0 only when every number is -0, as IEEE addition and fsum do', () => {
    expect(Object.is(stats([-0, NaN, -0]).sum, -0)).toBe(true);
    expect(Object.is(stats([-0, 1, -1]).sum, 0)).toBe(true);
    expect(Object.is(stats([-0, 0]).sum, 0)).toBe(true);
  });

  it('gives the same result fed in pieces as the importer feeds it, chunk by chunk', () => {
    const rand = prng(8);
    const n = 50_000;
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++)
      values[i] = rand() < 0.1 ? NaN : (rand() - 0.3) * 10 ** Math.floor(rand() * 12 - 6);
    const acc = new NumberAccumulator();
    for (let from = 0; from < n;) {
      const to = Math.min(n, from + 1 + Math.floor(rand() * 5000));
      acc.add(values, from, to);
      from = to;
    }
    expect(acc.stats(values, n)).toEqual(numberStats(values, n));
    expect(acc.stats(values, n)).toEqual(reference(values));
  });
});
