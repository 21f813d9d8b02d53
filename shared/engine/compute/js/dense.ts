/**
 * Dense-factor row kernels (full and tied covariances). With P_k the upper-triangular precision
 * Cholesky factor (P_k P_kᵀ = Σ_k⁻¹), y = (x − μ_k)ᵀ P_k has y_j = Σ_{m ≤ j} t_m P_k[m][j] and the
 * squared Mahalanobis distance is Σ_j y_j² (scikit-learn's _estimate_log_gaussian_prob, but on the
 * centred row t = x − μ_k rather than X·P − μ·P, which keeps large offsets exact). The scatter is
 * the two-pass covariance sum Σ_i r_ik t tᵀ about the already-updated means.
 * The generated source below performs exactly the generic loops' operations, unrolled for one d.
 */
import type { KernelFamily, RowKernels } from './types';
import { genericWeightedSums } from './sums';

/** Unroll up to this many features: d(d+1)/2 accumulators must stay manageable as locals. */
const MAX_UNROLLED_D = 12;

function generic(d: number): Omit<RowKernels, 'normalise' | 'estep'> {
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
    weightedSums: genericWeightedSums(d),
  };
}

function specialisedSource(d: number): { mahalanobis: string; scatter: string } | null {
  if (d > MAX_UNROLLED_D) return null;
  const idx = [...Array(d).keys()];
  const loadMeans = `const ${idx.map((j) => `m${j} = means[mo + ${j}]`).join(', ')};`;
  const loadT = `const ${idx.map((j) => `t${j} = X[xo + ${j}] - m${j}`).join(', ')};`;
  const pairs: [number, number][] = [];
  for (let a = 0; a < d; a++) for (let b = a; b < d; b++) pairs.push([a, b]);

  const mahalanobis = `"use strict";
for (let k = 0; k < K; k++) {
  const mo = k * ${d}, po = k * ${d * d};
  ${loadMeans}
  const ${pairs.map(([a, b]) => `p${a}_${b} = F[po + ${a * d + b}]`).join(', ')};
  for (let i = start, xo = start * ${d}, ro = start * K + k; i < end; i++, xo += ${d}, ro += K) {
    ${loadT}
    ${idx
      .map(
        (j) =>
          `const y${j} = ${idx
            .slice(0, j + 1)
            .map((m) => `t${m} * p${m}_${j}`)
            .join(' + ')};`,
      )
      .join('\n    ')}
    out[ro] = ${idx.map((j) => `y${j} * y${j}`).join(' + ')};
  }
}`;

  const scatter = `"use strict";
for (let k = 0; k < K; k++) {
  const mo = k * ${d}, base = accOff + k * ${d * d};
  ${loadMeans}
  let ${pairs.map(([a, b]) => `s${a}_${b} = acc[base + ${a * d + b}]`).join(', ')};
  for (let i = start, xo = start * ${d}, ro = start * K + k; i < end; i++, xo += ${d}, ro += K) {
    const r = resp[ro];
    ${loadT}
    ${idx.map((a) => `const u${a} = r * t${a};`).join(' ')}
    ${pairs.map(([a, b]) => `s${a}_${b} += u${a} * t${b};`).join(' ')}
  }
  ${pairs.map(([a, b]) => (a === b ? `acc[base + ${a * d + b}] = s${a}_${b};` : `acc[base + ${a * d + b}] = acc[base + ${b * d + a}] = s${a}_${b};`)).join(' ')}
}`;
  return { mahalanobis, scatter };
}

export const denseKernels: KernelFamily = {
  scatterSize: (K, d) => K * d * d,
  generic,
  specialisedSource,
};
