/** One-sided Jacobi SVD and the orthogonal polar factor, against their defining identities. */
import { describe, expect, it } from 'vitest';
import { jacobiSvd, orthogonalPolarFactor, polarFactorInto } from '../../../shared/stats/svd';
import { Rng } from '../../../shared/engine/model/rng';

const product = (A: Float64Array, B: Float64Array, d: number, transposeB = false): Float64Array => {
  const C = new Float64Array(d * d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++)
      for (let m = 0; m < d; m++) C[i * d + j] += A[i * d + m] * (transposeB ? B[j * d + m] : B[m * d + j]);
  return C;
};
const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number =>
  Math.max(...Array.from(a, (x, i) => Math.abs(x - b[i])));
const identity = (d: number) => Float64Array.from({ length: d * d }, (_, e) => (e % (d + 1) === 0 ? 1 : 0));
const random = (d: number, seed: number) => {
  const rng = new Rng(seed);
  return Float64Array.from({ length: d * d }, () => rng.normal());
};

describe('jacobiSvd', () => {
  it.each([1, 2, 4, 7, 12])('A = U Σ Vᵀ with orthogonal U, V and descending σ (d = %i)', (d) => {
    const A = random(d, d);
    const { U, values, V } = jacobiSvd(A, d);
    const US = Float64Array.from(U, (u, e) => u * values[e % d]);
    expect(maxAbsDiff(product(US, V, d, true), A)).toBeLessThan(1e-12 * d);
    expect(maxAbsDiff(product(U, U, d, true), identity(d))).toBeLessThan(1e-13 * d);
    expect(maxAbsDiff(product(V, V, d, true), identity(d))).toBeLessThan(1e-13 * d);
    for (let j = 1; j < d; j++) expect(values[j]).toBeLessThanOrEqual(values[j - 1]);
  });

  it('keeps U orthogonal for a singular matrix (a zero column)', () => {
    const d = 4;
    const A = random(d, 3);
    for (let r = 0; r < d; r++) A[r * d + 2] = 0;
    const { U, values } = jacobiSvd(A, d);
    expect(values[d - 1]).toBe(0);
    expect(maxAbsDiff(product(U, U, d, true), identity(d))).toBeLessThan(1e-13);
  });
});

describe('orthogonal polar factor', () => {
  it('is orthogonal, maximises tr(Qᵀ A) over rotations near it, and is A itself for an orthogonal A', () => {
    const d = 5;
    const A = random(d, 21);
    const Q = orthogonalPolarFactor(A, d);
    expect(maxAbsDiff(product(Q, Q, d, true), identity(d))).toBeLessThan(1e-13);
    // A = Q H with H = Qᵀ A symmetric positive semidefinite.
    const QtA = new Float64Array(d * d);
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) for (let m = 0; m < d; m++) QtA[i * d + j] += Q[m * d + i] * A[m * d + j];
    for (let i = 0; i < d; i++)
      for (let j = 0; j < i; j++) expect(QtA[i * d + j]).toBeCloseTo(QtA[j * d + i], 12);
    const rotation = orthogonalPolarFactor(random(d, 5), d);
    expect(maxAbsDiff(orthogonalPolarFactor(rotation, d), rotation)).toBeLessThan(1e-13);
  });

  it('writes the same factor with caller-owned working space, and copes with a zero column', () => {
    const d = 4;
    const A = random(d, 8);
    const Q = new Float64Array(d * d);
    polarFactorInto(A, d, Q, new Float64Array(2 * d * d));
    expect(maxAbsDiff(Q, orthogonalPolarFactor(A, d))).toBeLessThan(1e-14);
    for (let r = 0; r < d; r++) A[r * d + 1] = 0;
    polarFactorInto(A, d, Q, new Float64Array(2 * d * d));
    expect(maxAbsDiff(product(Q, Q, d, true), identity(d))).toBeLessThan(1e-13);
  });
});
