/**
 * Categorical columns (two levels: Bernoulli): within class k, column j takes level l with
 * probability θ_kjl (Σ_l θ_kjl = 1). Latent class analysis is a mixture of these (Goodman 1974;
 * Linzer & Lewis, "poLCA", J. Stat. Softw. 2011):
 *
 *   log p(x_ij | k) = log θ_kjl for the observed level l; a missing cell adds nothing
 *   M-step          θ_kjl = (Σ_i w_i r_ik [x_ij = l] + α) / (Σ_i w_i r_ik [x_ij observed] + L_j α)
 *
 * with α = 0 (maximum likelihood, as poLCA and VarSelLCM) unless Dirichlet smoothing is asked for.
 * A zero probability is a log of −∞ that only rows holding that level meet; a class that holds no
 * observed cell of a column keeps uniform probabilities rather than 0/0.
 */
import type { Rng } from '../model/rng';
import type { MixedLayout, MixedRows } from './rows';

/** lp[i·K + k] += log θ_k,j,x_ij over the observed cells of rows [start, end). */
export function addCategoricalLogDensity(
  rows: MixedRows,
  logTable: Float64Array,
  layout: MixedLayout,
  start: number,
  end: number,
  K: number,
  lp: Float64Array,
): void {
  const m = rows.levels.length;
  for (let j = 0; j < m; j++) {
    const L = rows.levels[j];
    const off = layout.categoricalOffsets[j] - layout.categorical;
    for (let i = start; i < end; i++) {
      const c = rows.codes[i * m + j];
      if (c < 0) continue;
      for (let k = 0, ro = i * K; k < K; k++) lp[ro + k] += logTable[off + k * L + c];
    }
  }
}

/** acc[slot + offset_j + k·L_j + l] += w_i r_ik for each observed cell. */
export function accumulateCategorical(
  rows: MixedRows,
  resp: Float64Array,
  layout: MixedLayout,
  start: number,
  end: number,
  K: number,
  acc: Float64Array,
  slot: number,
): void {
  const m = rows.levels.length;
  const w = rows.weights;
  for (let j = 0; j < m; j++) {
    const L = rows.levels[j];
    const off = slot + layout.categoricalOffsets[j];
    for (let i = start; i < end; i++) {
      const c = rows.codes[i * m + j];
      if (c < 0) continue;
      const wi = w ? w[i] : 1;
      for (let k = 0, ro = i * K; k < K; k++) acc[off + k * L + c] += wi * resp[ro + k];
    }
  }
}

/** θ for every column from the reduced counts (layout offsets), with Dirichlet pseudo-count α. */
export function categoricalMStep(
  reduced: Float64Array,
  layout: MixedLayout,
  levels: readonly number[],
  K: number,
  alpha: number,
): Float64Array[] {
  return levels.map((L, j) => {
    const off = layout.categoricalOffsets[j];
    const theta = new Float64Array(K * L);
    for (let k = 0; k < K; k++) {
      let total = 0;
      for (let l = 0; l < L; l++) total += reduced[off + k * L + l];
      const denominator = total + L * alpha;
      for (let l = 0; l < L; l++)
        theta[k * L + l] = denominator > 0 ? (reduced[off + k * L + l] + alpha) / denominator : 1 / L;
    }
    return theta;
  });
}

/** log θ of every column, concatenated in layout order. */
export function categoricalLogTable(
  probabilities: readonly Float64Array[],
  layout: MixedLayout,
): Float64Array {
  const size = layout.poissonSum - layout.categorical;
  const out = new Float64Array(size);
  probabilities.forEach((theta, j) => {
    const off = layout.categoricalOffsets[j] - layout.categorical;
    for (let e = 0; e < theta.length; e++) out[off + e] = Math.log(theta[e]);
  });
  return out;
}

/** Free parameters: K · Σ_j (L_j − 1). */
export function categoricalParameters(levels: readonly number[], K: number): number {
  return K * levels.reduce((s, L) => s + L - 1, 0);
}

/**
 * Random class-conditional probabilities, as poLCA starts (`runif` per level, divided by the row
 * sum); a small floor keeps every level possible at the start.
 */
export function randomCategorical(levels: readonly number[], K: number, rng: Rng): Float64Array[] {
  return levels.map((L) => {
    const theta = new Float64Array(K * L);
    for (let k = 0; k < K; k++) {
      let s = 0;
      for (let l = 0; l < L; l++) s += theta[k * L + l] = rng.random() + 1e-3;
      for (let l = 0; l < L; l++) theta[k * L + l] /= s;
    }
    return theta;
  });
}
