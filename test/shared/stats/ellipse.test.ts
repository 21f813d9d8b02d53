import { describe, expect, it } from 'vitest';
import {
  componentCovariance,
  ellipseAxes,
  ellipsePolyline,
  featurePairProjection,
  projectCovariance,
  projectVector,
  symmetricEigen2,
} from '../../../shared/stats/ellipse';
import type { GaussianMixtureParams } from '../../../shared/engine/model/types';
import { mahalanobis2, powerEigen2 } from './eigenOracle';

/** Same direction up to sign: |sin(θ₁ − θ₂)| small. */
function sameAxis(angle: number, dir: [number, number]): number {
  return Math.abs(Math.sin(angle - Math.atan2(dir[1], dir[0])));
}

describe('symmetricEigen2 (closed form)', () => {
  const cases: [string, number, number, number][] = [
    ['positive correlation', 3, 1.2, 2],
    ['negative correlation', 2, -1.5, 4],
    ['wide scale difference', 0.13277762647786154, 0.7515170968211835, 35.17054279706783],
    ['huge values', 4e12, 3e12, 9e12],
    ['tiny values', 4e-12, -1e-12, 2e-12],
    ['nearly singular', 1, 1 - 1e-9, 1],
  ];
  it.each(cases)('matches power iteration: %s', (_name, a, b, c) => {
    const e = symmetricEigen2({ xx: a, xy: b, yy: c });
    const o = powerEigen2(a, b, c);
    expect(Math.abs(e.lambda1 - o.lambda1) / o.lambda1).toBeLessThan(1e-12);
    expect(Math.abs(e.lambda2 - Math.max(o.lambda2, 0))).toBeLessThan(1e-9 * o.lambda1);
    expect(sameAxis(e.angle, o.direction)).toBeLessThan(1e-7);
    expect(e.lambda1).toBeGreaterThanOrEqual(e.lambda2);
    expect(e.angle).toBeGreaterThan(-Math.PI / 2);
    expect(e.angle).toBeLessThanOrEqual(Math.PI / 2);
  });

  it('handles a zero off-diagonal exactly: the axis is along the larger variance', () => {
    expect(symmetricEigen2({ xx: 5, xy: 0, yy: 2 })).toEqual({ lambda1: 5, lambda2: 2, angle: 0 });
    expect(symmetricEigen2({ xx: 2, xy: 0, yy: 5 })).toEqual({ lambda1: 5, lambda2: 2, angle: Math.PI / 2 });
  });

  it('is defined for the isotropic and the near-isotropic case (a circle)', () => {
    expect(symmetricEigen2({ xx: 3, xy: 0, yy: 3 })).toEqual({ lambda1: 3, lambda2: 3, angle: 0 });
    const e = symmetricEigen2({ xx: 1, xy: 1e-13, yy: 1 + 1e-12 });
    expect(Number.isFinite(e.angle)).toBe(true);
    expect(e.lambda1).toBeCloseTo(1, 11);
    expect(e.lambda2).toBeCloseTo(1, 11);
  });

  it('never reports a negative variance for a rank-one matrix', () => {
    const e = symmetricEigen2({ xx: 1e8, xy: 3e7, yy: 9e6 });
    expect(e.lambda2).toBeGreaterThanOrEqual(0);
  });
});

describe('ellipsePolyline', () => {
  const cov = { xx: 2, xy: -0.7, yy: 0.5 };
  it.each([1, 2])('every point lies on (x − μ)ᵀ Σ⁻¹ (x − μ) = k² for k = %i', (k) => {
    const pts = ellipsePolyline([10, -3], cov, k, 64);
    expect(pts).toHaveLength(65);
    expect(pts[64]).toEqual(pts[0]);
    for (const p of pts) expect(mahalanobis2(p, [10, -3], cov.xx, cov.xy, cov.yy)).toBeCloseTo(k * k, 10);
  });

  it('has semi-axes k·√λ along the eigenvectors', () => {
    const ax = ellipseAxes(cov, 2);
    const o = powerEigen2(cov.xx, cov.xy, cov.yy);
    expect(ax.semiMajor).toBeCloseTo(2 * Math.sqrt(o.lambda1), 12);
    expect(ax.semiMinor).toBeCloseTo(2 * Math.sqrt(o.lambda2), 12);
    // The farthest polyline point from the centre is the end of the major axis.
    const pts = ellipsePolyline([0, 0], cov, 2, 720);
    const far = pts.reduce((m, p) => (Math.hypot(...p) > Math.hypot(...m) ? p : m));
    expect(Math.hypot(...far)).toBeCloseTo(ax.semiMajor, 9);
  });
});

describe('projection of a component', () => {
  const params: GaussianMixtureParams = {
    covarianceType: 'full',
    nComponents: 1,
    nFeatures: 3,
    weights: Float64Array.of(1),
    means: Float64Array.of(1, 2, 3),
    covariances: Float64Array.of(4, 1, 0.5, 1, 3, -0.2, 0.5, -0.2, 2),
    precisionsCholesky: new Float64Array(9),
  };

  it('picks the 2 × 2 submatrix and the mean pair for two features, in the order asked', () => {
    const cov = componentCovariance(params, 0);
    const P = featurePairProjection(3, 2, 0);
    expect(projectCovariance(cov, 3, P)).toEqual({ xx: 2, xy: 0.5, yy: 4 });
    expect(projectVector(params.means, 3, P)).toEqual([3, 1]);
  });

  it('computes P Σ Pᵀ for a general projection', () => {
    const cov = componentCovariance(params, 0);
    const s = Math.SQRT1_2;
    const P = Float64Array.of(s, s, 0, 0, 0, 1);
    // Hand: xx = ½(4 + 2·1 + 3) = 4.5; xy = s(0.5 − 0.2); yy = 2.
    const q = projectCovariance(cov, 3, P);
    expect(q.xx).toBeCloseTo(4.5, 14);
    expect(q.xy).toBeCloseTo(s * 0.3, 14);
    expect(q.yy).toBeCloseTo(2, 14);
  });

  it('builds the dense covariance for every covariance type', () => {
    const shapes: [GaussianMixtureParams['covarianceType'], number[], number[]][] = [
      ['tied', [4, 1, 1, 3], [4, 1, 1, 3]],
      ['diag', [4, 3, 7, 8], [7, 0, 0, 8]],
      ['spherical', [4, 6], [6, 0, 0, 6]],
    ];
    for (const [covarianceType, stored, expected] of shapes) {
      const p = {
        ...params,
        covarianceType,
        nComponents: 2,
        nFeatures: 2,
        covariances: Float64Array.from(stored),
      };
      expect(Array.from(componentCovariance(p, 1))).toEqual(expected);
    }
  });
});
