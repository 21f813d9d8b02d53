/**
 * Small dense linear algebra on row-major d × d blocks inside Float64Arrays (offsets let one
 * array hold K matrices). Only what the mixture needs: Cholesky, the precision-Cholesky factor
 * and its log-determinant, as scikit-learn's `_compute_precision_cholesky`.
 */

/**
 * Cholesky–Banachiewicz: A = L Lᵀ with L lower triangular written to `L` (upper part zeroed).
 * Reads A[aOff…aOff+d²). Returns false when a pivot is not positive (A not numerically positive
 * definite), leaving L partly written.
 */
export function choleskyLower(
  A: Float64Array,
  aOff: number,
  d: number,
  L: Float64Array,
  lOff: number,
): boolean {
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[aOff + i * d + j];
      for (let m = 0; m < j; m++) s -= L[lOff + i * d + m] * L[lOff + j * d + m];
      if (i === j) {
        if (!(s > 0) || !Number.isFinite(s)) return false;
        L[lOff + i * d + i] = Math.sqrt(s);
      } else {
        L[lOff + i * d + j] = s / L[lOff + j * d + j];
      }
    }
    for (let j = i + 1; j < d; j++) L[lOff + i * d + j] = 0;
  }
  return true;
}

/**
 * Precision-Cholesky factor from a covariance: with Σ = L Lᵀ, P = (L⁻¹)ᵀ, upper triangular, so
 * P Pᵀ = Σ⁻¹ and ‖(x−μ)ᵀ P‖² is the squared Mahalanobis distance (scikit-learn: cholesky then
 * solve_triangular(L, I).T). Writes P at `out[oOff…]`; returns false if Σ is not positive definite.
 * `work` holds d² scratch values.
 */
export function precisionCholeskyFromCovariance(
  cov: Float64Array,
  cOff: number,
  d: number,
  out: Float64Array,
  oOff: number,
  work: Float64Array,
): boolean {
  if (!choleskyLower(cov, cOff, d, work, 0)) return false;
  // Forward substitution L M = I column by column; M = L⁻¹ is lower triangular, P[i][j] = M[j][i].
  for (let col = 0; col < d; col++) {
    for (let i = 0; i < d; i++) {
      if (i < col) {
        out[oOff + col * d + i] = 0; // P[col][i] = M[i][col] = 0 above M's diagonal
        continue;
      }
      let s = i === col ? 1 : 0;
      for (let m = col; m < i; m++) s -= work[i * d + m] * out[oOff + col * d + m];
      out[oOff + col * d + i] = s / work[i * d + i];
    }
  }
  return true;
}

/**
 * Upper-triangular factor P with P Pᵀ = Λ from a precision matrix Λ (scikit-learn's
 * precisions_init). The engine's kernels expect the upper-triangular orientation, so this is the
 * "reversed" Cholesky: with J the exchange matrix, J Λ J = L Lᵀ gives Λ = (J L J)(J L J)ᵀ and J L J
 * is upper triangular. Returns false if Λ is not positive definite. `work` holds 2·d² values.
 */
export function upperFactorFromPrecision(
  prec: Float64Array,
  pOff: number,
  d: number,
  out: Float64Array,
  oOff: number,
  work: Float64Array,
): boolean {
  const r = d - 1;
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) work[d * d + i * d + j] = prec[pOff + (r - i) * d + (r - j)];
  if (!choleskyLower(work, d * d, d, work, 0)) return false;
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) out[oOff + i * d + j] = work[(r - i) * d + (r - j)];
  return true;
}

/** Σ log P_jj of a triangular d × d factor: log det of the precision's square root. */
export function logDetTriangular(P: Float64Array, off: number, d: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) s += Math.log(P[off + j * d + j]);
  return s;
}
