/**
 * How a mixed-type fit (fitMixture.ts) starts each restart: which method restart r uses, k-means on
 * the Gaussian block's rows, random parameters for every family, random responsibilities, and the
 * explicitly given parts of a start placed into the state.
 */
import type { FitOptions } from './types';
import type { RowExecutor, RowJob } from '../compute';
import { chunkCount, partialStride } from '../compute';
import type { CovarianceModel } from './covariance/model';
import { COVARIANCE_MODELS } from './covariance/index';
import { assign, kmeansPlusPlus, lloyd } from './kmeans';
import type { Rng } from './rng';
import { EngineError } from '../../errors';
import type { MixedRows } from '../families/rows';
import type { MixedState } from '../families/state';

/** Explicit starting values; categorical[j] is K × L_j, poisson K × q, binomial K × b. */
export interface MixtureInit {
  weights?: Float64Array;
  /** K × d, in the data's coordinates. */
  means?: Float64Array;
  covariances?: Float64Array;
  categorical?: Float64Array[];
  poisson?: Float64Array;
  binomial?: Float64Array;
}

/**
 * How restart r starts. A mixed model's default ('kmeans') varies the start from restart to
 * restart, because k-means sees only the numeric columns: Lloyd's k-means first, then k-means++
 * seeds, K random rows, random parameters for every family (poLCA's start), then four starts from
 * small random subsets of rows (subsetResponsibilities), in turn. Without numeric columns the
 * first four of every eight are random parameters, the rest subsets. The k-means family of starts
 * alone is not diverse enough: on MASS::survey at K = 4 none of 200 such starts, even run to
 * convergence, reaches VarSelLCM's optimum, while about 3 in 100 subset starts do. Other methods
 * are used as named.
 */
export function startMethod(
  init: FitOptions['init'],
  restart: number,
  hasGaussian: boolean,
): 'kmeans' | 'k-means++' | 'random_from_data' | 'random' | 'parameters' | 'subset' {
  if (init === 'random') return 'random';
  if (hasGaussian && init !== 'kmeans' && init !== 'hc') return init;
  // 'hc' (mclust's hierarchical start) is for Gaussian data: a mixed model starts as for 'kmeans'.
  if (restart % 8 >= 4) return 'subset';
  if (!hasGaussian) return 'parameters';
  const cycle = ['kmeans', 'k-means++', 'random_from_data', 'parameters'] as const;
  return cycle[restart % cycle.length];
}

/**
 * A start from the Gaussian block's k-means (or k-means++ / random rows) labels, written to
 * job.resp as hard responsibilities. k-means runs on its own job over the block (missing cells at
 * the column mean, 0 once centred); the mixed job is bound again afterwards.
 */
export function startFromLabels(
  job: RowJob & { mixed: MixedRows },
  executor: RowExecutor,
  rows: MixedRows,
  K: number,
  rng: Rng,
): (method: 'kmeans' | 'k-means++' | 'random_from_data') => Promise<void> {
  const { nSamples: n, d } = rows;
  let kmeansJob: RowJob | null = null;
  return async (method) => {
    if (!kmeansJob) {
      let X = rows.X;
      if (X.some((x) => x !== x)) {
        X = executor.allocateFloat64(n * d);
        for (let e = 0; e < n * d; e++) X[e] = rows.X[e] === rows.X[e] ? rows.X[e] : 0;
      }
      kmeansJob = {
        ...job,
        X,
        partials: executor.allocateFloat64(chunkCount(n) * partialStride(K, d)),
        family: 'diagonal',
        mixed: undefined,
        stride: undefined,
      };
    }
    await executor.bind(kmeansJob);
    let centers: Float64Array;
    if (method === 'random_from_data') {
      centers = new Float64Array(K * d);
      for (let k = 0; k < K; k++) {
        const row = rng.int(n);
        centers.set(kmeansJob.X.subarray(row * d, row * d + d), k * d);
      }
    } else centers = kmeansPlusPlus(kmeansJob.X, n, d, K, rng);
    if (method === 'kmeans') await lloyd(kmeansJob, executor, centers, rng);
    else await assign(kmeansJob, executor, centers);
    job.resp.fill(0);
    for (let i = 0; i < n; i++) job.resp[i * K + kmeansJob.labels[i]] = 1;
    await executor.bind(job);
  };
}

/**
 * A random Gaussian start: K distinct random rows' observed cells as means (0, the column mean,
 * where missing), every class with the columns' overall variances and no correlation.
 */
export function randomGaussian(
  rows: MixedRows,
  model: CovarianceModel,
  K: number,
  rng: Rng,
): MixedState['gaussian'] {
  const { X, d, nSamples: n } = rows;
  const means = new Float64Array(K * d);
  for (let k = 0; k < K; k++) {
    const row = rng.int(n);
    for (let j = 0; j < d; j++) {
      const x = X[row * d + j];
      means[k * d + j] = x === x ? x : 0;
    }
  }
  const variance = new Float64Array(d);
  const count = new Float64Array(d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) {
      const x = X[i * d + j];
      if (x !== x) continue;
      variance[j] += x * x;
      count[j]++;
    }
  for (let j = 0; j < d; j++) variance[j] = count[j] > 0 && variance[j] > 0 ? variance[j] / count[j] : 1;
  const dense = new Float64Array(K * d * d);
  for (let k = 0; k < K; k++) for (let j = 0; j < d; j++) dense[k * d * d + j * d + j] = variance[j];
  const covariances = model.fromScatter(
    model.family === 'dense' ? dense : new Float64Array(K * d).map((_, e) => variance[e % d]),
    new Float64Array(K).fill(1),
    0,
    K,
    d,
  );
  const precisionsCholesky = model.precisionCholesky(covariances, K, d);
  if (typeof precisionsCholesky === 'number') throw new Error('randomGaussian: variances must be positive');
  return { means, covariances, precisionsCholesky };
}

export function randomResponsibilities(resp: Float64Array, n: number, K: number, rng: Rng): void {
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < K; k++) s += resp[i * K + k] = rng.random();
    for (let k = 0; k < K; k++) resp[i * K + k] /= s;
  }
}

/**
 * Responsibilities from which an M-step gives each class the parameters of a few random rows of
 * its own (SUBSET_ROWS distinct rows per class, a hard label each), every row also carrying
 * SUBSET_BACKGROUND / n of every class so that a class's estimate leans on the whole data by the
 * weight of SUBSET_BACKGROUND rows: no category probability is 0, no Gaussian block is singular
 * for want of rows, however few the subset. Classes built from different rows differ in every
 * family at once, the diversity that k-means on the numeric columns lacks. The idea of many short
 * runs from small random subsets is Biernacki, Celeux & Govaert's emEM (2003) as VarSelLCM uses it.
 */
export function subsetResponsibilities(resp: Float64Array, n: number, K: number, rng: Rng): void {
  const size = Math.max(1, Math.min(SUBSET_ROWS, Math.floor(n / K)));
  resp.fill(SUBSET_BACKGROUND / n);
  const taken = new Uint8Array(n);
  for (let k = 0; k < K; k++)
    for (let t = 0; t < size; t++) {
      let i = rng.int(n);
      while (taken[i]) i = rng.int(n);
      taken[i] = 1;
      for (let c = 0; c < K; c++) resp[i * K + c] = c === k ? 1 : 0;
    }
}

const SUBSET_ROWS = 2;
const SUBSET_BACKGROUND = 1;

/** The explicitly given parts of a start (means centred); complete when every block is given. */
export interface ExplicitStart {
  weights?: Float64Array;
  gaussian?: MixedState['gaussian'];
  /** Means without covariances: they replace the estimated ones. */
  means?: Float64Array;
  categorical?: Float64Array[];
  poisson?: Float64Array;
  binomial?: Float64Array;
  complete: boolean;
}

export function explicitStart(
  init: MixtureInit | undefined,
  center: Float64Array,
  rows: MixedRows,
  K: number,
  covarianceType: FitOptions['covarianceType'],
): ExplicitStart {
  if (!init) return { complete: false };
  const d = rows.d;
  const means = init.means && shiftRows(init.means, center, -1);
  let gaussian: MixedState['gaussian'] | undefined;
  if (d > 0 && means && init.covariances) {
    const factors = COVARIANCE_MODELS[covarianceType].precisionCholesky(init.covariances, K, d);
    if (typeof factors === 'number')
      throw new EngineError(
        'invalid_option',
        `initParams.covariances of component ${factors + 1} is not positive definite.`,
      );
    gaussian = { means, covariances: init.covariances, precisionsCholesky: factors };
  }
  const complete =
    Boolean(init.weights) &&
    (d === 0 || gaussian !== undefined) &&
    (rows.levels.length === 0 || Boolean(init.categorical)) &&
    (rows.q === 0 || Boolean(init.poisson)) &&
    (rows.b === 0 || Boolean(init.binomial));
  return {
    weights: init.weights,
    gaussian,
    means: gaussian ? undefined : means,
    categorical: init.categorical,
    poisson: init.poisson,
    binomial: init.binomial,
    complete,
  };
}

/** `state` with every explicitly given part put in (the whole state when the start is complete). */
export function withExplicit(state: MixedState | null, given: ExplicitStart): MixedState {
  const out: MixedState = state
    ? { ...state }
    : {
        weights: new Float64Array(0),
        gaussian: null,
        categorical: [],
        poisson: new Float64Array(0),
        binomial: new Float64Array(0),
      };
  if (given.weights) out.weights = given.weights;
  if (given.gaussian) out.gaussian = given.gaussian;
  else if (given.means && out.gaussian) out.gaussian = { ...out.gaussian, means: given.means };
  if (given.categorical) out.categorical = given.categorical;
  if (given.poisson) out.poisson = given.poisson;
  if (given.binomial) out.binomial = given.binomial;
  return out;
}

/** rows (K × d) + sign · center, as a new array. */
export function shiftRows(rows: Float64Array, center: Float64Array, sign: 1 | -1): Float64Array {
  const d = center.length;
  const out = new Float64Array(rows.length);
  for (let e = 0; e < rows.length; e++) out[e] = rows[e] + sign * center[e % d];
  return out;
}
