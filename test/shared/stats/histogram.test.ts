import { describe, expect, it } from 'vitest';
import { densityHistogram, fixedWidthHistogram, quantileSorted } from '../../../shared/stats/histogram';
import { loadMatrix } from '../engine/emFixtures';

function area(h: ReturnType<typeof densityHistogram>): number {
  let s = 0;
  for (let i = 0; i < h.density.length; i++) s += h.density[i] * (h.edges[i + 1] - h.edges[i]);
  return s;
}

describe('densityHistogram', () => {
  it('uses Sturges when it gives more bins: 1..100 (FD: IQR 49.5, width 99/∛100, 5 bins; Sturges 8)', () => {
    const h = densityHistogram(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(h.rule).toBe('sturges');
    expect(h.edges).toHaveLength(9);
    expect(h.edges[0]).toBe(1);
    expect(h.edges[8]).toBe(100);
    expect(Array.from(h.counts).reduce((a, b) => a + b)).toBe(100);
    expect(area(h)).toBeCloseTo(1, 14);
  });

  it('uses Freedman–Diaconis for large samples: 10 000 evenly spread values in [0, 1] get 22 bins', () => {
    // IQR 0.5, h = 2·0.5/∛10000 = 0.0464 → ⌈1/0.0464⌉ = 22 > Sturges' 15.
    const h = densityHistogram(Array.from({ length: 10_000 }, (_, i) => i / 9999));
    expect(h.rule).toBe('freedman-diaconis');
    expect(h.counts).toHaveLength(22);
    expect(area(h)).toBeCloseTo(1, 12);
  });

  it('falls back to Sturges when the IQR is 0 (80 zeros, 20 ones: ⌈log₂100⌉ + 1 = 8 bins)', () => {
    const h = densityHistogram([...new Array(80).fill(0), ...new Array(20).fill(1)]);
    expect(h.rule).toBe('sturges');
    expect(h.counts).toHaveLength(8);
    expect(h.counts[0]).toBe(80);
    expect(h.counts[7]).toBe(20);
    expect(area(h)).toBeCloseTo(1, 14);
  });

  it('integrates to 1 on real data (faithful waiting times)', () => {
    const { X } = loadMatrix('faithful.csv', ['waiting']);
    const h = densityHistogram(X);
    expect(h.n).toBe(272);
    expect(area(h)).toBeCloseTo(1, 13);
  });

  it('puts all of a constant column in one unit-wide bin of density 1', () => {
    const h = densityHistogram([5, 5, 5]);
    expect(h.rule).toBe('single');
    expect(Array.from(h.edges)).toEqual([4.5, 5.5]);
    expect(Array.from(h.density)).toEqual([1]);
  });

  it('ignores missing and infinite values', () => {
    const h = densityHistogram([1, Number.NaN, 2, Infinity, 3, 4]);
    expect(h.n).toBe(4);
    expect(area(h)).toBeCloseTo(1, 14);
  });

  it('caps the bin count when far outliers stretch the range', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i % 100) / 100);
    values.push(1e9);
    const h = densityHistogram(values, 50);
    expect(h.counts).toHaveLength(50);
    expect(area(h)).toBeCloseTo(1, 12);
  });

  it('returns an empty single bin for no data rather than NaN', () => {
    const h = densityHistogram([]);
    expect(h.n).toBe(0);
    expect(Array.from(h.density)).toEqual([0]);
  });
});

describe('quantileSorted', () => {
  it('interpolates linearly (numpy default)', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
  });
});

describe('fixedWidthHistogram', () => {
  it('bins on multiples of the width, integrates to 1 and counts every finite value', () => {
    const h = fixedWidthHistogram([0.5, 1.2, 1.9, 2.5, 7.1, Number.NaN], 2);
    expect(Array.from(h.edges)).toEqual([0, 2, 4, 6, 8]);
    expect(Array.from(h.counts)).toEqual([3, 1, 0, 1]);
    expect(h.n).toBe(5);
    expect(h.rule).toBe('fixed');
    const area = Array.from(h.density).reduce((s, d, i) => s + d * (h.edges[i + 1] - h.edges[i]), 0);
    expect(area).toBeCloseTo(1, 12);
  });

  it('widens the bins when the width asked for would make more than maxBins', () => {
    const h = fixedWidthHistogram([0, 100], 0.001, 50);
    expect(h.counts.length).toBeLessThanOrEqual(51);
    expect(h.counts.reduce((a, b) => a + b)).toBe(2);
  });

  it('falls back to the automatic bins for a width that is not positive', () => {
    expect(fixedWidthHistogram([1, 2, 3, 4], 0).rule).not.toBe('fixed');
  });
});
