/**
 * Binomial columns (successes out of a known number of trials): within class k, column j is
 * Binomial(n_ij, p_kj) — the two-coin experiment's model (Do & Batzoglou, "What is the expectation
 * maximization algorithm?", Nat. Biotechnol. 2008).
 *
 *   log p(x | n, k) = x log p + (n − x) log(1 − p) + log C(n, x)   (the last is the row constant)
 *   M-step          p_kj = Σ_i w_i r_ik x_ij / Σ_i w_i r_ik n_ij   over the observed cells
 *
 * 0 · log 0 is taken as 0, so p = 0 or 1 stays finite for the rows that agree with it.
 */
import type { Rng } from '../model/rng';
import type { MixedLayout, MixedRows } from './rows';

export function addBinomialLogDensity(
  rows: MixedRows,
  logP: Float64Array,
  log1mP: Float64Array,
  start: number,
  end: number,
  K: number,
  lp: Float64Array,
): void {
  const b = rows.b;
  for (let j = 0; j < b; j++) {
    for (let i = start; i < end; i++) {
      const x = rows.successes[i * b + j];
      const n = rows.trials[i * b + j];
      if (x !== x || n !== n) continue;
      const failures = n - x;
      for (let k = 0, ro = i * K; k < K; k++)
        lp[ro + k] += (x > 0 ? x * logP[k * b + j] : 0) + (failures > 0 ? failures * log1mP[k * b + j] : 0);
    }
  }
}

export function accumulateBinomial(
  rows: MixedRows,
  resp: Float64Array,
  layout: MixedLayout,
  start: number,
  end: number,
  K: number,
  acc: Float64Array,
  slot: number,
): void {
  const b = rows.b;
  const w = rows.weights;
  const sum = slot + layout.binomialSum;
  const trials = slot + layout.binomialTrials;
  for (let i = start; i < end; i++) {
    const wi = w ? w[i] : 1;
    for (let j = 0; j < b; j++) {
      const x = rows.successes[i * b + j];
      const n = rows.trials[i * b + j];
      if (x !== x || n !== n) continue;
      for (let k = 0; k < K; k++) {
        const wr = wi * resp[i * K + k];
        acc[sum + k * b + j] += wr * x;
        acc[trials + k * b + j] += wr * n;
      }
    }
  }
}

/** p (K × b) from the reduced sums; `overall` (b) for a class without observed trials. */
export function binomialMStep(
  reduced: Float64Array,
  layout: MixedLayout,
  K: number,
  b: number,
  overall: Float64Array,
): Float64Array {
  const p = new Float64Array(K * b);
  for (let k = 0; k < K; k++)
    for (let j = 0; j < b; j++) {
      const n = reduced[layout.binomialTrials + k * b + j];
      p[k * b + j] = n > 0 ? reduced[layout.binomialSum + k * b + j] / n : overall[j];
    }
  return p;
}

/** Random starting probabilities between the column's overall rate and a uniform draw. */
export function randomBinomial(overall: Float64Array, K: number, rng: Rng): Float64Array {
  const b = overall.length;
  const p = new Float64Array(K * b);
  for (let k = 0; k < K; k++) for (let j = 0; j < b; j++) p[k * b + j] = 0.5 * (overall[j] + rng.random());
  return p;
}
