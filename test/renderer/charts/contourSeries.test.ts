import { describe, expect, it } from 'vitest';
import { contourRows, paddedRange } from '../../../renderer/src/charts/contourSeries';

describe('paddedRange', () => {
  it('widens the finite range by 5% of the span on each side', () => {
    expect(paddedRange([0, Number.NaN, 10])).toEqual([-0.5, 10.5]);
  });
});

describe('contourRows', () => {
  it('traces closed rings around a single component, inner levels inside outer ones', () => {
    const { rows, levels } = contourRows(
      [{ weight: 1, center: [2, -1], covariance: { xx: 1, xy: 0, yy: 1 } }],
      [-4, 8],
      [-7, 5],
    );
    expect(levels).toHaveLength(6);
    const radius = (li: number) => {
      const r = rows.filter((s) => s[4] === li).map((s) => Math.hypot(s[0] - 2, s[1] + 1));
      return r.reduce((a, b) => a + b) / r.length;
    };
    // An isotropic Gaussian's density level L is the circle r² = −2 ln(2π L).
    for (let li = 0; li < 6; li++)
      expect(radius(li)).toBeCloseTo(Math.sqrt(-2 * Math.log(2 * Math.PI * levels[li])), 1);
    expect(radius(0)).toBeGreaterThan(radius(5));
  });
});
