/** Tied covariance model: one pooled matrix, divided by Σ nk, repeated for every component. */
import { describe, expect, it } from 'vitest';
import { tiedCovariance as model } from '../../../../../shared/engine/model/covariance/tied';

describe('tied covariance', () => {
  it('pools every component’s scatter and divides by Σ nk, then adds reg_covar', () => {
    const scatter = Float64Array.from([4, 1, 1, 2, 6, 0, 0, 2]);
    expect(Array.from(model.fromScatter(scatter, Float64Array.from([1, 4]), 0.25, 2, 2))).toEqual([
      2.25, 0.2, 0.2, 1.05,
    ]);
  });

  it('gives every component the same kernel factor and log-det', () => {
    const P = model.precisionCholesky(Float64Array.from([4, 0, 0, 1]), 3, 2) as Float64Array;
    expect(Array.from(P)).toEqual([0.5, 0, 0, 1]);
    expect(Array.from(model.kernelFactors(P, 3, 2))).toEqual([0.5, 0, 0, 1, 0.5, 0, 0, 1, 0.5, 0, 0, 1]);
    expect(Array.from(model.logDetPrecisionCholesky(P, 3, 2))).toEqual([
      Math.log(0.5),
      Math.log(0.5),
      Math.log(0.5),
    ]);
  });

  it('counts d(d+1)/2 parameters and flattens d × d arrays', () => {
    expect(model.nCovarianceParameters(5, 3)).toBe(6);
    expect(
      model.flatten(
        [
          [1, 0],
          [0, 1],
        ],
        4,
        2,
      ),
    ).not.toBeNull();
    expect(
      model.flatten(
        [
          [
            [1, 0],
            [0, 1],
          ],
        ],
        1,
        2,
      ),
    ).toBeNull();
  });
});
