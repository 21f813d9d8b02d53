import { describe, expect, it } from 'vitest';
import { densityGrid, marginalComponents, mixtureMarginal, normalPdf } from '../../../shared/stats/density';
import { emFixtureNames, loadEmFixture } from '../engine/emFixtures';
import { originalCov, standardisedModel } from './standardisedModel';

function trapezoid(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 1; i < x.length; i++) s += ((y[i] + y[i - 1]) / 2) * (x[i] - x[i - 1]);
  return s;
}

describe('normalPdf', () => {
  it('equals the textbook formula and is 0 for a zero variance', () => {
    expect(normalPdf(0, 0, 1)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 15);
    expect(normalPdf(3, 1, 4)).toBeCloseTo(Math.exp(-0.5) / Math.sqrt(8 * Math.PI), 15);
    expect(normalPdf(1, 1, 0)).toBe(0);
  });
});

describe('mixtureMarginal (in original units, through the standardisation)', () => {
  const fixtures = emFixtureNames().map(loadEmFixture);

  it.each(fixtures.map((f) => [f.name, f] as const))('%s: every marginal integrates to 1', (_n, f) => {
    const { params, pre } = standardisedModel(f);
    for (let j = 0; j < f.n_features; j++) {
      const comps = marginalComponents(params, pre, j);
      // A wide grid: 10 sd beyond every component (the display grid stops at 4).
      const lo = Math.min(...comps.map((c) => c.mean - 10 * Math.sqrt(c.variance)));
      const hi = Math.max(...comps.map((c) => c.mean + 10 * Math.sqrt(c.variance)));
      const grid = Float64Array.from({ length: 8001 }, (_, i) => lo + ((hi - lo) * i) / 8000);
      const m = mixtureMarginal(params, pre, j, grid);
      expect(trapezoid(m.x, m.total)).toBeCloseTo(1, 6);
      m.components.forEach((c, k) => expect(trapezoid(m.x, c)).toBeCloseTo(f.final.weights[k], 6));
    }
  });

  it('equals a hand computation at a point (faithful, full, K = 2, eruptions = 3 min)', () => {
    const f = loadEmFixture('faithful__full__k2');
    const { params, pre } = standardisedModel(f);
    let expected = 0;
    for (let k = 0; k < 2; k++) {
      const mu = f.final.means[k][0];
      const v = originalCov(f, k, 0, 0);
      expected += (f.final.weights[k] * Math.exp(-((3 - mu) ** 2) / (2 * v))) / Math.sqrt(2 * Math.PI * v);
    }
    const m = mixtureMarginal(params, pre, 0, [3]);
    expect(m.total[0]).toBeCloseTo(expected, 13);
    expect(m.components[0][0] + m.components[1][0]).toBeCloseTo(m.total[0], 15);
  });

  it('reads each covariance type’s variance for the feature (tied shares one, spherical one per component)', () => {
    for (const name of ['faithful__tied__k3', 'faithful__spherical__k3', 'faithful__diag__k3']) {
      const f = loadEmFixture(name);
      const { params, pre } = standardisedModel(f);
      marginalComponents(params, pre, 1).forEach((c, k) => {
        expect(c.variance).toBeCloseTo(originalCov(f, k, 1, 1), 9);
        expect(c.mean).toBeCloseTo(f.final.means[k][1], 10);
      });
    }
  });
});

describe('densityGrid', () => {
  it('extends the data range to 4 sd around every component and is evenly spaced', () => {
    const g = densityGrid(
      [
        { weight: 0.5, mean: 0, variance: 1 },
        { weight: 0.5, mean: 10, variance: 4 },
      ],
      1,
      5,
      5,
    );
    expect(Array.from(g)).toEqual([-4, 1, 6, 11, 18].map((v, i) => (i === 4 ? 18 : -4 + 5.5 * i)));
  });
});
