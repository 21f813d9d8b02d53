/**
 * The expected value of each missing cell given the row's observed cells under a fitted mixture:
 * the mixture over classes, weighted by the row's responsibilities r_ik (which already condition on
 * every observed cell of the row),
 *
 *   Gaussian   E[x_j | x_O] = Σ_k r_ik E[x_j | x_O, k]: μ_kj for independent coordinates (diagonal
 *              block), μ_kM + Σ_k[M,O] Σ_k[O,O]⁻¹ (x_O − μ_kO) for a dense block (Little & Rubin,
 *              ch. 11)
 *   Poisson    Σ_k r_ik λ_kj
 *   binomial   n_ij Σ_k r_ik p_kj (when the row's number of trials is known)
 *   category   the most probable level, argmax_l Σ_k r_ik θ_kjl (first on ties)
 *
 * in the model's units (the caller undoes standardisation and logs). Nothing here feeds a fit: it
 * is for export and display.
 */
import type { GaussianMixtureParams } from '../model/types';
import { COVARIANCE_MODELS } from '../model/covariance/index';
import { gaussianStep } from './gaussianBlock';
import type { MixedRows } from './rows';

export interface Imputed {
  /** nSamples × d: the Gaussian block with its missing cells filled (observed cells unchanged). */
  X: Float64Array;
  /** nSamples × m: category codes, missing ones filled with the most probable level. */
  codes: Int32Array;
  /** nSamples × q and nSamples × b (NaN where the trials are unknown). */
  counts: Float64Array;
  successes: Float64Array;
  /** Cells filled, per block (1 = imputed), same layouts. */
  filledX: Uint8Array;
  filledCodes: Uint8Array;
  filledCounts: Uint8Array;
  filledSuccesses: Uint8Array;
}

/** rows: the model's rows (raw units of the fit); resp: their nSamples × K responsibilities. */
export function imputeMissing(params: GaussianMixtureParams, rows: MixedRows, resp: Float64Array): Imputed {
  const { nSamples: n, d, q, b } = rows;
  const m = rows.levels.length;
  const K = params.nComponents;
  const out: Imputed = {
    X: Float64Array.from(rows.X),
    codes: Int32Array.from(rows.codes),
    counts: Float64Array.from(rows.counts),
    successes: Float64Array.from(rows.successes),
    filledX: new Uint8Array(n * d),
    filledCodes: new Uint8Array(n * m),
    filledCounts: new Uint8Array(n * q),
    filledSuccesses: new Uint8Array(n * b),
  };
  if (d > 0) imputeGaussian(params, rows, resp, out);
  const discrete = params.discrete;
  if (!discrete) return out;
  for (let i = 0; i < n; i++) {
    const r = resp.subarray(i * K, i * K + K);
    discrete.categorical.forEach((theta, j) => {
      if (rows.codes[i * m + j] >= 0) return;
      const L = rows.levels[j];
      let best = 0;
      let bestP = -Infinity;
      for (let l = 0; l < L; l++) {
        let p = 0;
        for (let k = 0; k < K; k++) p += r[k] * theta[k * L + l];
        if (p > bestP) {
          bestP = p;
          best = l;
        }
      }
      out.codes[i * m + j] = best;
      out.filledCodes[i * m + j] = 1;
    });
    for (let j = 0; j < q; j++) {
      if (rows.counts[i * q + j] === rows.counts[i * q + j]) continue;
      let e = 0;
      for (let k = 0; k < K; k++) e += r[k] * discrete.poisson[k * q + j];
      out.counts[i * q + j] = e;
      out.filledCounts[i * q + j] = 1;
    }
    for (let j = 0; j < b; j++) {
      const trials = rows.trials[i * b + j];
      if (rows.successes[i * b + j] === rows.successes[i * b + j] || trials !== trials) continue;
      let p = 0;
      for (let k = 0; k < K; k++) p += r[k] * discrete.binomial[k * b + j];
      out.successes[i * b + j] = trials * p;
      out.filledSuccesses[i * b + j] = 1;
    }
  }
  return out;
}

function imputeGaussian(
  params: GaussianMixtureParams,
  rows: MixedRows,
  resp: Float64Array,
  out: Imputed,
): void {
  const { nSamples: n, d, X } = rows;
  const K = params.nComponents;
  const model = COVARIANCE_MODELS[params.covarianceType];
  const step = gaussianStep(
    { means: params.means, covariances: params.covariances, precisionsCholesky: params.precisionsCholesky },
    model,
    rows,
    K,
  );
  if (typeof step === 'number')
    throw new Error(`imputeMissing: component ${step + 1}'s covariance is singular`);
  const y = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    let missing = false;
    for (let j = 0; j < d; j++) if (X[i * d + j] !== X[i * d + j]) missing = true;
    if (!missing) continue;
    for (let j = 0; j < d; j++) if (X[i * d + j] !== X[i * d + j]) out.X[i * d + j] = 0;
    for (let k = 0; k < K; k++) {
      const r = resp[i * K + k];
      if (step.kind === 'diagonal') {
        for (let j = 0; j < d; j++)
          if (X[i * d + j] !== X[i * d + j]) out.X[i * d + j] += r * params.means[k * d + j];
        continue;
      }
      // Dense block: the conditional mean from the row's pattern (gaussianBlock.ts's factors).
      const p = rows.pattern ? rows.pattern[i] : 0;
      const o = step.observed[p];
      const idx = step.index.subarray(p * d, p * d + d);
      const at = (p * K + k) * d * d;
      for (let a = 0; a < o; a++) y[a] = X[i * d + idx[a]] - params.means[k * d + idx[a]];
      for (let a = 0; a < d - o; a++) {
        let v = params.means[k * d + idx[o + a]];
        for (let c = 0; c < o; c++) v += step.regress[at + a * o + c] * y[c];
        out.X[i * d + idx[o + a]] += r * v;
      }
    }
    for (let j = 0; j < d; j++) if (X[i * d + j] !== X[i * d + j]) out.filledX[i * d + j] = 1;
  }
}
