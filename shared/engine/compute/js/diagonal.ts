/**
 * Diagonal-factor row kernels (diag and spherical covariances). factors[k·d + j] = 1/σ_kj, so the
 * squared Mahalanobis distance is Σ_j ((x_j − μ_kj)/σ_kj)² (scikit-learn expands this as
 * Σ μ²p² − 2 x·μp² + x²p²; the centred form loses nothing to large offsets). The scatter is the
 * two-pass per-feature sum Σ_i r_ik (x_ij − μ_kj)². Generated code mirrors the generic loops.
 */
import type { KernelFamily, RowKernels } from './types';
import { genericWeightedSums } from './sums';
import { diagonalEStepSource } from './estep';

const MAX_UNROLLED_D = 32;

function generic(d: number): Omit<RowKernels, 'normalise' | 'estep'> {
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
    weightedSums: genericWeightedSums(d),
  };
}

function specialisedSource(d: number): { mahalanobis: string; scatter: string } | null {
  if (d > MAX_UNROLLED_D) return null;
  const idx = [...Array(d).keys()];
  const loadMeans = `const ${idx.map((j) => `m${j} = means[mo + ${j}]`).join(', ')};`;
  const mahalanobis = `"use strict";
for (let k = 0; k < K; k++) {
  const mo = k * ${d};
  ${loadMeans}
  const ${idx.map((j) => `p${j} = F[mo + ${j}]`).join(', ')};
  for (let i = start, xo = start * ${d}, ro = start * K + k; i < end; i++, xo += ${d}, ro += K) {
    ${idx.map((j) => `const y${j} = (X[xo + ${j}] - m${j}) * p${j};`).join(' ')}
    out[ro] = ${idx.map((j) => `y${j} * y${j}`).join(' + ')};
  }
}`;
  const scatter = `"use strict";
for (let k = 0; k < K; k++) {
  const mo = k * ${d}, base = accOff + mo;
  ${loadMeans}
  let ${idx.map((j) => `s${j} = acc[base + ${j}]`).join(', ')};
  for (let i = start, xo = start * ${d}, ro = start * K + k; i < end; i++, xo += ${d}, ro += K) {
    const r = resp[ro];
    ${idx.map((j) => `const t${j} = X[xo + ${j}] - m${j}; s${j} += r * t${j} * t${j};`).join(' ')}
  }
  ${idx.map((j) => `acc[base + ${j}] = s${j};`).join(' ')}
}`;
  return { mahalanobis, scatter };
}

export const diagonalKernels: KernelFamily = {
  scatterSize: (K, d) => K * d,
  generic,
  specialisedSource,
  fusedEStepSource: diagonalEStepSource,
};
