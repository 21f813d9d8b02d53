/**
 * Eigen-decomposition of a small symmetric matrix by the cyclic Jacobi method (Golub & Van Loan,
 * "Matrix Computations", 4th ed., §8.5.2–8.5.3; rotation formulas as in Rutishauser's "Handbook"
 * variant, which updates the diagonal with t·a_pq to limit rounding). Quadratic convergence, and
 * small eigenvalues come out with high relative accuracy — right for d up to a few dozen, where
 * a tridiagonal QR would be more code for no gain.
 */

/** Eigenvalues in descending order and the matching unit eigenvectors as the COLUMNS of `vectors`. */
export interface SymmetricEigen {
  /** d */
  values: Float64Array;
  /** d × d row-major; column c is the eigenvector of values[c]. */
  vectors: Float64Array;
}

/** A (d × d, row-major, symmetric; only read) = V diag(values) Vᵀ. */
export function jacobiEigen(A: Float64Array, d: number, maxSweeps = 64): SymmetricEigen {
  const a = Float64Array.from(A);
  const V = new Float64Array(d * d);
  for (let i = 0; i < d; i++) V[i * d + i] = 1;
  let scale = 0;
  for (let i = 0; i < d * d; i++) scale += a[i] * a[i];
  const tiny = Number.EPSILON * Number.EPSILON * scale;

  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off += a[p * d + q] * a[p * d + q];
    if (off <= tiny) break;
    for (let p = 0; p < d - 1; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = a[p * d + q];
        if (apq === 0) continue;
        // tan of the rotation angle: the smaller root of t² + 2θt − 1 = 0, θ = (a_qq − a_pp)/(2a_pq).
        const theta = (a[q * d + q] - a[p * d + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        rotate(a, V, d, p, q, c, s, t, apq);
      }
    }
  }

  const order = Array.from({ length: d }, (_, i) => i).sort((i, j) => a[j * d + j] - a[i * d + i]);
  const values = new Float64Array(d);
  const vectors = new Float64Array(d * d);
  order.forEach((src, dst) => {
    values[dst] = a[src * d + src];
    for (let r = 0; r < d; r++) vectors[r * d + dst] = V[r * d + src];
  });
  return { values, vectors };
}

/** Applies the rotation J(p, q, θ) as a ← Jᵀ a J and V ← V J, zeroing a_pq. */
function rotate(
  a: Float64Array,
  V: Float64Array,
  d: number,
  p: number,
  q: number,
  c: number,
  s: number,
  t: number,
  apq: number,
): void {
  a[p * d + p] -= t * apq;
  a[q * d + q] += t * apq;
  a[p * d + q] = 0;
  a[q * d + p] = 0;
  for (let r = 0; r < d; r++) {
    if (r !== p && r !== q) {
      const arp = a[r * d + p];
      const arq = a[r * d + q];
      const np = c * arp - s * arq;
      const nq = s * arp + c * arq;
      a[r * d + p] = np;
      a[p * d + r] = np;
      a[r * d + q] = nq;
      a[q * d + r] = nq;
    }
    const vrp = V[r * d + p];
    const vrq = V[r * d + q];
    V[r * d + p] = c * vrp - s * vrq;
    V[r * d + q] = s * vrp + c * vrq;
  }
}
