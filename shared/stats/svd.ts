/**
 * Singular value decomposition of a small square matrix by one-sided Jacobi rotations (Hestenes
 * 1958; Demmel & Veselić, "Jacobi's method is more accurate than QR", SIAM J. Matrix Anal. Appl.
 * 13, 1992): columns of a working copy of A are rotated pairwise until orthogonal; their norms are
 * the singular values and the accumulated rotations V. Accurate and short for the d ≤ a few dozen
 * of a covariance's orientation update (covariance/mclust/commonOrientation.ts).
 */

export interface SquareSvd {
  /** d × d row-major, orthogonal; column j belongs to values[j]. */
  U: Float64Array;
  /** d singular values, descending. */
  values: Float64Array;
  /** d × d row-major, orthogonal; A = U diag(values) Vᵀ. */
  V: Float64Array;
}

/** A: d × d row-major (only read). */
export function jacobiSvd(A: Float64Array, d: number, maxSweeps = 80): SquareSvd {
  const B = Float64Array.from(A);
  const V = new Float64Array(d * d);
  for (let i = 0; i < d; i++) V[i * d + i] = 1;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let rotated = false;
    for (let p = 0; p < d - 1; p++) {
      for (let q = p + 1; q < d; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let r = 0; r < d; r++) {
          const bp = B[r * d + p];
          const bq = B[r * d + q];
          alpha += bp * bp;
          beta += bq * bq;
          gamma += bp * bq;
        }
        if (gamma === 0 || Math.abs(gamma) <= Number.EPSILON * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        // The rotation that makes columns p and q orthogonal (tan of the smaller angle).
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (const M of [B, V]) {
          for (let r = 0; r < d; r++) {
            const mp = M[r * d + p];
            const mq = M[r * d + q];
            M[r * d + p] = c * mp - s * mq;
            M[r * d + q] = s * mp + c * mq;
          }
        }
      }
    }
    if (!rotated) break;
  }
  const norms = Array.from({ length: d }, (_, j) => {
    let s = 0;
    for (let r = 0; r < d; r++) s += B[r * d + j] * B[r * d + j];
    return Math.sqrt(s);
  });
  const order = norms.map((_, j) => j).sort((a, b) => norms[b] - norms[a] || a - b);
  const U = new Float64Array(d * d);
  const values = new Float64Array(d);
  const Vs = new Float64Array(d * d);
  const largest = norms[order[0]] ?? 0;
  const kept: number[] = [];
  order.forEach((src, dst) => {
    values[dst] = norms[src];
    for (let r = 0; r < d; r++) Vs[r * d + dst] = V[r * d + src];
    if (norms[src] > d * Number.EPSILON * largest) {
      for (let r = 0; r < d; r++) U[r * d + dst] = B[r * d + src] / norms[src];
      kept.push(dst);
    }
  });
  completeOrthonormal(U, d, kept);
  return { U, values, V: Vs };
}

/**
 * The orthogonal factor Q = U Vᵀ of A = U Σ Vᵀ (the polar decomposition's rotation): the
 * orthogonal matrix nearest A, and the maximiser of tr(Qᵀ A) over orthogonal Q.
 */
export function orthogonalPolarFactor(A: Float64Array, d: number): Float64Array {
  const { U, V } = jacobiSvd(A, d);
  const Q = new Float64Array(d * d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let m = 0; m < d; m++) s += U[i * d + m] * V[j * d + m];
      Q[i * d + j] = s;
    }
  return Q;
}

/**
 * Fills the columns of U not in `kept` (singular values of zero) with unit vectors orthogonal to
 * all others, by Gram–Schmidt on the coordinate axes, so U stays orthogonal for a singular A.
 */
function completeOrthonormal(U: Float64Array, d: number, kept: number[]): void {
  const done = new Set(kept);
  const columns = [...kept];
  for (let j = 0; j < d; j++) {
    if (done.has(j)) continue;
    for (let axis = 0; axis < d; axis++) {
      const v = new Float64Array(d);
      v[axis] = 1;
      for (let pass = 0; pass < 2; pass++)
        for (const c of columns) {
          let dot = 0;
          for (let r = 0; r < d; r++) dot += U[r * d + c] * v[r];
          for (let r = 0; r < d; r++) v[r] -= dot * U[r * d + c];
        }
      let norm = 0;
      for (let r = 0; r < d; r++) norm += v[r] * v[r];
      norm = Math.sqrt(norm);
      if (norm < 0.5) continue;
      for (let r = 0; r < d; r++) U[r * d + j] = v[r] / norm;
      columns.push(j);
      break;
    }
  }
}
