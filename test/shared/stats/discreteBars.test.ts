/**
 * The expected counts against the formulas written out by hand: the Poisson probability as
 * λ^x e^(−λ) / x! by repeated multiplication, the binomial one with C(m, x) from Pascal's triangle
 * (integers, exact), no logarithm anywhere — an oracle independent of the module's log domain.
 */
import { describe, expect, it } from 'vitest';
import { binomialBars, categoricalBars, poissonBars } from '../../../shared/stats/discreteBars';

function poissonPmf(x: number, rate: number): number {
  let p = Math.exp(-rate);
  for (let j = 1; j <= x; j++) p *= rate / j;
  return p;
}

function choose(m: number, x: number): number {
  let row = [1];
  for (let r = 1; r <= m; r++) row = row.map((_, j) => (j === 0 ? 1 : row[j - 1] + row[j])).concat(1);
  return row[x];
}
const binomialPmf = (x: number, m: number, p: number) => choose(m, x) * p ** x * (1 - p) ** (m - x);

describe('categoricalBars', () => {
  it('tallies the observed levels and expects n·π_k·p_k(level), missing cells in neither', () => {
    // Codes of 6 fitted rows, one missing (−1).
    const bars = categoricalBars(
      { values: [0, 1, 1, 2, -1, 2] },
      ['a', 'b', 'c'],
      [0.25, 0.75],
      [0.5, 0.3, 0.2, 0.1, 0.1, 0.8],
    );
    expect(bars.labels).toEqual(['a', 'b', 'c']);
    expect(bars.observed).toEqual([1, 2, 2]);
    expect(bars.n).toBe(5);
    const want = [
      [5 * 0.25 * 0.5, 5 * 0.25 * 0.3, 5 * 0.25 * 0.2],
      [5 * 0.75 * 0.1, 5 * 0.75 * 0.1, 5 * 0.75 * 0.8],
    ];
    bars.expected.forEach((row, k) => row.forEach((e, l) => expect(e).toBeCloseTo(want[k][l], 14)));
    bars.total.forEach((t, l) => expect(t).toBeCloseTo(want[0][l] + want[1][l], 14));
    // Every class's expected counts add up to its share of n: n·π_k.
    expect(bars.expected[1].reduce((a, b) => a + b)).toBeCloseTo(5 * 0.75, 14);
  });

  it('counts a weighted row as often as its weight, in the bars and in n', () => {
    const bars = categoricalBars({ values: [0, 1, -1], weights: [3, 2, 10] }, ['x', 'y'], [1], [0.6, 0.4]);
    expect(bars.observed).toEqual([3, 2]);
    expect(bars.n).toBe(5);
    expect(bars.expected[0][0]).toBeCloseTo(3, 14);
    expect(bars.expected[0][1]).toBeCloseTo(2, 14);
  });

  it('a level with probability 0 in a class expects 0 there, never NaN', () => {
    const bars = categoricalBars({ values: [0, 0, 1] }, ['x', 'y'], [0.5, 0.5], [1, 0, 0, 1]);
    expect(bars.expected).toEqual([
      [1.5, 0],
      [0, 1.5],
    ]);
  });
});

describe('poissonBars', () => {
  it('shows the values 0 … the largest count and expects n·π_k·λ_k^x e^(−λ_k)/x!', () => {
    const values = [0, 1, 1, 2, 4, Number.NaN, 3, 1];
    const bars = poissonBars({ values }, [0.4, 0.6], [0.8, 3.1]);
    expect(bars.labels).toEqual(['0', '1', '2', '3', '4']);
    expect(bars.observed).toEqual([1, 3, 1, 1, 1]);
    expect(bars.n).toBe(7);
    for (let x = 0; x <= 4; x++) {
      const a = 7 * 0.4 * poissonPmf(x, 0.8);
      const b = 7 * 0.6 * poissonPmf(x, 3.1);
      expect(bars.expected[0][x]).toBeCloseTo(a, 13);
      expect(bars.expected[1][x]).toBeCloseTo(b, 13);
      expect(bars.total[x]).toBeCloseTo(a + b, 13);
    }
  });

  it('a class with rate 0 puts all its rows on 0', () => {
    const bars = poissonBars({ values: [0, 0, 2] }, [0.5, 0.5], [0, 2]);
    expect(bars.expected[0]).toEqual([1.5, 0, 0]);
  });

  it('a large rate neither underflows nor overflows: its expected counts still add up to n·π_k', () => {
    // Counts up to 1600 around a rate of 1000 (e^(−1000) alone is 0 in double precision).
    const values = Array.from({ length: 1601 }, (_, i) => i);
    const bars = poissonBars({ values }, [1], [1000]);
    expect(bars.expected[0].every(Number.isFinite)).toBe(true);
    expect(bars.expected[0].reduce((a, b) => a + b)).toBeCloseTo(1601, 8);
    // The mode's probability, by Stirling: 1/√(2π·1000) to three digits.
    expect(bars.expected[0][1000] / 1601).toBeCloseTo(1 / Math.sqrt(2 * Math.PI * 1000), 4);
  });
});

describe('binomialBars', () => {
  it('with a constant number of trials: values 0 … m, n·π_k·C(m, x)·p_k^x·(1−p_k)^(m−x)', () => {
    // The two-coin experiment: heads out of 10 tosses in five runs.
    const values = [5, 9, 8, 4, 7];
    const bars = binomialBars({ values }, 10, [0.45, 0.55], [0.52, 0.8]);
    expect(bars.labels).toHaveLength(11);
    expect(bars.observed).toEqual([0, 0, 0, 0, 1, 1, 0, 1, 1, 1, 0]);
    expect(bars.n).toBe(5);
    for (let x = 0; x <= 10; x++) {
      expect(bars.expected[0][x]).toBeCloseTo(5 * 0.45 * binomialPmf(x, 10, 0.52), 13);
      expect(bars.expected[1][x]).toBeCloseTo(5 * 0.55 * binomialPmf(x, 10, 0.8), 13);
    }
  });

  it('with a trials column: each row brings its own m; rows with a missing count or trials are left out', () => {
    const values = [1, 2, 0, Number.NaN, 3];
    const trials = [2, 4, 2, 4, Number.NaN];
    const weights = [1, 2, 1, 5, 5];
    const bars = binomialBars({ values, weights }, trials, [0.3, 0.7], [0.25, 0.6]);
    expect(bars.labels).toEqual(['0', '1', '2', '3', '4']);
    expect(bars.observed).toEqual([1, 1, 2, 0, 0]);
    expect(bars.n).toBe(4);
    // Rows with m = 2 weigh 1 + 1, the row with m = 4 weighs 2.
    [0.25, 0.6].forEach((p, k) => {
      const pi = [0.3, 0.7][k];
      for (let x = 0; x <= 4; x++) {
        const want = pi * (2 * (x <= 2 ? binomialPmf(x, 2, p) : 0) + 2 * binomialPmf(x, 4, p));
        expect(bars.expected[k][x]).toBeCloseTo(want, 14);
      }
    });
  });

  it('a probability of 0 or 1 puts the class on 0 or on m, never NaN', () => {
    const bars = binomialBars({ values: [0, 3] }, 3, [0.5, 0.5], [0, 1]);
    expect(bars.expected).toEqual([
      [1, 0, 0, 0],
      [0, 0, 0, 1],
    ]);
  });

  it('many trials stay finite: 2000 trials at p = 0.5 sum to n·π', () => {
    const bars = binomialBars({ values: [1000, 990] }, 2000, [1], [0.5]);
    expect(bars.expected[0].every(Number.isFinite)).toBe(true);
    expect(bars.expected[0].reduce((a, b) => a + b)).toBeCloseTo(2, 9);
  });
});
