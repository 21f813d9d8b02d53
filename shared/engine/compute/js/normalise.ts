/**
 * The E-step's per-row log-sum-exp (scikit-learn's _estimate_log_prob_resp) on rows that hold the
 * squared Mahalanobis distances q_ik (left there by the family kernel):
 *   w_ik = c_k − q_ik / 2                      (weighted log probability; c_k = log w_k + log det P_k − d/2·log 2π)
 *   log p(x_i) = m + log Σ_k exp(w_ik − m),    m = max_k w_ik, so every exponent is ≤ 0
 *                                              (exp: expNonPositive.ts; log of the sum ∈ [1, K]: logAtLeastOne.ts)
 *   r_ik = exp(w_ik − m) / Σ_k exp(w_ik' − m)
 * It also sums Σ_i log p(x_i) (returned, added to `total`) and nk = Σ_i r_ik (added to acc[accOff…]). A row whose
 * every w is −∞ (zero weights or overflowing distances) is shared evenly with log p = −∞ rather
 * than turned into 0/0.
 */
import { expNonPositive } from '../expNonPositive';
import { logAtLeastOne } from '../logAtLeastOne';

export type Normalise = (
  resp: Float64Array,
  logNorm: Float64Array,
  start: number,
  end: number,
  K: number,
  c: Float64Array,
  acc: Float64Array,
  accOff: number,
  total: number,
) => number;

export const normalise: Normalise = (resp, logNorm, start, end, K, c, acc, accOff, total) => {
  for (let i = start, ro = start * K; i < end; i++, ro += K) {
    let max = -Infinity;
    for (let k = 0; k < K; k++) {
      const w = c[k] - 0.5 * resp[ro + k];
      resp[ro + k] = w;
      max = Math.max(max, w);
    }
    if (max === -Infinity) {
      total = evenRow(resp, logNorm, i, ro, K, acc, accOff);
      continue;
    }
    let sum = 0;
    for (let k = 0; k < K; k++) {
      const e = expNonPositive(resp[ro + k] - max);
      resp[ro + k] = e;
      sum += e;
    }
    const lse = max + logAtLeastOne(sum);
    logNorm[i] = lse;
    total += lse;
    const inv = 1 / sum;
    for (let k = 0; k < K; k++) {
      const r = resp[ro + k] * inv;
      resp[ro + k] = r;
      acc[accOff + k] += r;
    }
  }
  return total;
};

/** Uniform responsibilities for a row no component can explain; returns −∞ for the running total. */
function evenRow(
  resp: Float64Array,
  logNorm: Float64Array,
  i: number,
  ro: number,
  K: number,
  acc: Float64Array,
  accOff: number,
): number {
  for (let k = 0; k < K; k++) {
    resp[ro + k] = 1 / K;
    acc[accOff + k] += 1 / K;
  }
  logNorm[i] = -Infinity;
  return -Infinity;
}
