/**
 * First two principal components of the fitted (preprocessed) data, for the scatter's "PC1/PC2"
 * axes. The sample covariance (divisor n − 1, as scikit-learn's PCA.explained_variance_) is
 * decomposed by Jacobi (./jacobi.ts); rows, means and covariances are then seen through the same
 * projection P (2 × d), so component ellipses are P Σ Pᵀ around P(μ − x̄).
 *
 * Sign convention (deterministic, as scikit-learn's svd_flip with u_based_decision=False): each
 * axis is flipped so that its entry of largest absolute value is positive (the first such entry
 * on a tie), so the same data always gives the same picture.
 */
import { jacobiEigen } from './jacobi';
import type { Covariance2 } from './ellipse';
import { projectCovariance, projectVector } from './ellipse';

export interface Pca2 {
  nFeatures: number;
  /** d: column means x̄ the projection is centred on. */
  mean: Float64Array;
  /** 2 × d row-major: PC1 and PC2 as unit rows. With d = 1 the second row is zero. */
  components: Float64Array;
  /** Variances along PC1, PC2 (eigenvalues of the sample covariance, descending). */
  explainedVariance: [number, number];
  /** explainedVariance / total variance (trace). 0 when the data has no variance. */
  explainedVarianceRatio: [number, number];
  /** All d eigenvalues, descending (for a scree readout). */
  eigenvalues: Float64Array;
}

/** Column means and sample covariance (n − 1) of X (n × d, row-major); two passes for accuracy. */
export function sampleCovariance(
  X: Float64Array,
  n: number,
  d: number,
): { mean: Float64Array; cov: Float64Array } {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let a = 0; a < d; a++) mean[a] += X[i * d + a];
  for (let a = 0; a < d; a++) mean[a] /= n;
  const cov = new Float64Array(d * d);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < d; a++) row[a] = X[i * d + a] - mean[a];
    for (let a = 0; a < d; a++) for (let b = a; b < d; b++) cov[a * d + b] += row[a] * row[b];
  }
  const denom = n > 1 ? n - 1 : 1;
  for (let a = 0; a < d; a++)
    for (let b = a; b < d; b++) {
      cov[a * d + b] /= denom;
      cov[b * d + a] = cov[a * d + b];
    }
  return { mean, cov };
}

/** PCA of X (n × d, row-major), keeping two axes. */
export function pca2(X: Float64Array, n: number, d: number): Pca2 {
  const { mean, cov } = sampleCovariance(X, n, d);
  const { values, vectors } = jacobiEigen(cov, d);
  const components = new Float64Array(2 * d);
  for (let c = 0; c < Math.min(2, d); c++) {
    let lead = 0;
    for (let a = 1; a < d; a++) if (Math.abs(vectors[a * d + c]) > Math.abs(vectors[lead * d + c])) lead = a;
    const sign = vectors[lead * d + c] < 0 ? -1 : 1;
    for (let a = 0; a < d; a++) components[c * d + a] = sign * vectors[a * d + c];
  }
  // Rounding can leave a tiny negative eigenvalue of a semi-definite covariance.
  const eig = values.map((v) => Math.max(v, 0));
  const total = eig.reduce((s, v) => s + v, 0);
  const ev: [number, number] = [eig[0] ?? 0, d > 1 ? eig[1] : 0];
  return {
    nFeatures: d,
    mean,
    components,
    explainedVariance: ev,
    explainedVarianceRatio: total > 0 ? [ev[0] / total, ev[1] / total] : [0, 0],
    eigenvalues: eig,
  };
}

/** Scores of every row: P (x_i − x̄), as two arrays of length n. */
export function pcaProjectRows(p: Pca2, X: Float64Array, n: number): { x: Float64Array; y: Float64Array } {
  const d = p.nFeatures;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sx = 0;
    let sy = 0;
    for (let a = 0; a < d; a++) {
      const v = X[i * d + a] - p.mean[a];
      sx += p.components[a] * v;
      sy += p.components[d + a] * v;
    }
    x[i] = sx;
    y[i] = sy;
  }
  return { x, y };
}

/** A component mean in score coordinates: P (μ − x̄). */
export function pcaProjectMean(p: Pca2, mean: ArrayLike<number>): [number, number] {
  const centred = Array.from({ length: p.nFeatures }, (_, a) => mean[a] - p.mean[a]);
  return projectVector(centred, p.nFeatures, p.components);
}

/** A covariance (d × d) in score coordinates: P Σ Pᵀ. */
export function pcaProjectCovariance(p: Pca2, cov: Float64Array): Covariance2 {
  return projectCovariance(cov, p.nFeatures, p.components);
}
