import { describe, expect, it } from 'vitest';
import { decisionThresholds, mostProbable } from '../../../shared/stats/decisionThresholds';
import type { MarginalComponent } from '../../../shared/stats/density';

const comp = (weight: number, mean: number, sd: number): MarginalComponent => ({
  weight,
  mean,
  variance: sd * sd,
});

/** w N(x | μ, σ²) written out, the oracle the thresholds are checked against. */
const weighted = (c: MarginalComponent, x: number): number =>
  (c.weight / Math.sqrt(2 * Math.PI * c.variance)) * Math.exp(-((x - c.mean) ** 2) / (2 * c.variance));

/** Label changes found by scanning a fine grid: [left label, right label, x between them]. */
function scan(
  comps: MarginalComponent[],
  lo: number,
  hi: number,
  steps = 200_000,
): [number, number, number][] {
  const out: [number, number, number][] = [];
  let prev = mostProbable(comps, lo);
  for (let i = 1; i <= steps; i++) {
    const x = lo + ((hi - lo) * i) / steps;
    const k = mostProbable(comps, x);
    if (k !== prev) out.push([prev, k, x]);
    prev = k;
  }
  return out;
}

describe('decisionThresholds', () => {
  it('equal variances: one threshold at (μ₁+μ₂)/2 + σ² ln(w₁/w₂)/(μ₂−μ₁)', () => {
    const comps = [comp(0.7, 60, 15), comp(0.3, 180, 15)];
    const expected = (60 + 180) / 2 + (225 * Math.log(0.7 / 0.3)) / (180 - 60);
    const t = decisionThresholds(comps);
    expect(t).toHaveLength(1);
    expect(t[0].x).toBeCloseTo(expected, 10);
    expect([t[0].below, t[0].above]).toEqual([0, 1]);
  });

  it('unequal variances: the densities are equal at each threshold and the labels change there', () => {
    const comps = [comp(0.5, 50, 10), comp(0.5, 170, 30)];
    const t = decisionThresholds(comps);
    // A wide component beats a narrow one far out on both sides: two crossings, both real changes.
    expect(t).toHaveLength(2);
    for (const { x } of t) {
      const a = weighted(comps[0], x);
      const b = weighted(comps[1], x);
      expect(Math.abs(a - b) / Math.max(a, b)).toBeLessThan(1e-9);
    }
    expect(t.map((d) => [d.below, d.above])).toEqual([
      [1, 0],
      [0, 1],
    ]);
    const grid = scan(comps, -200, 400);
    expect(grid.map(([l, r]) => [l, r])).toEqual(t.map((d) => [d.below, d.above]));
    grid.forEach(([, , x], i) => expect(Math.abs(x - t[i].x)).toBeLessThan(0.01));
  });

  it('three components: only crossings where the winner changes count (a pair crossing under a third is not one)', () => {
    const comps = [comp(0.3, 20, 8), comp(0.4, 110, 12), comp(0.3, 220, 9)];
    const t = decisionThresholds(comps);
    // The widest component wins again far out on both sides: the scan reaches those crossings too.
    const grid = scan(comps, -600, 800, 1_400_000);
    expect(t).toHaveLength(4);
    expect(t.map((d) => [d.below, d.above])).toEqual(grid.map(([l, r]) => [l, r]));
    grid.forEach(([, , x], i) => expect(Math.abs(x - t[i].x)).toBeLessThan(0.005));
    expect(t.every((d, i) => i === 0 || d.x > t[i - 1].x)).toBe(true);
  });

  it('a component that never wins has no threshold; one live component has none', () => {
    // A light, wide component under two heavy ones is never the most probable in the middle …
    const swamped = [comp(0.49, 0, 1), comp(0.02, 0.5, 1), comp(0.49, 1, 1)];
    const t = decisionThresholds(swamped);
    expect(t.every((d) => d.below !== 1 && d.above !== 1)).toBe(true);
    expect(t).toHaveLength(1);
    expect(t[0].x).toBeCloseTo(0.5, 12);
    // … and a collapsed or weightless component is skipped rather than dividing by zero.
    expect(decisionThresholds([comp(1, 0, 1), { weight: 0, mean: 3, variance: 1 }])).toEqual([]);
    expect(decisionThresholds([comp(0.5, 0, 1), { weight: 0.5, mean: 3, variance: 0 }])).toEqual([]);
  });

  it('grey levels far from zero (16-bit samples) keep full precision', () => {
    const comps = [comp(0.5, 30_000, 500), comp(0.5, 30_100, 500)];
    const t = decisionThresholds(comps);
    expect(t).toHaveLength(1);
    expect(t[0].x).toBeCloseTo(30_050, 8);
  });
});
