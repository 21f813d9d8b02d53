/**
 * Responsibility-weighted row sums Σ_i r_ik x_ij (the numerator of the M-step means), shared by
 * both kernel families. Generic loop plus its unrolled twin (same operation order).
 */
import type { RowKernels } from './types';

export const MAX_UNROLLED_SUMS_D = 32;

export function genericWeightedSums(d: number): RowKernels['weightedSums'] {
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

/** Body of (X, resp, start, end, K, acc, accOff) for one d; adds to acc like the generic loop. */
export function weightedSumsSource(d: number): string | null {
  if (d > MAX_UNROLLED_SUMS_D) return null;
  const idx = [...Array(d).keys()];
  return `"use strict";
for (let k = 0; k < K; k++) {
  const base = accOff + k * ${d};
  let ${idx.map((j) => `s${j} = acc[base + ${j}]`).join(', ')};
  for (let i = start, xo = start * ${d}, ro = start * K + k; i < end; i++, xo += ${d}, ro += K) {
    const r = resp[ro];
    ${idx.map((j) => `s${j} += r * X[xo + ${j}];`).join(' ')}
  }
  ${idx.map((j) => `acc[base + ${j}] = s${j};`).join(' ')}
}`;
}
