/**
 * Dense-factor row kernels (full and tied covariances). With P_k the upper-triangular precision
 * Cholesky factor (P_k P_kᵀ = Σ_k⁻¹), y = (x − μ_k)ᵀ P_k has y_j = Σ_{m ≤ j} t_m P_k[m][j] and the
 * squared Mahalanobis distance is Σ_j y_j² (scikit-learn's _estimate_log_gaussian_prob, but on the
 * centred row t = x − μ_k rather than X·P − μ·P, which keeps large offsets exact). The scatter is
 * the two-pass covariance sum Σ_i r_ik t tᵀ about the already-updated means.
 */
import type { KernelFamily, RowKernels } from './types';

function kernels(d: number): Pick<RowKernels, 'mahalanobis' | 'scatter'> {
  const t = new Float64Array(d);
  const dd = d * d;
  return {
    mahalanobis(X, start, end, K, means, F, out) {
      for (let k = 0; k < K; k++) {
        const mo = k * d;
        const po = k * dd;
        for (let i = start; i < end; i++) {
          const xo = i * d;
          for (let m = 0; m < d; m++) t[m] = X[xo + m] - means[mo + m];
          let q = 0;
          for (let j = 0; j < d; j++) {
            let y = t[0] * F[po + j];
            for (let m = 1; m <= j; m++) y += t[m] * F[po + m * d + j];
            q += y * y;
          }
          out[i * K + k] = q;
        }
      }
    },
    scatter(X, resp, start, end, K, means, acc, accOff) {
      for (let k = 0; k < K; k++) {
        const mo = k * d;
        const base = accOff + k * dd;
        for (let i = start; i < end; i++) {
          const r = resp[i * K + k];
          const xo = i * d;
          for (let m = 0; m < d; m++) t[m] = X[xo + m] - means[mo + m];
          for (let a = 0; a < d; a++) {
            const u = r * t[a];
            for (let b = a; b < d; b++) acc[base + a * d + b] += u * t[b];
          }
        }
        for (let a = 0; a < d; a++)
          for (let b = a + 1; b < d; b++) acc[base + b * d + a] = acc[base + a * d + b];
      }
    },
  };
}

export const denseKernels: KernelFamily = {
  scatterSize: (K, d) => K * d * d,
  kernels,
};
