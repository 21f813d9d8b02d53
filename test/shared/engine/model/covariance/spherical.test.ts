/** Spherical covariance model: the mean of the diag variances (reg_covar included), one per component. */
import { describe, expect, it } from 'vitest';
import { sphericalCovariance as model } from '../../../../../shared/engine/model/covariance/spherical';

describe('spherical covariance', () => {
  it('averages the per-feature variances of each component, reg_covar included', () => {
    expect(
      Array.from(model.fromScatter(Float64Array.from([4, 2, 9, 3]), Float64Array.from([2, 3]), 0.5, 2, 2)),
    ).toEqual([2, 2.5]);
  });

  it('expands its one factor per component to d kernel factors and log det = d·log(1/σ)', () => {
    const P = model.precisionCholesky(Float64Array.from([4, 1]), 2, 3) as Float64Array;
    expect(Array.from(model.kernelFactors(P, 2, 3))).toEqual([0.5, 0.5, 0.5, 1, 1, 1]);
    expect(model.logDetPrecisionCholesky(P, 2, 3)[0]).toBeCloseTo(3 * Math.log(0.5), 15);
    expect(model.nCovarianceParameters(2, 3)).toBe(2);
  });
});
