/**
 * fitGaussianMixture: the engine's entry point. Validates once, centres the data, runs EM through
 * a RowExecutor (in-thread unless the caller passes the worker-thread one) and assembles the
 * FitResult with scikit-learn's definitions (score, BIC, AIC) plus ICL.
 *
 * The fit runs on the column-centred copy X − x̄ (EM is translation-equivariant: the means shift by
 * x̄, everything else is unchanged). Rounding then acts on the spread of the data instead of its
 * offset, so a column at 1e9 + small noise fits as accurately as the same noise at 0.
 */
import type { FitOptions, FitProgress, FitResult } from './types';
import { isMclustName } from './types';
import type { RowExecutor, RowJob } from '../compute';
import { chunkCount, createInThreadExecutor, partialStride } from '../compute';
import { mclustStopping, runEm, sklearnStopping, type MixtureState } from './em';
import { makeInitialiser } from './init';
import { Rng } from './rng';
import { validateFit } from './validate';
import { aic, bic, icl, nParameters } from './criteria';
import { argmaxRows } from './predict';
import { SUBSET_ROWS, hcLabels } from './hc/hcStart';
import { EngineError } from '../../errors';

export interface FitRuntime {
  /** Where row work runs; default: this thread. */
  executor?: RowExecutor;
  /** Checked between iterations; when aborted the fit throws EngineError('cancelled'). */
  signal?: { readonly aborted: boolean };
  /** Called once per EM iteration. */
  onProgress?: (p: FitProgress) => void;
  /** Ranks restarts before their lower bound (EmContext.restartRank); plain fits leave it out. */
  restartRank?: (state: MixtureState) => number;
  /**
   * Classifications (n labels in 0 … K − 1, −1 for a row left out) to run EM from, once each,
   * instead of options.init's restarts: the sweep's shared hierarchical start, or a start given
   * by a caller (init.ts).
   */
  labelStarts?: readonly Int32Array[];
  /**
   * When EM stops: scikit-learn's |Δ mean log-likelihood| < tol (default), or mclust's
   * |ΔL| ≤ tol · (1 + |L|) on the total log-likelihood L, to reproduce mclust's numbers.
   */
  convergence?: 'scikit-learn' | 'mclust';
}

export async function fitGaussianMixture(
  X: Float64Array,
  nSamples: number,
  nFeatures: number,
  options: FitOptions,
  runtime: FitRuntime = {},
): Promise<FitResult> {
  const { model, explicit } = validateFit(X, nSamples, nFeatures, options);
  const n = nSamples;
  const d = nFeatures;
  const K = options.nComponents;
  const executor = runtime.executor ?? createInThreadExecutor();

  const center = columnMeans(X, n, d);
  const Xc = executor.allocateFloat64(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) Xc[i * d + j] = X[i * d + j] - center[j];
  const job: RowJob = {
    X: Xc,
    resp: executor.allocateFloat64(n * K),
    logNorm: executor.allocateFloat64(n),
    labels: executor.allocateInt32(n),
    partials: executor.allocateFloat64(chunkCount(n) * partialStride(K, d)),
    nSamples: n,
    nFeatures: d,
    nComponents: K,
    family: model.family,
  };
  await executor.bind(job);
  if (explicit.means) explicit.means = shiftRows(explicit.means, center, -1);

  const fullyExplicit = Boolean(explicit.weights && explicit.means && explicit.precisionsCholesky);
  const labelStarts =
    runtime.labelStarts ??
    (options.init === 'hc' && !fullyExplicit ? hierarchicalStarts(X, n, d, options) : []);
  const nInit = fullyExplicit ? 1 : labelStarts.length > 0 ? labelStarts.length : options.nInit;
  const emOptions = { ...options, nInit };
  const base = {
    model,
    job,
    executor,
    options: emOptions,
    signal: runtime.signal,
    onProgress: runtime.onProgress,
  };
  const started = Date.now(); // EM only: initialisation, iterations and the final E-step
  const outcome = await runEm({
    ...base,
    initialise: makeInitialiser(base, options.init, explicit, new Rng(options.seed), labelStarts),
    restartRank: runtime.restartRank,
    stopping:
      runtime.convergence === 'mclust' ? mclustStopping(options.tol, n) : sklearnStopping(options.tol),
    // mclust's models (by their mclust names) keep their best iterate (em.ts), except when
    // reproducing mclust's run itself; scikit-learn's names keep scikit-learn's EM exactly.
    keepBestIterate: isMclustName(options.covarianceType) && runtime.convergence !== 'mclust',
  });
  const seconds = (Date.now() - started) / 1000;

  const resp = job.resp.slice();
  const logDensity = job.logNorm.slice();
  const logLikelihood = outcome.meanLogLikelihood * n;
  const p = nParameters(options.covarianceType, K, d);
  const bicValue = bic(logLikelihood, p, n);
  const { state } = outcome;
  return {
    params: {
      covarianceType: options.covarianceType,
      nComponents: K,
      nFeatures: d,
      weights: state.weights,
      means: shiftRows(state.means, center, 1),
      covariances: state.covariances,
      precisionsCholesky: state.precisionsCholesky,
    },
    converged: outcome.converged,
    nIter: outcome.nIter,
    lowerBound: outcome.lowerBound,
    meanLogLikelihood: outcome.meanLogLikelihood,
    logLikelihood,
    nParameters: p,
    bic: bicValue,
    aic: aic(logLikelihood, p),
    icl: icl(bicValue, resp),
    traces: outcome.traces,
    bestRestart: outcome.bestRestart,
    labels: argmaxRows(resp, n, K),
    resp,
    logDensity,
    seconds,
  };
}

/**
 * init 'hc': mclust's hierarchical start (hc/hcStart.ts). It is deterministic, so one start; above
 * hcStart's subset size, n_init starts from subsets drawn with seeds seed, seed + 1, …
 */
function hierarchicalStarts(X: Float64Array, n: number, d: number, options: FitOptions): Int32Array[] {
  const K = options.nComponents;
  const count = n > SUBSET_ROWS ? options.nInit : 1;
  return Array.from({ length: count }, (_, r) => {
    const labels = hcLabels(X, n, d, K, (options.seed + r) % 2 ** 32);
    if (!labels)
      throw new EngineError(
        'too_many_components',
        `The hierarchical start (init hc) finds fewer than ${K} groups in these data.`,
        { nComponents: K },
      );
    return labels;
  });
}

function columnMeans(X: Float64Array, n: number, d: number): Float64Array {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += X[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= n;
  return mean;
}

/** rows (K × d) + sign · center, as a new array. */
function shiftRows(rows: Float64Array, center: Float64Array, sign: 1 | -1): Float64Array {
  const d = center.length;
  const out = new Float64Array(rows.length);
  for (let e = 0; e < rows.length; e++) out[e] = rows[e] + sign * center[e % d];
  return out;
}
