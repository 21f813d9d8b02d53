/** Full covariance model: M-step from the scatter, precision Cholesky, log-det, shapes. */
import { describe, expect, it } from 'vitest';
import { fullCovariance as model } from '../../../../../shared/engine/model/covariance/full';

describe('full covariance', () => {
  const K = 2;
  const d = 2;
  const scatter = Float64Array.from([4, 1, 1, 2, 9, 0, 0, 1]);
  const nk = Float64Array.from([2, 3]);

  it('divides each component’s scatter by its nk and adds reg_covar to the diagonal', () => {
    expect(Array.from(model.fromScatter(scatter, nk, 0.5, K, d))).toEqual([
      2.5,
      0.5,
      0.5,
      1.5,
      3.5,
      0,
      0,
      0.5 + 1 / 3,
    ]);
  });

  it('has precision Cholesky factors with P Pᵀ = Σ⁻¹ and log det P = −½ log det Σ', () => {
    const cov = model.fromScatter(scatter, nk, 0, K, d);
    const P = model.precisionCholesky(cov, K, d) as Float64Array;
    const logDet = model.logDetPrecisionCholesky(P, K, d);
    for (let k = 0; k < K; k++) {
      const [a, b, c] = [cov[k * 4], cov[k * 4 + 1], cov[k * 4 + 3]];
      const det = a * c - b * b;
      const inv = [c / det, -b / det, a / det];
      const p = P.subarray(k * 4, k * 4 + 4);
      expect(p[2]).toBe(0); // upper triangular
      expect(p[0] * p[0] + p[1] * p[1]).toBeCloseTo(inv[0], 12);
      expect(p[1] * p[3]).toBeCloseTo(inv[1], 12);
      expect(p[3] * p[3]).toBeCloseTo(inv[2], 12);
      expect(logDet[k]).toBeCloseTo(-0.5 * Math.log(det), 12);
    }
  });

  it('reports the index of a singular component instead of factors', () => {
    expect(model.precisionCholesky(Float64Array.from([1, 0, 0, 1, 1, 1, 1, 1]), K, d)).toBe(1);
    expect(model.precisionCholeskyFromPrecisions(Float64Array.from([0, 0, 0, 0, 1, 0, 0, 1]), K, d)).toBe(0);
  });

  it('counts K·d(d+1)/2 parameters and flattens K × d × d arrays only', () => {
    expect(model.nCovarianceParameters(3, 4)).toBe(30);
    expect(model.size(3, 4)).toBe(48);
    expect(
      Array.from(
        model.flatten(
          [
            [
              [1, 2],
              [3, 4],
            ],
            [
              [5, 6],
              [7, 8],
            ],
          ],
          K,
          d,
        )!,
      ),
    ).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(
      model.flatten(
        [
          [1, 2],
          [3, 4],
        ],
        K,
        d,
      ),
    ).toBeNull();
  });
});
