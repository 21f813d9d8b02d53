/**
 * The E-step over a range of rows, with the first moments the M-step needs:
 *   q_ik = squared Mahalanobis distance (family kernel), then the log-sum-exp of normalise.ts
 *   (responsibilities r_ik, log p(x_i), Σ log p(x_i)), then nk = Σ_i r_ik and Σ_i r_ik x_i.
 * The three row kernels run block by block (BLOCK_ROWS rows, so a block's rows and
 * responsibilities stay in cache between the passes over components). They add to their
 * accumulators, so every nk_k, Σ r_ik x_ij and Σ log p is still added to row by row in row order:
 * blocking never changes a sum (BIT_IDENTITY.md).
 */
import type { EStep, RowKernels } from './types';

export const BLOCK_ROWS = 512;

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
