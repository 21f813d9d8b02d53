/**
 * Starting parameters for one EM restart (scikit-learn's _initialize_parameters + _initialize):
 *
 *   kmeans            k-means++ seeds, Lloyd iterations, hard responsibilities from the labels
 *   k-means++         k-means++ seeds only, each row assigned to its nearest seed
 *   random            uniform random responsibilities, each row normalised to sum 1
 *   random_from_data  K random distinct rows as centres, each row assigned to the nearest one
 *   hc                mclust's hierarchical start (hc/hcStart.ts), given to the initialiser as a
 *                     classification by the fit (fit.ts), like any other labelled start
 *
 * The responsibilities go through the M-step formulas (weights = nk / n as scikit-learn). For
 * 'k-means++' and 'random_from_data' scikit-learn puts one row per component, whose covariance is
 * then reg_covar alone; assigning every row to its nearest seed gives usable covariances from the
 * same seeds, so we do that. Explicit initParams replace the corresponding estimates; when weights,
 * means and covariances (or precisions) are all given no random draw is made at all.
 */
import type { InitMethod } from './types';
import type { EmSteps, MixtureState } from './em';
import { mStep, respMoments } from './em';
import type { Rng } from './rng';
import { assign, kmeansPlusPlus, lloyd } from './kmeans';
import { EngineError } from '../../errors';

/** Validated explicit starting values, already in the centred coordinates of job.X. */
export interface ParsedInit {
  weights?: Float64Array;
  means?: Float64Array;
  covariances?: Float64Array;
  /** Precision Cholesky factors derived from initParams.covariances or .precisions. */
  precisionsCholesky?: Float64Array;
}

/**
 * labelStarts: classifications to start from instead of `method` (restart r uses labelStarts[r]):
 * n labels in 0 … K − 1, or −1 for a row outside the start (mclust's hierarchical start on a subset
 * of large data), whose responsibilities are then all zero. The start is the M-step of those hard
 * responsibilities with weights nk / Σ nk, as mclust's me() begins from a classification.
 */
export function makeInitialiser(
  ctx: EmSteps,
  method: InitMethod,
  explicit: ParsedInit,
  rng: Rng,
  labelStarts: readonly Int32Array[] = [],
) {
  return async (restart: number): Promise<MixtureState> => {
    const { weights, means, covariances, precisionsCholesky } = explicit;
    const { model, job } = ctx;
    if (weights && means && precisionsCholesky) {
      return {
        weights,
        means,
        covariances: covariances ?? new Float64Array(model.size(job.nComponents, job.nFeatures)),
        precisionsCholesky,
      };
    }
    const labels = labelStarts[restart];
    let estimate: MixtureState;
    if (labels) {
      const K = job.nComponents;
      job.resp.fill(0);
      for (let i = 0; i < job.nSamples; i++) if (labels[i] >= 0) job.resp[i * K + labels[i]] = 1;
      estimate = await mStep(ctx, await respMoments(ctx), null);
    } else {
      // 'hc' arrives as labelStarts; past them (a caller's extra restarts) k-means takes over.
      await initialResponsibilities(ctx, method === 'hc' ? 'kmeans' : method, rng);
      estimate = await mStep(ctx, await respMoments(ctx), job.nSamples);
    }
    if (!weights && !means && !covariances && !precisionsCholesky) return estimate;
    return {
      weights: weights ?? estimate.weights,
      means: means ?? estimate.means,
      covariances: covariances ?? estimate.covariances,
      precisionsCholesky: precisionsCholesky ?? estimate.precisionsCholesky,
    };
  };
}

async function initialResponsibilities(
  ctx: EmSteps,
  method: Exclude<InitMethod, 'hc'>,
  rng: Rng,
): Promise<void> {
  const { job, executor, signal } = ctx;
  const { X, nSamples: n, nFeatures: d, nComponents: K, resp } = job;
  if (method === 'random') {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += resp[i * K + k] = rng.random();
      for (let k = 0; k < K; k++) resp[i * K + k] /= s;
    }
    return;
  }
  let centers: Float64Array;
  if (method === 'random_from_data') centers = distinctRandomRows(X, n, d, K, rng);
  else centers = kmeansPlusPlus(X, n, d, K, rng);
  if (method === 'kmeans') await lloyd(job, executor, centers, rng, signal);
  else await assign(job, executor, centers);
  resp.fill(0);
  for (let i = 0; i < n; i++) resp[i * K + job.labels[i]] = 1;
}

/** K rows drawn without replacement whose values all differ (fit.ts guarantees ≥ K distinct rows). */
function distinctRandomRows(X: Float64Array, n: number, d: number, K: number, rng: Rng): Float64Array {
  const chosen: number[] = [];
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < n && chosen.length < K; i++) {
    // Partial Fisher–Yates shuffle: order[i] becomes a uniform draw from the rows not yet drawn.
    const j = i + rng.int(n - i);
    const row = order[j];
    order[j] = order[i];
    order[i] = row;
    if (chosen.every((c) => !sameRow(X, c, row, d))) chosen.push(row);
  }
  if (chosen.length < K) throw new EngineError('too_many_components', `Fewer than ${K} distinct rows.`);
  const centers = new Float64Array(K * d);
  chosen.forEach((row, k) => centers.set(X.subarray(row * d, row * d + d), k * d));
  return centers;
}

function sameRow(X: Float64Array, a: number, b: number, d: number): boolean {
  for (let j = 0; j < d; j++) if (X[a * d + j] !== X[b * d + j]) return false;
  return true;
}
