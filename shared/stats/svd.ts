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

const MAX_SWEEPS = 80;

/** A: d × d row-major (only read). */
export function jacobiSvd(A: Float64Array, d: number): SquareSvd {
  const B = Float64Array.from(A);
  const V = new Float64Array(d * d);
  orthogonaliseColumns(B, V, d);
  return sortedSvd(B, V, d);
}

/**
 * One-sided Jacobi: rotates the columns of B (d × d, overwritten) pairwise until they are
 * orthogonal, accumulating the rotations in V (overwritten, starts as I). Afterwards B = U diag(σ)
 * and A = B Vᵀ.
 */
function orthogonaliseColumns(B: Float64Array, V: Float64Array, d: number): void {
  V.fill(0);
  for (let i = 0; i < d; i++) V[i * d + i] = 1;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
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
        rotateColumns(B, d, p, q, c, s);
        rotateColumns(V, d, p, q, c, s);
      }
    }
    if (!rotated) break;
  }
}

/** U, σ descending and V from orthogonalised columns B (B = U diag(σ)) and rotations V. */
function sortedSvd(B: Float64Array, V: Float64Array, d: number): SquareSvd {
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
  if (kept.length < d) completeOrthonormal(U, d, kept);
  return { U, values, V: Vs };
}

/** Columns p and q of M (d × d) ← (c·m_p − s·m_q, s·m_p + c·m_q). */
function rotateColumns(M: Float64Array, d: number, p: number, q: number, c: number, s: number): void {
  for (let r = 0; r < d; r++) {
    const mp = M[r * d + p];
    const mq = M[r * d + q];
    M[r * d + p] = c * mp - s * mq;
    M[r * d + q] = s * mp + c * mq;
  }
}

/**
 * The orthogonal factor Q = U Vᵀ of A = U Σ Vᵀ (the polar decomposition's rotation): the
 * orthogonal matrix nearest A, and the maximiser of tr(Qᵀ A) over orthogonal Q.
 */
export function orthogonalPolarFactor(A: Float64Array, d: number): Float64Array {
  const Q = new Float64Array(d * d);
  polarFactorInto(A, d, Q, new Float64Array(2 * d * d));
  return Q;
}

/**
 * orthogonalPolarFactor written into Q (d × d) with `work` (2d² values) as scratch, for loops that
 * take many of them: Q = Σ_j (b_j / σ_j) v_jᵀ over the orthogonalised columns b_j. A singular A
 * (some σ_j zero to rounding) goes through the full decomposition, which completes U.
 */
export function polarFactorInto(A: Float64Array, d: number, Q: Float64Array, work: Float64Array): void {
  const B = work.subarray(0, d * d);
  const V = work.subarray(d * d, 2 * d * d);
  B.set(A.subarray(0, d * d));
  orthogonaliseColumns(B, V, d);
  let largest = 0;
  const norms = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    let s = 0;
    for (let r = 0; r < d; r++) s += B[r * d + j] * B[r * d + j];
    norms[j] = Math.sqrt(s);
    largest = Math.max(largest, norms[j]);
  }
  if (norms.some((x) => !(x > d * Number.EPSILON * largest))) {
    const { U, V: Vs } = sortedSvd(B, V, d);
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) {
        let s = 0;
        for (let m = 0; m < d; m++) s += U[i * d + m] * Vs[j * d + m];
        Q[i * d + j] = s;
      }
    return;
  }
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let m = 0; m < d; m++) s += (B[i * d + m] / norms[m]) * V[j * d + m];
      Q[i * d + j] = s;
    }
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
