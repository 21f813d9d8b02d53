/**
 * The Gaussian block of a mixed-type mixture: the numeric columns together, with any covariance
 * model, possibly with missing cells (missing at random), possibly weighted rows.
 *
 * Diagonal block (diag, spherical): coordinates are independent within a class, so a missing cell
 * simply drops out of its row's density and the M-step averages over the observed cells of each
 * coordinate (exact EM with the class labels as the only missing data):
 *   log p(x_i | k) = Σ_{j observed} [log(1/σ_kj) − ½ log 2π − ½ ((x_ij − μ_kj)/σ_kj)²]
 *   μ_kj = Σ_i w r x_ij / Σ_i w r,  σ²_kj = Σ_i w r (x_ij − μ_kj)² / Σ_i w r  (+ reg_covar),
 *   sums over the rows where x_ij is observed; spherical pools the coordinates.
 *
 * Dense block (full, tied): each row's density is the Gaussian marginal over its observed
 * coordinates O; the M-step uses the expected sufficient statistics, filling x_M with
 * E[x_M | x_O, k] = μ_M + B (x_O − μ_O) and adding the conditional covariance C to the scatter
 * (Ghahramani & Jordan 1994; Little & Rubin ch. 11). Both passes look the row's pattern up in the
 * step parameters (state.ts, DenseGaussianStep). Without missing cells this is the ordinary M-step:
 * μ_k = Σ w r x / nk, Σ_k from the weighted scatter about μ_k, as scikit-learn's.
 */
import type { CovarianceModel } from '../model/covariance/model';
import { precisionCholeskyFromCovariance } from '../model/linalg';
import type { MixedLayout, MixedRows } from './rows';
import type { DenseGaussianStep, DiagonalGaussianStep, GaussianState, GaussianStep } from './state';

/** scikit-learn's 10·ε added to every nk, so an empty class divides safely. */
const TINY = 10 * 2.220446049250313e-16;

/** What the row loops need from the block's parameters (once per iteration, on the coordinator). */
export function gaussianStep(
  state: GaussianState,
  model: CovarianceModel,
  rows: MixedRows,
  K: number,
): GaussianStep | number {
  const d = rows.d;
  if (model.family === 'diagonal') {
    const invSd = model.kernelFactors(state.precisionsCholesky, K, d);
    const logInvSd = invSd.map(Math.log);
    return { kind: 'diagonal', means: state.means, invSd, logInvSd } satisfies DiagonalGaussianStep;
  }
  return denseGaussianStep(
    state.means,
    (k, out) => model.denseCovariance(state.covariances, k, d, out),
    rows,
    K,
  );
}

/**
 * The dense block's per-pattern factors (state.ts, DenseGaussianStep) for the given means and
 * covariances (`covariance(k, out)` writes Σ_k as d × d). Returns the index of a component whose
 * observed sub-covariance is not positive definite instead.
 */
export function denseGaussianStep(
  means: Float64Array,
  covariance: (k: number, out: Float64Array) => void,
  rows: MixedRows,
  K: number,
): DenseGaussianStep | number {
  const d = rows.d;
  const nPatterns = rows.pattern ? rows.patterns.length / d : 1;
  const masks = rows.pattern ? rows.patterns : new Uint8Array(d).fill(1);
  const d2 = d * d;
  const step: DenseGaussianStep = {
    kind: 'dense',
    means,
    nPatterns,
    observed: new Int32Array(nPatterns),
    index: new Int32Array(nPatterns * d),
    factor: new Float64Array(nPatterns * K * d2),
    regress: new Float64Array(nPatterns * K * d2),
    condCov: new Float64Array(nPatterns * K * d2),
    logDet: new Float64Array(nPatterns * K),
  };
  const sigma = new Float64Array(d2);
  const sub = new Float64Array(d2);
  const work = new Float64Array(d2);
  const T = new Float64Array(d2);
  for (let p = 0; p < nPatterns; p++) {
    const idx = step.index.subarray(p * d, p * d + d);
    let o = 0;
    for (let j = 0; j < d; j++) if (masks[p * d + j]) idx[o++] = j;
    step.observed[p] = o;
    for (let j = 0, m = o; j < d; j++) if (!masks[p * d + j]) idx[m++] = j;
    const m = d - o;
    for (let k = 0; k < K; k++) {
      const at = (p * K + k) * d2;
      covariance(k, sigma);
      for (let a = 0; a < o; a++) for (let c = 0; c < o; c++) sub[a * o + c] = sigma[idx[a] * d + idx[c]];
      if (o > 0 && !precisionCholeskyFromCovariance(sub, 0, o, step.factor, at, work)) return k;
      let logDet = 0;
      for (let a = 0; a < o; a++) logDet += Math.log(step.factor[at + a * o + a]);
      step.logDet[p * K + k] = logDet;
      if (m === 0) continue;
      // T = Σ_MO U (m × o); B = T Uᵀ = Σ_MO Σ_OO⁻¹; C = Σ_MM − T Tᵀ.
      for (let a = 0; a < m; a++)
        for (let c = 0; c < o; c++) {
          let s = 0;
          for (let e = 0; e <= c; e++) s += sigma[idx[o + a] * d + idx[e]] * step.factor[at + e * o + c];
          T[a * o + c] = s;
        }
      for (let a = 0; a < m; a++)
        for (let c = 0; c < o; c++) {
          let s = 0;
          for (let e = c; e < o; e++) s += T[a * o + e] * step.factor[at + c * o + e];
          step.regress[at + a * o + c] = s;
        }
      for (let a = 0; a < m; a++)
        for (let c = 0; c < m; c++) {
          let s = sigma[idx[o + a] * d + idx[o + c]];
          for (let e = 0; e < o; e++) s -= T[a * o + e] * T[c * o + e];
          step.condCov[at + a * m + c] = s;
        }
    }
  }
  return step;
}

/** New means (from the reduced first moments and nk), before the scatter pass. */
export function gaussianMeans(
  reduced: Float64Array,
  layout: MixedLayout,
  nk: Float64Array,
  d: number,
  K: number,
  diagonal: boolean,
): Float64Array {
  const means = new Float64Array(K * d);
  for (let k = 0; k < K; k++)
    for (let j = 0; j < d; j++) {
      const n = diagonal ? reduced[layout.gaussianObserved + k * d + j] + TINY : nk[k];
      means[k * d + j] = reduced[layout.gaussianSum + k * d + j] / n;
    }
  return means;
}

/**
 * Covariances from the scatter. Diagonal block: per-coordinate denominators (the observed cells'
 * Σ w r), pooled over coordinates for spherical; dense block: the covariance model's own estimate.
 * Returns the state, or the index of a component whose covariance is singular even with reg_covar.
 */
export function gaussianCovariances(
  scatter: Float64Array,
  reduced: Float64Array,
  layout: MixedLayout,
  nk: Float64Array,
  means: Float64Array,
  model: CovarianceModel,
  regCovar: number,
  d: number,
  K: number,
): GaussianState | number {
  let covariances: Float64Array;
  if (model.family === 'diagonal') {
    const n = (k: number, j: number) => reduced[layout.gaussianObserved + k * d + j] + TINY;
    if (model.type === 'spherical') {
      covariances = new Float64Array(K);
      for (let k = 0; k < K; k++) {
        let s = 0;
        let total = 0;
        for (let j = 0; j < d; j++) {
          s += scatter[k * d + j];
          total += n(k, j);
        }
        covariances[k] = s / total + regCovar;
      }
    } else if (model.type === 'diag') {
      covariances = new Float64Array(K * d);
      for (let k = 0; k < K; k++)
        for (let j = 0; j < d; j++) covariances[k * d + j] = scatter[k * d + j] / n(k, j) + regCovar;
    } else {
      covariances = model.fromScatter(scatter, nk, regCovar, K, d);
    }
  } else {
    covariances = model.fromScatter(scatter, nk, regCovar, K, d);
  }
  const precisionsCholesky = model.precisionCholesky(covariances, K, d);
  if (typeof precisionsCholesky === 'number') return precisionsCholesky;
  return { means, covariances, precisionsCholesky };
}
