/**
 * The scatter's component ellipses: the drawn geometry (centre, semi-axes, angle, every
 * polyline point) against an independent eigen-decomposition (power iteration) of the fitted
 * covariance in original units, for every covariance type, through the standardisation map.
 */
import { describe, expect, it } from 'vitest';
import { componentGeometry2d } from '../../../shared/stats/componentGeometry';
import { ellipseAxes } from '../../../shared/stats/ellipse';
import { pca2, pcaProjectRows } from '../../../shared/stats/pca';
import { emFixtureNames, loadEmFixture } from '../engine/emFixtures';
import { mahalanobis2, powerEigen2 } from './eigenOracle';
import { columnScaling, originalCov, standardisedModel } from './standardisedModel';

const multivariate = emFixtureNames()
  .map(loadEmFixture)
  .filter((f) => f.n_features >= 2);

describe('component ellipses on two chosen features, in original units', () => {
  it('covers every covariance type', () => {
    expect(new Set(multivariate.map((f) => f.covariance_type))).toEqual(
      new Set(['full', 'tied', 'diag', 'spherical']),
    );
  });

  it.each(multivariate.map((f) => [f.name, f] as const))('%s: centre, axes, angle and points', (_name, f) => {
    const { params, pre } = standardisedModel(f);
    const d = f.n_features;
    for (let x = 0; x < d; x++) {
      for (let y = 0; y < d; y++) {
        if (x === y) continue;
        const geo = componentGeometry2d(params, pre, { kind: 'features', x, y }, [1, 2], 48);
        expect(geo).toHaveLength(f.n_components);
        for (const g of geo) {
          const k = g.component;
          const mu: [number, number] = [f.final.means[k][x], f.final.means[k][y]];
          expect(g.center[0]).toBeCloseTo(mu[0], 10);
          expect(g.center[1]).toBeCloseTo(mu[1], 10);
          const a = originalCov(f, k, x, x);
          const b = originalCov(f, k, x, y);
          const c = originalCov(f, k, y, y);
          const o = powerEigen2(a, b, c);
          for (const ring of g.rings) {
            const s = ring.sigma;
            const ax = ellipseAxes(g.covariance, s);
            expect(Math.abs(ax.semiMajor - s * Math.sqrt(o.lambda1)) / ax.semiMajor).toBeLessThan(1e-9);
            expect(Math.abs(ax.semiMinor - s * Math.sqrt(o.lambda2)) / ax.semiMajor).toBeLessThan(1e-9);
            if (o.lambda1 - o.lambda2 > 1e-6 * o.lambda1) {
              const oracleAngle = Math.atan2(o.direction[1], o.direction[0]);
              expect(Math.abs(Math.sin(ax.angle - oracleAngle))).toBeLessThan(1e-7);
            }
            for (const p of ring.points) expect(mahalanobis2(p, mu, a, b, c)).toBeCloseTo(s * s, 8);
          }
        }
      }
    }
  });
});

describe('component ellipses on the first two principal components', () => {
  it('are the components of a model seen through the same projection as the rows', () => {
    const f = loadEmFixture('iris__full__k3');
    const { params, pre } = standardisedModel(f);
    const { X, n } = columnScaling(f);
    const d = f.n_features;
    const Z = X.map((v, i) => (v - pre.center[i % d]) / pre.scale[i % d]);
    const p = pca2(Z, n, d);
    const geo = componentGeometry2d(params, pre, { kind: 'pca', pca: p });
    for (const g of geo) {
      // A row sitting exactly at the component mean projects onto the drawn centre.
      const meanRow = Float64Array.from(
        f.final.means[g.component],
        (v, a) => (v - pre.center[a]) / pre.scale[a],
      );
      const at = pcaProjectRows(p, meanRow, 1);
      expect(g.center[0]).toBeCloseTo(at.x[0], 12);
      expect(g.center[1]).toBeCloseTo(at.y[0], 12);
      // Oracle: P Σ Pᵀ with Σ_z written out from the original covariance by hand.
      const P = p.components;
      const q = [0, 0, 0];
      for (let a = 0; a < d; a++)
        for (let b = 0; b < d; b++) {
          const s = originalCov(f, g.component, a, b) / (pre.scale[a] * pre.scale[b]);
          q[0] += P[a] * s * P[b];
          q[1] += P[a] * s * P[d + b];
          q[2] += P[d + a] * s * P[d + b];
        }
      expect(g.covariance.xx).toBeCloseTo(q[0], 12);
      expect(g.covariance.xy).toBeCloseTo(q[1], 12);
      expect(g.covariance.yy).toBeCloseTo(q[2], 12);
    }
  });
});

describe('a log-transformed feature', () => {
  it('is drawn in log units: the affine map applies to ln x', () => {
    const f = loadEmFixture('faithful__full__k2');
    const { params, pre } = standardisedModel(f);
    // Pretend the first column was log-transformed: the model then lives on ln(eruptions), and the
    // centre on that axis is center + scale·μ_z — the log-space mean, not exp of it.
    const logPre = { ...pre, log: [true, false] };
    const [g] = componentGeometry2d(params, logPre, { kind: 'features', x: 0, y: 1 });
    expect(g.center[0]).toBeCloseTo(pre.center[0] + pre.scale[0] * params.means[0], 12);
  });
});
