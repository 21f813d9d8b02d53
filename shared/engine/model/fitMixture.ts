/**
 * fitMixture: a mixture whose columns belong to several families (families/rows.ts) — a Gaussian
 * block, categorical, Poisson and binomial columns — possibly with missing cells and row weights.
 * The same EM loop as fitGaussianMixture (em.ts) with the mixed E- and M-steps (mixtureEm.ts);
 * the result has fitGaussianMixture's shape, the discrete families' parameters in params.discrete.
 *
 * Starts (scikit-learn's init names):
 *   kmeans, k-means++, random_from_data   on the Gaussian block (missing cells at their column
 *                                         mean for the start only); without numeric columns, random
 *                                         class-conditional parameters as poLCA starts
 *   random                                uniform random responsibilities, then an M-step
 *   (default, from the fifth start)       half the starts from small random row subsets
 * Explicit parameters replace the corresponding estimates; when every block is given no random
 * draw is made. A plain Gaussian fit (no other family, no missing cell, no weights) goes through
 * fitGaussianMixture instead, whose numbers are scikit-learn's to the last bits.
 */
import type { FitOptions, FitProgress, FitResult, GaussianMixtureParams } from './types';
import type { RowExecutor, RowJob } from '../compute';
import { chunkCount, createInThreadExecutor } from '../compute';
import { COVARIANCE_MODELS } from './covariance/index';
import { runEmLoop } from './em';
import { mixtureAlgorithm, type MixtureAlgorithm, type MixtureModelSpec } from './mixtureEm';
import { Rng } from './rng';
import { aic, bic, icl } from './criteria';
import { argmaxRows } from './predict';
import { EngineError, cancelledError } from '../../errors';
import { mixedLayout, type MixedRows } from '../families/rows';
import type { MixedState } from '../families/state';
import { categoricalParameters, randomCategorical } from '../families/categorical';
import {
  explicitStart,
  randomGaussian,
  randomResponsibilities,
  shiftRows,
  startFromLabels,
  startMethod,
  subsetResponsibilities,
  withExplicit,
  type MixtureInit,
} from './mixtureStarts';
import { randomPoisson } from '../families/poisson';
import { randomBinomial } from '../families/binomial';

export type { MixtureInit } from './mixtureStarts';

export interface MixtureFitOptions extends Omit<FitOptions, 'initParams'> {
  /** Dirichlet pseudo-count for category probabilities; 0 (default) = maximum likelihood. */
  smoothing?: number;
  initParams?: MixtureInit;
}

export interface MixtureRuntime {
  executor?: RowExecutor;
  signal?: { readonly aborted: boolean };
  onProgress?: (p: FitProgress) => void;
  restartRank?: (state: MixedState) => number;
}

/** Free parameters: K − 1 weights, the Gaussian block's, Σ_j K(L_j − 1), K per count and binomial column. */
export function mixtureParameters(
  rows: Pick<MixedRows, 'd' | 'levels' | 'q' | 'b'>,
  covarianceType: FitOptions['covarianceType'],
  K: number,
): number {
  const gaussian =
    rows.d > 0 ? K * rows.d + COVARIANCE_MODELS[covarianceType].nCovarianceParameters(K, rows.d) : 0;
  return K - 1 + gaussian + categoricalParameters(rows.levels, K) + K * (rows.q + rows.b);
}

export async function fitMixture(
  source: MixedRows,
  options: MixtureFitOptions,
  runtime: MixtureRuntime = {},
): Promise<FitResult> {
  const K = options.nComponents;
  const n = source.nSamples;
  const d = source.d;
  checkRows(source, K);
  const covariance = d > 0 ? COVARIANCE_MODELS[options.covarianceType] : null;
  const executor = runtime.executor ?? createInThreadExecutor();
  const { rows, center } = placeRows(source, executor);
  const layout = mixedLayout(rows, K, covariance?.family === 'dense');
  const stride = Math.max(layout.estepSize, layout.scatterSize);
  const job: RowJob & { mixed: MixedRows } = {
    X: rows.X,
    resp: executor.allocateFloat64(n * K),
    logNorm: executor.allocateFloat64(n),
    labels: executor.allocateInt32(n),
    partials: executor.allocateFloat64(chunkCount(n) * stride),
    nSamples: n,
    nFeatures: d,
    nComponents: K,
    family: covariance?.family ?? 'diagonal',
    mixed: rows,
    stride,
  };
  await executor.bind(job);
  const spec: MixtureModelSpec = {
    nComponents: K,
    covariance,
    regCovar: options.regCovar,
    smoothing: options.smoothing ?? 0,
    overallPoisson: columnMeans(rows.counts, n, rows.q, rows.weights),
    overallBinomial: binomialRates(rows),
  };
  const algorithm = mixtureAlgorithm(job, executor, spec, layout);
  const explicit = explicitStart(options.initParams, center, rows, K, options.covarianceType);
  const rng = new Rng(options.seed);
  const start = startFromLabels(job, executor, rows, K, rng);

  const randomState = (): MixedState => ({
    weights: new Float64Array(K).fill(1 / K),
    gaussian: covariance ? randomGaussian(rows, covariance, K, rng) : null,
    categorical: randomCategorical(rows.levels, K, rng),
    poisson: randomPoisson(spec.overallPoisson, K, rng),
    binomial: randomBinomial(spec.overallBinomial, K, rng),
  });
  const initialise = async (restart: number): Promise<MixedState> => {
    if (explicit.complete) return withExplicit(null, explicit);
    let state: MixedState;
    const method = startMethod(options.init, restart, d > 0);
    if (method === 'random' || method === 'subset') {
      if (method === 'random') randomResponsibilities(job.resp, n, K, rng);
      else subsetResponsibilities(job.resp, n, K, rng);
      state = await algorithm.mStep(await algorithm.respMoments());
    } else if (method === 'parameters') state = randomState();
    else {
      await start(method);
      state = await algorithm.mStep(await algorithm.respMoments());
    }
    return withExplicit(state, explicit);
  };

  const started = Date.now();
  // One class has one optimum: restarts would repeat it.
  const nInit = explicit.complete || K === 1 ? 1 : options.nInit;
  const loop = { signal: runtime.signal, onProgress: runtime.onProgress, restartRank: runtime.restartRank };
  let outcome;
  // A run's max_iter counts the short phase's iterations too, as scikit-learn's max_iter counts
  // every iteration of an initialisation.
  const shortIterations = Math.min(SHORT_ITERATIONS, Math.floor(options.maxIter / 2));
  if (nInit <= 2 || shortIterations < 1) {
    outcome = await runEmLoop({ ...loop, options: { ...options, nInit }, initialise }, algorithm);
  } else {
    // emEM (Biernacki, Celeux & Govaert 2003, "Choosing starting values for the EM algorithm"):
    // many starts run a few iterations, the best fifth of n_init continue to convergence.
    const perRow = K * (d * d + rows.levels.length + rows.q + rows.b + 1);
    const affordable = Math.floor(SHORT_PHASE_BUDGET / (n * perRow * shortIterations));
    const starts = Math.max(nInit, Math.min(SHORT_STARTS_FACTOR * nInit, affordable));
    const short = await shortRuns(starts, shortIterations, initialise, algorithm, runtime);
    const keep = short.slice(0, Math.max(2, Math.ceil(nInit / 5)));
    const continued = await runEmLoop(
      {
        ...loop,
        options: { ...options, nInit: keep.length, maxIter: options.maxIter - shortIterations },
        initialise: async (r) => keep[r].state,
      },
      algorithm,
    );
    // What the analyst reads (iterations, the trace view) is the kept run from its start.
    outcome = {
      ...continued,
      nIter: shortIterations + continued.nIter,
      traces: continued.traces.map((t, r) => concatTraces(keep[r].trace, t)),
    };
  }
  const seconds = (Date.now() - started) / 1000;

  const totalWeight = rows.weights ? rows.weights.reduce((s, w) => s + w, 0) : n;
  const resp = job.resp.slice();
  const logLikelihood = outcome.meanLogLikelihood * totalWeight;
  const p = mixtureParameters(rows, options.covarianceType, K);
  const bicValue = bic(logLikelihood, p, totalWeight);
  const { state } = outcome;
  const params: GaussianMixtureParams = {
    covarianceType: options.covarianceType,
    nComponents: K,
    nFeatures: d,
    weights: state.weights,
    means: state.gaussian ? shiftRows(state.gaussian.means, center, 1) : new Float64Array(0),
    covariances: state.gaussian?.covariances ?? new Float64Array(0),
    precisionsCholesky: state.gaussian?.precisionsCholesky ?? new Float64Array(0),
    discrete: { categorical: state.categorical, poisson: state.poisson, binomial: state.binomial },
  };
  return {
    params,
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
    logDensity: job.logNorm.slice(),
    seconds,
  };
}

/**
 * emEM's short phase: each start runs SHORT_ITERATIONS iterations; there are up to
 * SHORT_STARTS_FACTOR × n_init starts while their estimated work (rows × classes × cells per row ×
 * iterations) stays within SHORT_PHASE_BUDGET, and at least n_init.
 */
const SHORT_ITERATIONS = 20;
const SHORT_STARTS_FACTOR = 5;
const SHORT_PHASE_BUDGET = 1e9;

/** Each start after `iterations` EM iterations, best mean log-likelihood first. */
async function shortRuns(
  nStarts: number,
  iterations: number,
  initialise: (restart: number) => Promise<MixedState>,
  algorithm: MixtureAlgorithm,
  runtime: Pick<MixtureRuntime, 'signal' | 'onProgress'>,
): Promise<{ state: MixedState; lowerBound: number; trace: Float64Array }[]> {
  const runs: { state: MixedState; lowerBound: number; trace: Float64Array }[] = [];
  for (let r = 0; r < nStarts; r++) {
    let state = await initialise(r);
    let lowerBound = -Infinity;
    const trace = new Float64Array(iterations);
    for (let it = 0; it < iterations; it++) {
      if (runtime.signal?.aborted) throw cancelledError('fit');
      const moments = await algorithm.eStep(state);
      state = await algorithm.mStep(moments);
      lowerBound = moments.meanLogNorm;
      trace[it] = lowerBound;
      runtime.onProgress?.({
        restart: r,
        nRestarts: nStarts,
        iteration: it + 1,
        maxIter: iterations,
        lowerBound,
      });
    }
    runs.push({ state, lowerBound, trace });
  }
  return runs.sort((a, b) => b.lowerBound - a.lowerBound);
}

function concatTraces(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function checkRows(rows: MixedRows, K: number): void {
  const n = rows.nSamples;
  if (n < 2)
    throw new EngineError('too_few_samples', `A mixture needs at least 2 rows (got ${n}).`, { nSamples: n });
  if (n < K)
    throw new EngineError('too_few_samples', `There are fewer rows (${n}) than components (${K}).`, {
      nSamples: n,
      nComponents: K,
    });
  const constant: number[] = [];
  for (let j = 0; j < rows.d; j++) {
    let first = NaN;
    let varies = false;
    for (let i = 0; i < n && !varies; i++) {
      const x = rows.X[i * rows.d + j];
      if (x !== x) continue;
      if (first !== first) first = x;
      else varies = x !== first;
    }
    if (!varies) constant.push(j);
  }
  if (constant.length > 0)
    throw new EngineError(
      'constant_column',
      `Column ${constant.map((c) => c + 1).join(', ')} has the same value in every row where it is observed, so every component's ` +
        'covariance would be singular there (held up only by reg_covar). Remove the column or choose other columns.',
      { columns: constant },
    );
}

/**
 * The rows in the executor's memory (shared with its threads), the Gaussian block centred on its
 * observed column means (EM is translation-equivariant; rounding then acts on the spread, not the
 * offset, as in fit.ts).
 */
function placeRows(source: MixedRows, executor: RowExecutor): { rows: MixedRows; center: Float64Array } {
  const { nSamples: n, d } = source;
  const f64 = (a: Float64Array): Float64Array => {
    const out = executor.allocateFloat64(a.length);
    out.set(a);
    return out;
  };
  const i32 = (a: Int32Array): Int32Array => {
    const out = executor.allocateInt32(a.length);
    out.set(a);
    return out;
  };
  const center = columnMeans(source.X, n, d, null);
  const X = executor.allocateFloat64(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) X[i * d + j] = source.X[i * d + j] - center[j];
  return {
    center,
    rows: {
      ...source,
      X,
      pattern: source.pattern && i32(source.pattern),
      codes: i32(source.codes),
      counts: f64(source.counts),
      successes: f64(source.successes),
      trials: f64(source.trials),
      rowConstant: source.rowConstant && f64(source.rowConstant),
      weights: source.weights && f64(source.weights),
    },
  };
}

/** Weighted means of the observed cells of each column of an n × c matrix. */
function columnMeans(A: Float64Array, n: number, c: number, weights: Float64Array | null): Float64Array {
  const sum = new Float64Array(c);
  const count = new Float64Array(c);
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i] : 1;
    for (let j = 0; j < c; j++) {
      const x = A[i * c + j];
      if (x !== x) continue;
      sum[j] += w * x;
      count[j] += w;
    }
  }
  return sum.map((s, j) => (count[j] > 0 ? s / count[j] : 0));
}

function binomialRates(rows: MixedRows): Float64Array {
  const { nSamples: n, b } = rows;
  const x = new Float64Array(b);
  const t = new Float64Array(b);
  for (let i = 0; i < n; i++) {
    const w = rows.weights ? rows.weights[i] : 1;
    for (let j = 0; j < b; j++) {
      const s = rows.successes[i * b + j];
      const m = rows.trials[i * b + j];
      if (s !== s || m !== m) continue;
      x[j] += w * s;
      t[j] += w * m;
    }
  }
  return x.map((v, j) => (t[j] > 0 ? v / t[j] : 0.5));
}
