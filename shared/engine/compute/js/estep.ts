/**
 * The E-step over a range of rows, with the first moments the M-step needs:
 *   q_ik = squared Mahalanobis distance (family kernel), then the log-sum-exp of normalise.ts
 *   (responsibilities r_ik, log p(x_i), Σ log p(x_i)), then nk = Σ_i r_ik and Σ_i r_ik x_i.
 *
 * Two implementations, bit-identical:
 *  - blockedEStep composes the three row kernels block by block (BLOCK_ROWS rows, so a block's
 *    rows and responsibilities stay in cache between the passes over components). Used by the
 *    dense family and wherever the fused kernel is not generated.
 *  - diagonalEStepSource generates, for the diagonal family (diag, spherical) and one (d, K) with
 *    K·d ≤ MAX_FUSED_KD, a single pass over the rows that keeps each row's d features in
 *    registers while it computes the K distances, the exponentials and adds r_ik x_i to the K·d sums. It saves the two other
 *    passes' loads of X and resp and the distances' round trip through resp (measured: the diag
 *    E-step 15-30% faster at n = 1e6 for d ∈ {2, 5, 10}, K ∈ {3, 8}, K·d ≤ 40, 2026-11).
 * Every accumulator (nk_k, Σ r_ik x_ij, Σ log p) is still added row by row in row order, from the
 * same starting value, with the same operations per row; only the interleaving of independent
 * accumulators changes, so both give the same bits (test/shared/engine/kernels/compile.test.ts).
 */
import type { EStep, RowKernels } from './types';
import { expSource } from '../expNonPositive';
import { logSource } from '../logAtLeastOne';

export const BLOCK_ROWS = 512;

/**
 * Fuse only while K·d ≤ 40. The fused kernel keeps 3·K·d locals (sums, means, factors); V8's
 * optimising compile of it grows quickly with that count (measured once per process and worker:
 * ~30 ms CPU at d = 10, K = 3, ~70 ms at d = 5, K = 8, ~200 ms at d = 10, K = 8), while the gain
 * at K·d = 80 was only ~6% of an iteration, so larger K·d use the blocked composition.
 */
export const MAX_FUSED_KD = 40;

export function blockedEStep(kernels: Omit<RowKernels, 'estep'>): EStep {
  const { mahalanobis, normalise, weightedSums } = kernels;
  return function blockedEStep(X, resp, logNorm, start, end, K, means, F, c, acc, accOff, total) {
    for (let b = start; b < end; b += BLOCK_ROWS) {
      const e = Math.min(end, b + BLOCK_ROWS);
      mahalanobis(X, b, e, K, means, F, resp);
      total = normalise(resp, logNorm, b, e, K, c, acc, accOff, total);
      weightedSums(X, resp, b, e, K, acc, accOff + K);
    }
    return total;
  };
}

/**
 * Body of an EStep (arguments as EStep) for the diagonal family, or null when K·d is too large.
 * Expects the EXP_ and LOG_CONSTANTS in scope (compile.ts binds them). Per component it is exactly the
 * generated diagonal mahalanobis (y_j = (x_j − μ_kj)·p_kj, q = y_0² + … + y_{d−1}²) followed by
 * the generated normalise and weightedSums, written for one row.
 */
export function diagonalEStepSource(d: number, K: number): string | null {
  if (K * d > MAX_FUSED_KD) return null;
  const D = [...Array(d).keys()];
  const C = [...Array(K).keys()];
  const perK = (f: (k: number) => string, sep = ' '): string => C.map(f).join(sep);
  const perKJ = (f: (k: number, j: number) => string, sep = ' '): string =>
    C.map((k) => D.map((j) => f(k, j)).join(sep)).join(sep);
  return `"use strict";
${perKJ((k, j) => `const m${k}_${j} = means[${k * d + j}], p${k}_${j} = F[${k * d + j}];`)}
${perK((k) => `const c${k} = c[${k}];`)}
let ${perK((k) => `n${k} = acc[accOff + ${k}]`, ', ')};
let ${perKJ((k, j) => `s${k}_${j} = acc[accOff + ${K + k * d + j}]`, ', ')};
for (let i = start, xo = start * ${d}, ro = start * ${K}; i < end; i++, xo += ${d}, ro += ${K}) {
  const ${D.map((j) => `x${j} = X[xo + ${j}]`).join(', ')};
  ${perK(
    (k) =>
      `${D.map((j) => `const y${k}_${j} = (x${j} - m${k}_${j}) * p${k}_${j};`).join(' ')}\n  ` +
      `const w${k} = c${k} - 0.5 * (${D.map((j) => `y${k}_${j} * y${k}_${j}`).join(' + ')});`,
    '\n  ',
  )}
  let max = -Infinity;
  ${perK((k) => `max = Math.max(max, w${k});`)}
  if (max === -Infinity) {
    ${perK((k) => `resp[ro + ${k}] = 1 / ${K}; n${k} += 1 / ${K}; ${D.map((j) => `s${k}_${j} += (1 / ${K}) * x${j};`).join(' ')}`, '\n    ')}
    logNorm[i] = -Infinity;
    total = -Infinity;
    continue;
  }
  ${perK((k) => `const z${k} = w${k} - max; ${expSource(`z${k}`, `e${k}`, `${k}`)}`, '\n  ')}
  const sum = ${perK((k) => `e${k}`, ' + ')};
  ${logSource('sum', 'logSum')}
  const lse = max + logSum;
  logNorm[i] = lse;
  total += lse;
  const inv = 1 / sum;
  ${perK((k) => `const r${k} = e${k} * inv; resp[ro + ${k}] = r${k}; n${k} += r${k}; ${D.map((j) => `s${k}_${j} += r${k} * x${j};`).join(' ')}`, '\n  ')}
}
${perK((k) => `acc[accOff + ${k}] = n${k};`)}
${perKJ((k, j) => `acc[accOff + ${K + k * d + j}] = s${k}_${j};`)}
return total;`;
}
