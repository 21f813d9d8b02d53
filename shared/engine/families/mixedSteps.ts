/**
 * The two row passes of a mixed-type mixture's EM iteration, run chunk by chunk like the Gaussian
 * kernels (compute/steps.ts dispatches them; any thread may run any chunk, the coordinator adds
 * the chunks' statistics in chunk order, so the thread count never changes a bit):
 *
 *   E-step   log p_ik = log w_k + Σ_blocks log p_b(x_i | k); log p(x_i) by log-sum-exp with the
 *            row maximum (plus the row's base-measure constant); r_ik; then every block's
 *            sufficient statistics weighted by w_i r_ik.
 *   scatter  the Gaussian block's second moments about the new means (only when there is one).
 *
 * Rows go through in blocks so a block's log-probabilities stay in cache between the families.
 */
import { addBinomialLogDensity, accumulateBinomial } from './binomial';
import { addCategoricalLogDensity, accumulateCategorical } from './categorical';
import { accumulateGaussian, addGaussianLogDensity, scatterGaussian } from './gaussianRows';
import { accumulatePoisson, addPoissonLogDensity } from './poisson';
import type { MixedLayout, MixedRows } from './rows';
import type { GaussianStep, MixedEStepParams } from './state';

const BLOCK = 256;

/** The arrays of a mixed fit the passes read and write. */
export interface MixedJob {
  mixed: MixedRows;
  /** nSamples × K: log-probabilities during the pass, responsibilities after it. */
  resp: Float64Array;
  /** nSamples: log p(x_i). */
  logNorm: Float64Array;
  partials: Float64Array;
  nComponents: number;
}

export function mixedEStep(
  job: MixedJob,
  params: MixedEStepParams,
  layout: MixedLayout,
  start: number,
  end: number,
  slot: number,
): void {
  const { mixed: rows, resp, logNorm, partials: acc, nComponents: K } = job;
  acc.fill(0, slot, slot + layout.estepSize);
  let total = 0;
  for (let b = start; b < end; b += BLOCK) {
    const e = Math.min(end, b + BLOCK);
    for (let i = b; i < e; i++) resp.set(params.logWeights, i * K);
    if (params.gaussian) addGaussianLogDensity(rows, params.gaussian, b, e, K, resp);
    if (rows.levels.length > 0) addCategoricalLogDensity(rows, params.categoricalLog, layout, b, e, K, resp);
    if (rows.q > 0) addPoissonLogDensity(rows, params.poissonLogRate, params.poissonRate, b, e, K, resp);
    if (rows.b > 0) addBinomialLogDensity(rows, params.binomialLogP, params.binomialLog1mP, b, e, K, resp);
    total = normaliseRows(rows, resp, logNorm, b, e, K, acc, slot + layout.nk, total);
    if (params.gaussian) accumulateGaussian(rows, params.gaussian, resp, layout, b, e, K, acc, slot);
    if (rows.levels.length > 0) accumulateCategorical(rows, resp, layout, b, e, K, acc, slot);
    if (rows.q > 0) accumulatePoisson(rows, resp, layout, b, e, K, acc, slot);
    if (rows.b > 0) accumulateBinomial(rows, resp, layout, b, e, K, acc, slot);
  }
  acc[slot] = total;
}

/**
 * Log-sum-exp of each row's log-probabilities into responsibilities (scikit-learn's
 * _estimate_log_prob_resp); adds w_i r_ik to nk and returns total + Σ_i w_i log p(x_i). A row that
 * no class can explain (every log-probability −∞: a zero probability met in every class) is shared
 * evenly and makes the log-likelihood −∞ rather than NaN.
 */
function normaliseRows(
  rows: MixedRows,
  resp: Float64Array,
  logNorm: Float64Array,
  start: number,
  end: number,
  K: number,
  acc: Float64Array,
  nkOff: number,
  total: number,
): number {
  const w = rows.weights;
  const constant = rows.rowConstant;
  for (let i = start; i < end; i++) {
    const ro = i * K;
    const wi = w ? w[i] : 1;
    let max = -Infinity;
    for (let k = 0; k < K; k++) if (resp[ro + k] > max) max = resp[ro + k];
    if (max === -Infinity) {
      for (let k = 0; k < K; k++) {
        resp[ro + k] = 1 / K;
        acc[nkOff + k] += wi / K;
      }
      logNorm[i] = -Infinity;
      total += -Infinity;
      continue;
    }
    let sum = 0;
    for (let k = 0; k < K; k++) sum += resp[ro + k] = Math.exp(resp[ro + k] - max);
    const lse = max + Math.log(sum) + (constant ? constant[i] : 0);
    logNorm[i] = lse;
    total += wi * lse;
    for (let k = 0; k < K; k++) {
      const r = resp[ro + k] / sum;
      resp[ro + k] = r;
      acc[nkOff + k] += wi * r;
    }
  }
  return total;
}

/**
 * The statistics of the responsibilities already in job.resp, without an E-step: how a start from
 * a labelling (k-means, random responsibilities) reaches its first M-step. `gaussian` fills the
 * missing cells of a dense block (initialGaussianStep in mixtureEm.ts).
 */
export function mixedMoments(
  job: MixedJob,
  gaussian: GaussianStep | null,
  layout: MixedLayout,
  start: number,
  end: number,
  slot: number,
): void {
  const { mixed: rows, resp, partials: acc, nComponents: K } = job;
  acc.fill(0, slot, slot + layout.estepSize);
  const w = rows.weights;
  for (let i = start; i < end; i++) {
    const wi = w ? w[i] : 1;
    for (let k = 0; k < K; k++) acc[slot + layout.nk + k] += wi * resp[i * K + k];
  }
  if (gaussian) accumulateGaussian(rows, gaussian, resp, layout, start, end, K, acc, slot);
  if (rows.levels.length > 0) accumulateCategorical(rows, resp, layout, start, end, K, acc, slot);
  if (rows.q > 0) accumulatePoisson(rows, resp, layout, start, end, K, acc, slot);
  if (rows.b > 0) accumulateBinomial(rows, resp, layout, start, end, K, acc, slot);
}

export function mixedScatter(
  job: MixedJob,
  gaussian: GaussianStep,
  means: Float64Array,
  layout: MixedLayout,
  start: number,
  end: number,
  slot: number,
): void {
  job.partials.fill(0, slot, slot + layout.scatterSize);
  scatterGaussian(job.mixed, gaussian, means, job.resp, start, end, job.nComponents, job.partials, slot);
}
