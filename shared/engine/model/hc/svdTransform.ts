/**
 * mclust's default data for its hierarchical start, hc(…, use = "SVD") (mclust.options("hcUse");
 * R/mbahc.R): the columns standardised (centred, divided by their standard deviation with n − 1),
 * then rotated onto their singular vectors and divided by the square roots of the singular values,
 * Z = X_s V diag(σ)^{-1/2}. The agglomeration criterion (hcVVV.ts) is invariant to rotations, so
 * only the scaling matters: Z = U diag(σ)^{1/2}, the principal components with their spread
 * compressed, so no single direction dominates the merges.
 *
 * V and σ² come from the eigen-decomposition of X_sᵀ X_s (d × d); directions whose singular value is
 * zero to rounding (collinear columns) are left out, where mclust's division would blow them up.
 */
import { jacobiEigen } from '../../../stats/jacobi';

/** X: n × d row-major. Returns Z: n × p row-major with p ≤ min(n, d) kept directions. */
export function svdTransform(X: Float64Array, n: number, d: number): { Z: Float64Array; p: number } {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += X[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= n;
  const sd = new Float64Array(d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) {
      const t = X[i * d + j] - mean[j];
      sd[j] += t * t;
    }
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j] / (n - 1));
  const S = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) S[i * d + j] = (X[i * d + j] - mean[j]) / sd[j];
  const cross = new Float64Array(d * d);
  for (let i = 0; i < n; i++)
    for (let a = 0; a < d; a++) {
      const sa = S[i * d + a];
      for (let b = a; b < d; b++) cross[a * d + b] += sa * S[i * d + b];
    }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) cross[a * d + b] = cross[b * d + a];
  const { values, vectors } = jacobiEigen(cross, d);
  const tiny = values[0] * d * Number.EPSILON;
  const kept: number[] = [];
  for (let c = 0; c < Math.min(n, d); c++) if (values[c] > tiny) kept.push(c);
  const p = kept.length;
  const Z = new Float64Array(n * p);
  kept.forEach((c, q) => {
    // σ = √(eigenvalue), so the column is divided by √σ = eigenvalue^{1/4}.
    const factor = 1 / Math.sqrt(Math.sqrt(values[c]));
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += S[i * d + j] * vectors[j * d + c];
      Z[i * p + q] = s * factor;
    }
  });
  return { Z, p };
}
