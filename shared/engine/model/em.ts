/**
 * The EM loop, written once for every covariance type (scikit-learn's BaseMixture.fit_predict):
 *
 *   for each of nInit restarts: initialise → repeat { E-step (lower bound, responsibilities);
 *   M-step } until |Δ lower bound| < tol or maxIter → keep the restart with the highest lower
 *   bound → one final E-step at the kept parameters, so the labels and responsibilities are those
 *   predict() would give for the returned model.
 *
 * The lower bound of an iteration is the mean log-likelihood computed in its E-step, i.e. at the
 * parameters from before that iteration's M-step (as scikit-learn's lower_bound_). Row work runs
 * through a RowExecutor; this module only reduces chunk partials and does the small M-step
 * algebra. It never validates input (fit.ts does, once) and reports progress through a callback.
 */
import type { CovarianceModel, CovarianceParts } from './covariance/index';
import type { FitOptions, FitProgress } from './types';
import type { RowExecutor, RowJob } from '../compute';
import { reducePartials } from '../compute';
import { KERNEL_FAMILIES } from '../compute';
import { cancelledError, singularComponentError } from '../../errors';

/** Machine epsilon; scikit-learn adds 10·ε to every nk so an empty component divides safely. */
const EPS = 2.220446049250313e-16;
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** Parameters during the fit; means are in the coordinates of job.X (the centred data). */
export interface MixtureState {
  /** K */
  weights: Float64Array;
  /** K × d */
  means: Float64Array;
  /** Shape of the covariance type (covariance/model.ts). */
  covariances: Float64Array;
  precisionsCholesky: Float64Array;
  /**
   * mclust's parts of the covariances when the model's M-step iterates (covariance/model.ts): the
   * next M-step starts its inner iterations from them, as mclust keeps them between EM iterations.
   */
  parts?: CovarianceParts | null;
}

/** What the E- and M-steps need: the model, the bound job and where its rows run. */
export interface EmSteps {
  model: CovarianceModel;
  job: RowJob;
  executor: RowExecutor;
  options: Pick<FitOptions, 'nInit' | 'maxIter' | 'tol' | 'regCovar'>;
  signal?: { readonly aborted: boolean };
  onProgress?: (p: FitProgress) => void;
}

export interface EmContext extends EmSteps {
  /** Starting parameters of restart r (0-based). */
  initialise(restart: number): Promise<MixtureState>;
  /**
   * Optional rank of a converged restart, compared before the lower bound (higher wins). Plain fits
   * leave it out and keep scikit-learn's rule (highest lower bound); the sweep ranks collapsed
   * restarts below proper ones, because a collapsed component's likelihood is an artefact of
   * reg_covar (degeneracy.ts) and would otherwise hide the best proper optimum.
   */
  restartRank?: (state: MixtureState) => number;
  /** When EM stops (EmLoop.stopping). */
  stopping?: StoppingRule;
  /** EmLoop.keepBestIterate. */
  keepBestIterate?: boolean;
}

/** `meanLogLikelihood` is at `state` (the final E-step); job.resp and job.logNorm hold its rows. */
export type EmOutcome = EmLoopOutcome<MixtureState>;

export interface Moments {
  /** Mean of log p(x_i) over rows. */
  meanLogNorm: number;
  nk: Float64Array;
  /** Σ_i r_ik x_i, K × d */
  sumX: Float64Array;
  /** The parts of the state these moments were computed at (an iterative M-step starts from them). */
  parts?: CovarianceParts | null;
}

/**
 * One EM iteration's two halves for some mixture: the E-step at a state (its mean log-likelihood
 * and whatever statistics the M-step needs), the M-step from those statistics. The Gaussian mixture
 * (below) and the mixed-type mixture (mixtureEm.ts) each provide one; the loop is the same.
 */
export interface EmAlgorithm<S, M extends { meanLogNorm: number }> {
  eStep(state: S): Promise<M>;
  mStep(moments: M): Promise<S>;
}

/** What runEmLoop needs besides the algorithm (EmContext without the Gaussian specifics). */
export interface EmLoop<S> {
  options: Pick<FitOptions, 'nInit' | 'maxIter' | 'tol'>;
  signal?: { readonly aborted: boolean };
  onProgress?: (p: FitProgress) => void;
  initialise(restart: number): Promise<S>;
  restartRank?: (state: S) => number;
  /** When EM stops; default scikit-learn's (sklearnStopping). */
  stopping?: StoppingRule;
  /**
   * Keep, in each restart, the parameters with the highest log-likelihood an E-step saw after the
   * first M-step, when the likelihood later fell. EM never lowers it, but an M-step that is not the exact maximiser can:
   * mclust's VVE update of the common orientation weighs the components by A_k where the
   * likelihood has (λ_k A_k)⁻¹, so its iterations can drift down from a better point.
   */
  keepBestIterate?: boolean;
}

export interface StoppingRule {
  /** Whether EM has converged from one lower bound (mean log-likelihood) to the next. */
  converged(previous: number, next: number): boolean;
  /**
   * Keep the parameters the converged E-step evaluated (mclust returns those with their
   * log-likelihood) rather than the M-step that followed (scikit-learn).
   */
  keepEvaluated: boolean;
}

/** scikit-learn's rule: the mean log-likelihood changed by less than tol. */
export const sklearnStopping = (tol: number): StoppingRule => ({
  converged: (previous, next) => Math.abs(next - previous) < tol,
  keepEvaluated: false,
});

/**
 * mclust's rule (its me* routines): the total log-likelihood L = n · mean changed by at most
 * tol · (1 + |L|); the parameters returned are those L was computed at.
 */
export const mclustStopping = (tol: number, nSamples: number): StoppingRule => ({
  converged: (previous, next) =>
    Math.abs(nSamples * (next - previous)) <= tol * (1 + Math.abs(nSamples * next)),
  keepEvaluated: true,
});

export interface EmLoopOutcome<S> {
  state: S;
  converged: boolean;
  nIter: number;
  lowerBound: number;
  traces: Float64Array[];
  bestRestart: number;
  meanLogLikelihood: number;
}

export async function runEm(ctx: EmContext): Promise<EmOutcome> {
  return runEmLoop(ctx, { eStep: (state) => eStep(ctx, state), mStep: (m) => mStep(ctx, m, null) });
}

export async function runEmLoop<S, M extends { meanLogNorm: number }>(
  ctx: EmLoop<S>,
  algorithm: EmAlgorithm<S, M>,
): Promise<EmLoopOutcome<S>> {
  const { options, signal } = ctx;
  const stopping = ctx.stopping ?? sklearnStopping(options.tol);
  let best: {
    state: S;
    rank: number;
    lowerBound: number;
    nIter: number;
    converged: boolean;
    restart: number;
  } | null = null;
  const traces: Float64Array[] = [];
  for (let restart = 0; restart < options.nInit; restart++) {
    if (signal?.aborted) throw cancelledError('fit');
    let state = await ctx.initialise(restart);
    let lowerBound = -Infinity;
    let converged = false;
    const trace: number[] = [];
    let nIter = 0;
    let bestIterate: { state: typeof state; lowerBound: number } | null = null;
    for (let iter = 1; iter <= options.maxIter; iter++) {
      if (signal?.aborted) throw cancelledError('fit');
      const previous = lowerBound;
      const moments = await algorithm.eStep(state);
      const evaluated = state;
      state = await algorithm.mStep(moments);
      lowerBound = moments.meanLogNorm;
      // From the second iteration: the start itself may lie outside the model (a neighbour's
      // split or merge gives an equal-volume model unequal volumes), every M-step's output does not.
      if (ctx.keepBestIterate && iter > 1 && !(lowerBound <= (bestIterate?.lowerBound ?? -Infinity)))
        bestIterate = { state: evaluated, lowerBound };
      trace.push(lowerBound);
      nIter = iter;
      ctx.onProgress?.({
        restart,
        nRestarts: options.nInit,
        iteration: iter,
        maxIter: options.maxIter,
        lowerBound,
      });
      if (stopping.converged(previous, lowerBound)) {
        converged = true;
        if (stopping.keepEvaluated) state = evaluated;
        break;
      }
    }
    if (bestIterate && bestIterate.lowerBound > lowerBound) ({ state, lowerBound } = bestIterate);
    traces.push(Float64Array.from(trace));
    const rank = ctx.restartRank?.(state) ?? 0;
    if (best === null || rank > best.rank || (rank === best.rank && lowerBound > best.lowerBound))
      best = { state, rank, lowerBound, nIter, converged, restart };
  }
  if (best === null) throw new Error('runEm: nInit must be at least 1');
  if (signal?.aborted) throw cancelledError('fit');
  const final = await algorithm.eStep(best.state);
  return {
    state: best.state,
    converged: best.converged,
    nIter: best.nIter,
    lowerBound: best.lowerBound,
    traces,
    bestRestart: best.restart,
    meanLogLikelihood: final.meanLogNorm,
  };
}

/** E-step at `state`: fills job.resp and job.logNorm, returns the reduced moments. */
export async function eStep(ctx: EmSteps, state: MixtureState): Promise<Moments> {
  const { model, job } = ctx;
  const K = job.nComponents;
  const d = job.nFeatures;
  const logDet = model.logDetPrecisionCholesky(state.precisionsCholesky, K, d);
  const constants = new Float64Array(K);
  for (let k = 0; k < K; k++) constants[k] = Math.log(state.weights[k]) + logDet[k] - d * HALF_LOG_2PI;
  await ctx.executor.run({
    kind: 'estep',
    constants,
    means: state.means,
    factors: model.kernelFactors(state.precisionsCholesky, K, d),
  });
  return { ...readMoments(job), parts: state.parts ?? null };
}

/** Moments of the responsibilities already in job.resp (initialisation from a labelling). */
export async function respMoments(ctx: EmSteps): Promise<Moments> {
  await ctx.executor.run({ kind: 'moments' });
  return readMoments(ctx.job);
}

function readMoments(job: RowJob): Moments {
  const K = job.nComponents;
  const total = reducePartials(job, 1 + K + K * job.nFeatures);
  return { meanLogNorm: total[0] / job.nSamples, nk: total.subarray(1, 1 + K), sumX: total.subarray(1 + K) };
}

/**
 * M-step (scikit-learn's _estimate_gaussian_parameters): nk = Σ_i r_ik + 10ε, μ_k = Σ_i r_ik x_i / nk,
 * Σ_k from the scatter about the new μ_k (a second pass over the rows: centred, so large offsets
 * cost no accuracy) plus reg_covar on the diagonal, w_k = nk / Σ nk (or nk / n when
 * `weightsDivisor` is given, as scikit-learn's _initialize). Throws singular_component when a
 * covariance is not positive definite even with reg_covar.
 */
export async function mStep(
  ctx: EmSteps,
  moments: Moments,
  weightsDivisor: number | null,
): Promise<MixtureState> {
  const { model, job } = ctx;
  const K = job.nComponents;
  const d = job.nFeatures;
  const nk = new Float64Array(K);
  const means = new Float64Array(K * d);
  let nkTotal = 0;
  for (let k = 0; k < K; k++) {
    nk[k] = moments.nk[k] + 10 * EPS;
    nkTotal += nk[k];
    for (let j = 0; j < d; j++) means[k * d + j] = moments.sumX[k * d + j] / nk[k];
  }
  await ctx.executor.run({ kind: 'scatter', means });
  const scatter = reducePartials(job, KERNEL_FAMILIES[model.family].scatterSize(K, d));
  const { covariances, parts } = model.estimate(
    scatter,
    nk,
    ctx.options.regCovar,
    K,
    d,
    moments.parts ?? null,
  );
  const precisionsCholesky = model.precisionCholesky(covariances, K, d);
  if (typeof precisionsCholesky === 'number') throw singularComponentError(precisionsCholesky);
  const weights = new Float64Array(K);
  const divisor = weightsDivisor ?? nkTotal;
  for (let k = 0; k < K; k++) weights[k] = nk[k] / divisor;
  return { weights, means, covariances, precisionsCholesky, parts };
}
