import { describe, expect, it } from 'vitest';
import { jacobiEigen } from '../../../shared/stats/jacobi';
import { Rng } from '../../../shared/engine/model/rng';

function randomSymmetric(d: number, rng: Rng): Float64Array {
  const A = new Float64Array(d * d);
  for (let i = 0; i < d; i++)
    for (let j = i; j < d; j++) {
      const v = rng.normal();
      A[i * d + j] = v;
      A[j * d + i] = v;
    }
  return A;
}

/** max |A − V Λ Vᵀ| and max |Vᵀ V − I|. */
function residuals(A: Float64Array, d: number, values: Float64Array, V: Float64Array): [number, number] {
  let rec = 0;
  let orth = 0;
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      let s = 0;
      let o = 0;
      for (let c = 0; c < d; c++) {
        s += V[i * d + c] * values[c] * V[j * d + c];
        o += V[c * d + i] * V[c * d + j];
      }
      rec = Math.max(rec, Math.abs(A[i * d + j] - s));
      orth = Math.max(orth, Math.abs(o - (i === j ? 1 : 0)));
    }
  return [rec, orth];
}

describe('jacobiEigen', () => {
  it('diagonalises random symmetric matrices: A = V Λ Vᵀ, V orthonormal, Λ descending', () => {
    const rng = new Rng(7);
    for (const d of [1, 2, 3, 5, 8, 13]) {
      const A = randomSymmetric(d, rng);
      const { values, vectors } = jacobiEigen(A, d);
      const [rec, orth] = residuals(A, d, values, vectors);
      expect(rec).toBeLessThan(1e-12 * d);
      expect(orth).toBeLessThan(1e-12 * d);
      for (let i = 1; i < d; i++) expect(values[i - 1]).toBeGreaterThanOrEqual(values[i]);
    }
  });

  it('finds a hand-checkable spectrum: [[2,1],[1,2]] has 3 and 1 along (1,1) and (1,−1)', () => {
    const { values, vectors } = jacobiEigen(Float64Array.of(2, 1, 1, 2), 2);
    expect(values[0]).toBeCloseTo(3, 14);
    expect(values[1]).toBeCloseTo(1, 14);
    expect(Math.abs(vectors[0])).toBeCloseTo(Math.SQRT1_2, 14);
    expect(vectors[0] * vectors[2]).toBeCloseTo(0.5, 14); // same sign in both rows: (1,1)/√2
  });

  it('copes with repeated eigenvalues and an already diagonal matrix', () => {
    const { values, vectors } = jacobiEigen(Float64Array.of(1, 0, 0, 0, 4, 0, 0, 0, 1), 3);
    expect(Array.from(values)).toEqual([4, 1, 1]);
    const [, orth] = residuals(Float64Array.of(1, 0, 0, 0, 4, 0, 0, 0, 1), 3, values, vectors);
    expect(orth).toBe(0);
  });

  it('keeps small eigenvalues of a badly scaled matrix accurate', () => {
    // diag(1e10, 1e-6) rotated by 30°: the small eigenvalue must survive next to the large one.
    const c = Math.cos(Math.PI / 6);
    const s = Math.sin(Math.PI / 6);
    const l1 = 1e10;
    const l2 = 1e-6;
    const A = Float64Array.of(
      c * c * l1 + s * s * l2,
      c * s * (l1 - l2),
      c * s * (l1 - l2),
      s * s * l1 + c * c * l2,
    );
    const { values } = jacobiEigen(A, 2);
    expect(values[0] / l1).toBeCloseTo(1, 12);
    expect(Math.abs(values[1] - l2)).toBeLessThan(1e-5); // absolute error ~ ε·‖A‖ from forming A
  });
});
