/**
 * Poisson count columns: within class k, column j is Poisson with rate λ_kj.
 *
 *   log p(x | k) = x log λ_kj − λ_kj − log x!   (log x! is the row constant, rows.ts)
 *   M-step       λ_kj = Σ_i w_i r_ik x_ij / Σ_i w_i r_ik   over the observed cells
 *
 * x log λ is taken as 0 when x = 0, so a class with λ = 0 (it holds only zeros) stays finite for
 * zeros and impossible for positive counts. A class that holds no observed cell keeps the column's
 * overall mean.
 */
import type { Rng } from '../model/rng';
import type { MixedLayout, MixedRows } from './rows';

export function addPoissonLogDensity(
  rows: MixedRows,
  logRate: Float64Array,
  rate: Float64Array,
  start: number,
  end: number,
  K: number,
  lp: Float64Array,
): void {
  const q = rows.q;
  for (let j = 0; j < q; j++) {
    for (let i = start; i < end; i++) {
      const x = rows.counts[i * q + j];
      if (x !== x) continue; // NaN: missing
      for (let k = 0, ro = i * K; k < K; k++)
        lp[ro + k] += (x > 0 ? x * logRate[k * q + j] : 0) - rate[k * q + j];
    }
  }
}

export function accumulatePoisson(
  rows: MixedRows,
  resp: Float64Array,
  layout: MixedLayout,
  start: number,
  end: number,
  K: number,
  acc: Float64Array,
  slot: number,
): void {
  const q = rows.q;
  const w = rows.weights;
  const sum = slot + layout.poissonSum;
  const observed = slot + layout.poissonObserved;
  for (let i = start; i < end; i++) {
    const wi = w ? w[i] : 1;
    for (let j = 0; j < q; j++) {
      const x = rows.counts[i * q + j];
      if (x !== x) continue;
      for (let k = 0; k < K; k++) {
        const wr = wi * resp[i * K + k];
        acc[sum + k * q + j] += wr * x;
        acc[observed + k * q + j] += wr;
      }
    }
  }
}

/** λ (K × q) from the reduced sums; `overall` (q) for a class without observed cells. */
export function poissonMStep(
  reduced: Float64Array,
  layout: MixedLayout,
  K: number,
  q: number,
  overall: Float64Array,
): Float64Array {
  const rate = new Float64Array(K * q);
  for (let k = 0; k < K; k++)
    for (let j = 0; j < q; j++) {
      const n = reduced[layout.poissonObserved + k * q + j];
      rate[k * q + j] = n > 0 ? reduced[layout.poissonSum + k * q + j] / n : overall[j];
    }
  return rate;
}

/** Random starting rates around the column means: λ = mean × U(0.5, 1.5). */
export function randomPoisson(overall: Float64Array, K: number, rng: Rng): Float64Array {
  const q = overall.length;
  const rate = new Float64Array(K * q);
  for (let k = 0; k < K; k++) for (let j = 0; j < q; j++) rate[k * q + j] = overall[j] * (0.5 + rng.random());
  return rate;
}
