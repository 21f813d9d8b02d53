/** Cholesky and the precision-Cholesky factors: L Lᵀ = A, P Pᵀ Σ = I, P Pᵀ = Λ, failures flagged. */
import { describe, expect, it } from 'vitest';
import {
  choleskyLower,
  logDetTriangular,
  precisionCholeskyFromCovariance,
  upperFactorFromPrecision,
} from '../../../../shared/engine/model/linalg';

const d = 3;
const A = Float64Array.from([4, 2, 0.6, 2, 5, -1, 0.6, -1, 3]);

function mul(X: Float64Array, Y: Float64Array, transposeY: boolean): Float64Array {
  const out = new Float64Array(d * d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++)
      for (let m = 0; m < d; m++) out[i * d + j] += X[i * d + m] * (transposeY ? Y[j * d + m] : Y[m * d + j]);
  return out;
}

describe('linalg', () => {
  it('choleskyLower gives lower-triangular L with L Lᵀ = A', () => {
    const L = new Float64Array(d * d).fill(9);
    expect(choleskyLower(A, 0, d, L, 0)).toBe(true);
    expect([L[1], L[2], L[5]]).toEqual([0, 0, 0]);
    mul(L, L, true).forEach((v, e) => expect(v).toBeCloseTo(A[e], 14));
  });

  it('precisionCholeskyFromCovariance gives upper-triangular P with P Pᵀ Σ = I and log det P = −½ log det Σ', () => {
    const P = new Float64Array(d * d);
    expect(precisionCholeskyFromCovariance(A, 0, d, P, 0, new Float64Array(d * d))).toBe(true);
    expect([P[3], P[6], P[7]]).toEqual([0, 0, 0]);
    mul(mul(P, P, true), A, false).forEach((v, e) => expect(v).toBeCloseTo(e % (d + 1) === 0 ? 1 : 0, 13));
    const L = new Float64Array(d * d);
    choleskyLower(A, 0, d, L, 0);
    expect(logDetTriangular(P, 0, d)).toBeCloseTo(-logDetTriangular(L, 0, d), 13);
  });

  it('upperFactorFromPrecision gives upper-triangular P with P Pᵀ = Λ', () => {
    const P = new Float64Array(d * d);
    expect(upperFactorFromPrecision(A, 0, d, P, 0, new Float64Array(2 * d * d))).toBe(true);
    expect([P[3], P[6], P[7]]).toEqual([0, 0, 0]);
    mul(P, P, true).forEach((v, e) => expect(v).toBeCloseTo(A[e], 13));
  });

  it('flags matrices that are not positive definite (singular, indefinite, NaN)', () => {
    const work = new Float64Array(2 * d * d);
    const out = new Float64Array(d * d);
    for (const bad of [
      [1, 1, 0, 1, 1, 0, 0, 0, 1],
      [1, 2, 0, 2, 1, 0, 0, 0, 1],
      [NaN, 0, 0, 0, 1, 0, 0, 0, 1],
      [0, 0, 0, 0, 0, 0, 0, 0, 0],
    ]) {
      const M = Float64Array.from(bad);
      expect(choleskyLower(M, 0, d, out, 0)).toBe(false);
      expect(precisionCholeskyFromCovariance(M, 0, d, out, 0, work)).toBe(false);
      expect(upperFactorFromPrecision(M, 0, d, out, 0, work)).toBe(false);
    }
  });
});
