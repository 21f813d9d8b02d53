/** Diagonal covariance model: per-feature variances, 1/σ factors, positivity checked. */
import { describe, expect, it } from 'vitest';
import { diagCovariance as model } from '../../../../../shared/engine/model/covariance/diag';

describe('diag covariance', () => {
  it('divides each feature’s scatter by nk and adds reg_covar', () => {
    expect(
      Array.from(model.fromScatter(Float64Array.from([4, 2, 9, 3]), Float64Array.from([2, 3]), 0.5, 2, 2)),
    ).toEqual([2.5, 1.5, 3.5, 1.5]);
  });

  it('has factors 1/σ, from covariances or from precisions, and log det = Σ log(1/σ)', () => {
    const P = model.precisionCholesky(Float64Array.from([4, 0.25]), 1, 2) as Float64Array;
    expect(Array.from(P)).toEqual([0.5, 2]);
    expect(
      Array.from(model.precisionCholeskyFromPrecisions(Float64Array.from([0.25, 4]), 1, 2) as Float64Array),
    ).toEqual([0.5, 2]);
    expect(model.logDetPrecisionCholesky(P, 1, 2)[0]).toBeCloseTo(0, 15);
  });

  it('reports the component of a non-positive variance', () => {
    expect(model.precisionCholesky(Float64Array.from([1, 1, 1, 0]), 2, 2)).toBe(1);
  });
});
