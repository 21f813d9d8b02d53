/**
 * One frame's update of the per-pixel background mixture, for the pixels [start, end) of a band
 * (backgroundOptions.ts names the model and its sources). Per pixel the state is up to K Gaussians
 * with isotropic covariance σ²I over the C channels, kept sorted by weight, heaviest first:
 *
 *   weights    Float32Array, nPixels × K
 *   variances  Float32Array, nPixels × K
 *   means      Float32Array, nPixels × K × C
 *   used       Uint8Array, nPixels (Gaussians in use)
 *
 * For a sample x at learning rate α (Zivkovic & van der Heijden 2006, eqs. 4-7, with the prior c_T):
 *   every weight     w ← (1 − α) w − α c_T
 *   background       x is within `threshold` (squared Mahalanobis, d² = |x − μ|² / σ²) of one of the
 *                    heaviest Gaussians whose weights, before it, sum to less than `backgroundRatio`
 *   match            the first Gaussian, heaviest first, with d² < `matchThreshold` owns x:
 *                    w += α;  μ ← μ + (α / w)(x − μ);  σ² ← σ² + (α / w)(|x − μ|² − σ²), clamped
 *   prune            a Gaussian whose weight fell below α c_T is dropped (as OpenCV does); weights
 *                    are renormalised
 *   new Gaussian     when none matches: μ = x, σ² = varianceInit, weight α (1 when it is the only
 *                    one), replacing the lightest when K are in use
 * Arithmetic is in double; the state is stored as single precision, as OpenCV keeps it.
 *
 * The mask gets 255 for foreground, 0 for background, and SHADOW for a shadow when asked
 * (Prati et al. 2003): x = a·μ with τ ≤ a ≤ 1 for a background Gaussian, |aμ − x|² < threshold·σ²·a².
 */
export const SHADOW = 127;

export interface BackgroundState {
  channels: number;
  K: number;
  weights: Float32Array;
  variances: Float32Array;
  means: Float32Array;
  used: Uint8Array;
}

export interface FrameParams {
  alpha: number;
  threshold: number;
  backgroundRatio: number;
  matchThreshold: number;
  varianceInit: number;
  varianceMin: number;
  varianceMax: number;
  complexityReduction: number;
  shadows: boolean;
  shadowTau: number;
}

export function createBackgroundState(nPixels: number, channels: number, K: number): BackgroundState {
  return {
    channels,
    K,
    weights: new Float32Array(nPixels * K),
    variances: new Float32Array(nPixels * K),
    means: new Float32Array(nPixels * K * channels),
    used: new Uint8Array(nPixels),
  };
}

/** Swaps Gaussians i and j of the pixel whose first Gaussian is at g (means at g × C). */
function swap(s: BackgroundState, g: number, i: number, j: number): void {
  const { weights: w, variances: v, means: m, channels: C } = s;
  let t = w[g + i];
  w[g + i] = w[g + j];
  w[g + j] = t;
  t = v[g + i];
  v[g + i] = v[g + j];
  v[g + j] = t;
  for (let c = 0; c < C; c++) {
    t = m[(g + i) * C + c];
    m[(g + i) * C + c] = m[(g + j) * C + c];
    m[(g + j) * C + c] = t;
  }
}

/**
 * Updates pixels [start, end) of `state` (whose pixel 0 is frame pixel `offset`) with `frame`
 * (nPixels × C bytes, interleaved) and writes their mask bytes into `mask` (frame pixel order).
 */
export function updateBackground(
  s: BackgroundState,
  frame: Uint8Array,
  offset: number,
  start: number,
  end: number,
  p: FrameParams,
  mask: Uint8Array,
): void {
  const { K, channels: C, weights: W, variances: V, means: M, used } = s;
  const alpha = p.alpha;
  const keep = 1 - alpha;
  const prune = -alpha * p.complexityReduction;
  const x = new Float64Array(C);
  for (let q = start; q < end; q++) {
    const g = q * K;
    for (let c = 0; c < C; c++) x[c] = frame[(offset + q) * C + c];
    let n = used[q];
    let background = false;
    let matched = false;
    let total = 0;
    for (let i = 0; i < n; i++) {
      let w = keep * W[g + i] + prune;
      if (!matched) {
        const variance = V[g + i];
        let d2 = 0;
        for (let c = 0; c < C; c++) {
          const d = M[(g + i) * C + c] - x[c];
          d2 += d * d;
        }
        if (total < p.backgroundRatio && d2 < p.threshold * variance) background = true;
        if (d2 < p.matchThreshold * variance) {
          matched = true;
          w += alpha;
          const k = alpha / w;
          for (let c = 0; c < C; c++) M[(g + i) * C + c] -= k * (M[(g + i) * C + c] - x[c]);
          V[g + i] = Math.min(Math.max(variance + k * (d2 - variance), p.varianceMin), p.varianceMax);
          // Only this weight grew: move it up past the lighter ones before it.
          let j = i;
          while (j > 0 && w >= W[g + j - 1]) {
            swap(s, g, j, j - 1);
            j--;
          }
          W[g + j] = w < -prune ? 0 : w;
          total += W[g + j];
          continue;
        }
      }
      W[g + i] = w < -prune ? 0 : w;
      total += W[g + i];
    }
    // Drop the Gaussians the prior pruned (weight 0), keeping the order of the rest.
    let kept = 0;
    for (let i = 0; i < n; i++) {
      if (W[g + i] <= 0) continue;
      if (kept !== i) swap(s, g, kept, i);
      kept++;
    }
    n = kept;
    if (total > 0) for (let i = 0; i < n; i++) W[g + i] /= total;
    if (!matched) {
      const i = n === K ? K - 1 : n++;
      if (n === 1) W[g + i] = 1;
      else {
        W[g + i] = alpha;
        for (let j = 0; j < n; j++) if (j !== i) W[g + j] *= keep;
      }
      for (let c = 0; c < C; c++) M[(g + i) * C + c] = x[c];
      V[g + i] = p.varianceInit;
      let j = i;
      while (j > 0 && W[g + j] >= W[g + j - 1]) {
        swap(s, g, j, j - 1);
        j--;
      }
    }
    used[q] = n;
    mask[offset + q] = background ? 0 : p.shadows && isShadow(s, g, n, x, p) ? SHADOW : 255;
  }
}

function isShadow(s: BackgroundState, g: number, n: number, x: Float64Array, p: FrameParams): boolean {
  const { channels: C, weights: W, variances: V, means: M } = s;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let num = 0;
    let den = 0;
    for (let c = 0; c < C; c++) {
      const mu = M[(g + i) * C + c];
      num += x[c] * mu;
      den += mu * mu;
    }
    if (den === 0) return false;
    if (num <= den && num >= p.shadowTau * den) {
      const a = num / den;
      let d2 = 0;
      for (let c = 0; c < C; c++) {
        const d = a * M[(g + i) * C + c] - x[c];
        d2 += d * d;
      }
      if (d2 < p.threshold * V[g + i] * a * a) return true;
    }
    total += W[g + i];
    if (total > p.backgroundRatio) return false;
  }
  return false;
}

/**
 * The background estimate of pixels [start, end): the weight-averaged mean of the background
 * Gaussians (heaviest first until their weights pass backgroundRatio), rounded to bytes.
 */
export function backgroundEstimate(
  s: BackgroundState,
  offset: number,
  start: number,
  end: number,
  backgroundRatio: number,
  out: Uint8Array,
): void {
  const { K, channels: C, weights: W, means: M, used } = s;
  for (let q = start; q < end; q++) {
    const g = q * K;
    let total = 0;
    const acc = [0, 0, 0];
    for (let i = 0; i < used[q]; i++) {
      for (let c = 0; c < C; c++) acc[c] += W[g + i] * M[(g + i) * C + c];
      total += W[g + i];
      if (total > backgroundRatio) break;
    }
    for (let c = 0; c < C; c++) out[(offset + q) * C + c] = total > 0 ? Math.round(acc[c] / total) : 0;
  }
}
