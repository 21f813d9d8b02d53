import { describe, expect, it } from 'vitest';
import { densityLevels, linspace, mixtureDensityGrid } from '../../../shared/stats/density2d';
import { normalPdf } from '../../../shared/stats/density';

describe('mixtureDensityGrid', () => {
  it('is the product of the marginals for an axis-aligned component, weighted', () => {
    const g = mixtureDensityGrid(
      [{ weight: 0.3, center: [1, -2], covariance: { xx: 4, xy: 0, yy: 0.25 } }],
      Float64Array.of(0, 1, 3),
      Float64Array.of(-2, -1.5),
    );
    const expected = (x: number, y: number) => 0.3 * normalPdf(x, 1, 4) * normalPdf(y, -2, 0.25);
    expect(g.values[0]).toBeCloseTo(expected(0, -2), 14);
    expect(g.values[1 * 3 + 2]).toBeCloseTo(expected(3, -1.5), 14);
  });

  it('integrates to the total weight over a wide grid (a correlated pair of components)', () => {
    const xs = linspace(-12, 12, 241);
    const ys = linspace(-12, 12, 241);
    const g = mixtureDensityGrid(
      [
        { weight: 0.6, center: [-2, 1], covariance: { xx: 2, xy: 1.2, yy: 1.5 } },
        { weight: 0.4, center: [3, -1], covariance: { xx: 1, xy: -0.3, yy: 0.5 } },
      ],
      xs,
      ys,
    );
    const cell = 0.1 * 0.1;
    expect(g.values.reduce((a, b) => a + b) * cell).toBeCloseTo(1, 6);
  });

  it('skips a component with a singular covariance', () => {
    const g = mixtureDensityGrid(
      [{ weight: 1, center: [0, 0], covariance: { xx: 1, xy: 1, yy: 1 } }],
      Float64Array.of(0),
      Float64Array.of(0),
    );
    expect(g.values[0]).toBe(0);
  });
});

describe('densityLevels', () => {
  it('spaces the levels evenly in log density below the peak', () => {
    const levels = densityLevels(Float64Array.of(0, 1000, 1), 3);
    expect(levels).toHaveLength(3);
    const ratios = [levels[1] / levels[0], levels[2] / levels[1]];
    expect(ratios[0]).toBeCloseTo(10, 10);
    expect(ratios[1]).toBeCloseTo(10, 10);
    expect(levels[2]).toBeLessThan(1000);
  });

  it('has no levels for an all-zero grid', () => {
    expect(densityLevels(new Float64Array(4))).toEqual([]);
  });
});
