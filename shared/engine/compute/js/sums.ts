/**
 * Responsibility-weighted row sums Σ_i r_ik x_ij (the numerator of the M-step means), shared by
 * both kernel families: acc[accOff + k·d + j] += r_ik x_ij, row by row in row order.
 */
import type { RowKernels } from './types';

export function weightedSums(d: number): RowKernels['weightedSums'] {
  return (X, resp, start, end, K, acc, accOff) => {
    for (let k = 0; k < K; k++) {
      const base = accOff + k * d;
      for (let i = start; i < end; i++) {
        const r = resp[i * K + k];
        const xo = i * d;
        for (let j = 0; j < d; j++) acc[base + j] += r * X[xo + j];
      }
    }
  };
}
