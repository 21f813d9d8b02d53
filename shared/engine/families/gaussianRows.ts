/**
 * The Gaussian block's row loops (gaussianBlock.ts explains the model): its log-density, its first
 * moments and its scatter, for rows [start, end). Only rows.ts and state.ts are imported, so the
 * row passes stay free of the model code that derives their parameters.
 */
import type { MixedLayout, MixedRows } from './rows';
import type { DenseGaussianStep, GaussianStep } from './state';

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** lp[i·K + k] += log N(x_i,O | μ_k,O, Σ_k[O,O]) for rows [start, end). */
export function addGaussianLogDensity(
  rows: MixedRows,
  g: GaussianStep,
  start: number,
  end: number,
  K: number,
  lp: Float64Array,
): void {
  const { X, d } = rows;
  if (g.kind === 'diagonal') {
    const { means, invSd, logInvSd } = g;
    for (let i = start; i < end; i++) {
      for (let k = 0; k < K; k++) {
        let s = 0;
        for (let j = 0; j < d; j++) {
          const x = X[i * d + j];
          if (x !== x) continue;
          const z = (x - means[k * d + j]) * invSd[k * d + j];
          s += logInvSd[k * d + j] - HALF_LOG_2PI - 0.5 * z * z;
        }
        lp[i * K + k] += s;
      }
    }
    return;
  }
  // The row's observed cells are gathered once into a contiguous buffer, then centred per class.
  const y = new Float64Array(d);
  const xo = new Float64Array(d);
  const d2 = d * d;
  const { index, means } = g;
  for (let i = start; i < end; i++) {
    const p = rows.pattern ? rows.pattern[i] : 0;
    const o = g.observed[p];
    const io = p * d;
    for (let a = 0; a < o; a++) xo[a] = X[i * d + index[io + a]];
    for (let k = 0; k < K; k++) {
      const at = (p * K + k) * d2;
      for (let a = 0; a < o; a++) y[a] = xo[a] - means[k * d + index[io + a]];
      let q = 0;
      for (let c = 0; c < o; c++) {
        let v = 0;
        for (let a = 0; a <= c; a++) v += y[a] * g.factor[at + a * o + c];
        q += v * v;
      }
      lp[i * K + k] += g.logDet[p * K + k] - o * HALF_LOG_2PI - 0.5 * q;
    }
  }
}

/**
 * x̂ = the row's coordinates with its missing ones filled by E[x_M | x_O, k] (dense block), written
 * to out (d). `y` (d) is scratch.
 */
function filledRow(
  rows: MixedRows,
  g: DenseGaussianStep,
  i: number,
  k: number,
  K: number,
  out: Float64Array,
  y: Float64Array,
): void {
  const { X, d } = rows;
  const p = rows.pattern ? rows.pattern[i] : 0;
  const o = g.observed[p];
  if (o === d) {
    for (let j = 0; j < d; j++) out[j] = X[i * d + j];
    return;
  }
  const { index } = g;
  const io = p * d;
  const at = (p * K + k) * d * d;
  for (let a = 0; a < o; a++) {
    const j = index[io + a];
    out[j] = X[i * d + j];
    y[a] = out[j] - g.means[k * d + j];
  }
  for (let a = 0; a < d - o; a++) {
    const j = index[io + o + a];
    let s = g.means[k * d + j];
    for (let c = 0; c < o; c++) s += g.regress[at + a * o + c] * y[c];
    out[j] = s;
  }
}

/** First moments: Σ w r x (filled), and for the diagonal block Σ w r per observed coordinate. */
export function accumulateGaussian(
  rows: MixedRows,
  g: GaussianStep,
  resp: Float64Array,
  layout: MixedLayout,
  start: number,
  end: number,
  K: number,
  acc: Float64Array,
  slot: number,
): void {
  const { X, d, weights: w } = rows;
  const sum = slot + layout.gaussianSum;
  if (g.kind === 'diagonal') {
    const observed = slot + layout.gaussianObserved;
    for (let i = start; i < end; i++) {
      const wi = w ? w[i] : 1;
      for (let k = 0; k < K; k++) {
        const wr = wi * resp[i * K + k];
        for (let j = 0; j < d; j++) {
          const x = X[i * d + j];
          if (x !== x) continue;
          acc[sum + k * d + j] += wr * x;
          acc[observed + k * d + j] += wr;
        }
      }
    }
    return;
  }
  const xhat = new Float64Array(d);
  const y = new Float64Array(d);
  for (let i = start; i < end; i++) {
    const wi = w ? w[i] : 1;
    for (let k = 0; k < K; k++) {
      const wr = wi * resp[i * K + k];
      filledRow(rows, g, i, k, K, xhat, y);
      for (let j = 0; j < d; j++) acc[sum + k * d + j] += wr * xhat[j];
    }
  }
}

/**
 * Second pass, about the new means: dense Σ w r [(x̂ − μ)(x̂ − μ)ᵀ + C on the missing block]
 * (K × d × d), diagonal Σ w r (x − μ)² over observed cells (K × d). `g` holds the parameters the
 * E-step used (its conditional expectations), `means` the new ones.
 */
export function scatterGaussian(
  rows: MixedRows,
  g: GaussianStep,
  means: Float64Array,
  resp: Float64Array,
  start: number,
  end: number,
  K: number,
  acc: Float64Array,
  slot: number,
): void {
  const { X, d, weights: w } = rows;
  if (g.kind === 'diagonal') {
    for (let i = start; i < end; i++) {
      const wi = w ? w[i] : 1;
      for (let k = 0; k < K; k++) {
        const wr = wi * resp[i * K + k];
        for (let j = 0; j < d; j++) {
          const x = X[i * d + j];
          if (x !== x) continue;
          const t = x - means[k * d + j];
          acc[slot + k * d + j] += wr * t * t;
        }
      }
    }
    return;
  }
  // The scatter is symmetric: the rows add to its upper triangle only (about half the work of
  // the full outer product) and the lower one is copied from it once per call.
  const d2 = d * d;
  const xhat = new Float64Array(d);
  const y = new Float64Array(d);
  const dev = new Float64Array(d);
  const { index } = g;
  for (let i = start; i < end; i++) {
    const wi = w ? w[i] : 1;
    const p = rows.pattern ? rows.pattern[i] : 0;
    const o = g.observed[p];
    const m = d - o;
    const io = p * d + o;
    for (let k = 0; k < K; k++) {
      const wr = wi * resp[i * K + k];
      filledRow(rows, g, i, k, K, xhat, y);
      for (let j = 0; j < d; j++) dev[j] = xhat[j] - means[k * d + j];
      const base = slot + k * d2;
      for (let a = 0; a < d; a++) {
        const t = wr * dev[a];
        for (let c = a, e = base + a * d + a; c < d; c++, e++) acc[e] += t * dev[c];
      }
      if (m === 0) continue;
      // Missing coordinates are listed in increasing order, so a ≤ c stays in the upper triangle.
      const at = (p * K + k) * d2;
      for (let a = 0; a < m; a++) {
        const row = base + index[io + a] * d;
        for (let c = a; c < m; c++) acc[row + index[io + c]] += wr * g.condCov[at + a * m + c];
      }
    }
  }
  for (let k = 0; k < K; k++) {
    const base = slot + k * d2;
    for (let a = 1; a < d; a++) for (let c = 0; c < a; c++) acc[base + a * d + c] = acc[base + c * d + a];
  }
}
