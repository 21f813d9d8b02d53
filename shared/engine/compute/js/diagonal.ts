/**
 * Diagonal-factor row kernels (diag and spherical covariances). factors[k·d + j] = 1/σ_kj, so the
 * squared Mahalanobis distance is Σ_j ((x_j − μ_kj)/σ_kj)² (scikit-learn expands this as
 * Σ μ²p² − 2 x·μp² + x²p²; the centred form loses nothing to large offsets). The scatter is the
 * two-pass per-feature sum Σ_i r_ik (x_ij − μ_kj)².
 */
import type { KernelFamily, RowKernels } from './types';

function kernels(d: number): Pick<RowKernels, 'mahalanobis' | 'scatter'> {
  return {
    mahalanobis(X, start, end, K, means, F, out) {
      for (let k = 0; k < K; k++) {
        const mo = k * d;
        for (let i = start; i < end; i++) {
          const xo = i * d;
          let q = 0;
          for (let j = 0; j < d; j++) {
            const y = (X[xo + j] - means[mo + j]) * F[mo + j];
            q += y * y;
          }
          out[i * K + k] = q;
        }
      }
    },
    scatter(X, resp, start, end, K, means, acc, accOff) {
      for (let k = 0; k < K; k++) {
        const mo = k * d;
        const base = accOff + mo;
        for (let i = start; i < end; i++) {
          const r = resp[i * K + k];
          const xo = i * d;
          for (let j = 0; j < d; j++) {
            const t = X[xo + j] - means[mo + j];
            acc[base + j] += r * t * t;
          }
        }
      }
    },
  };
}

export const diagonalKernels: KernelFamily = {
  scatterSize: (K, d) => K * d,
  kernels,
};
