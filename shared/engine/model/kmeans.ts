/**
 * k-means for initialisation, as scikit-learn's GaussianMixture(init_params='kmeans') uses KMeans:
 * greedy k-means++ seeding (Arthur & Vassilvitskii 2007, with 2 + ⌊ln K⌋ local trials per centre
 * as scikit-learn's _kmeans_plusplus), then Lloyd iterations until the labels stop changing or the
 * total squared centre shift is ≤ 1e-4 × the mean feature variance (max 300 iterations). The
 * assignment pass runs through the RowExecutor (chunked, fixed-order sums); seeding runs here.
 */
import type { Rng } from './rng';
import type { RowExecutor, RowJob } from '../compute';
import { ASSIGN_HEADER, chunkCount, partialStride, reducePartials } from '../compute';
import { cancelledError } from '../../errors';

const LLOYD_MAX_ITER = 300;
const LLOYD_TOL = 1e-4;

/** K seeds, K × d, chosen by greedy k-means++ from the rows of X (n × d). */
export function kmeansPlusPlus(X: Float64Array, n: number, d: number, K: number, rng: Rng): Float64Array {
  const centers = new Float64Array(K * d);
  const trials = 2 + Math.floor(Math.log(K));
  const first = rng.int(n);
  centers.set(X.subarray(first * d, first * d + d), 0);
  const closest = new Float64Array(n);
  let potential = 0;
  for (let i = 0; i < n; i++) {
    closest[i] = squaredDistance(X, i * d, X, first * d, d);
    potential += closest[i];
  }
  const cumulative = new Float64Array(n);
  const candidateDist = new Float64Array(n);
  const bestDist = new Float64Array(n);
  for (let c = 1; c < K; c++) {
    let run = 0;
    for (let i = 0; i < n; i++) cumulative[i] = run += closest[i];
    let bestPotential = Infinity;
    let bestRow = 0;
    for (let t = 0; t < trials; t++) {
      const row = Math.min(searchSorted(cumulative, rng.random() * potential), n - 1);
      let pot = 0;
      for (let i = 0; i < n; i++) {
        const dist = Math.min(closest[i], squaredDistance(X, i * d, X, row * d, d));
        candidateDist[i] = dist;
        pot += dist;
      }
      if (pot < bestPotential) {
        bestPotential = pot;
        bestRow = row;
        bestDist.set(candidateDist);
      }
    }
    closest.set(bestDist);
    potential = bestPotential;
    centers.set(X.subarray(bestRow * d, bestRow * d + d), c * d);
  }
  return centers;
}

/** Lloyd iterations from `centers` (modified in place); job.labels holds the final labelling. */
export async function lloyd(
  job: RowJob,
  executor: RowExecutor,
  centers: Float64Array,
  rng: Rng,
  signal?: { readonly aborted: boolean },
): Promise<void> {
  const { nFeatures: d, nComponents: K } = job;
  const tol = LLOYD_TOL * meanVariance(job.X, job.nSamples, d);
  job.labels.fill(-1);
  let strict = false;
  for (let iter = 0; iter < LLOYD_MAX_ITER; iter++) {
    if (signal?.aborted) throw cancelledError('fit');
    const stats = await assign(job, executor, centers);
    const next = new Float64Array(K * d);
    for (let k = 0; k < K; k++) {
      const count = stats[ASSIGN_HEADER + k];
      if (count > 0)
        for (let j = 0; j < d; j++) next[k * d + j] = stats[ASSIGN_HEADER + K + k * d + j] / count;
    }
    relocateEmpty(job, stats, next, rng);
    if (stats[3] === 0) {
      strict = true;
      break;
    }
    let shift = 0;
    for (let e = 0; e < K * d; e++) shift += (next[e] - centers[e]) ** 2;
    centers.set(next);
    if (shift <= tol) break;
  }
  if (!strict) await assign(job, executor, centers);
}

/** One assignment pass: job.labels = nearest centre; returns the reduced assign partials. */
export async function assign(
  job: RowJob,
  executor: RowExecutor,
  centers: Float64Array,
): Promise<Float64Array> {
  await executor.run({ kind: 'assign', centers });
  return reducePartials(job, ASSIGN_HEADER + job.nComponents + job.nComponents * job.nFeatures);
}

/**
 * An empty cluster takes the row farthest from its centre (scikit-learn relocates empty clusters
 * to far points too); further empty clusters in the same pass take random rows.
 */
function relocateEmpty(job: RowJob, stats: Float64Array, next: Float64Array, rng: Rng): void {
  const { X, nFeatures: d, nComponents: K, nSamples: n } = job;
  let farUsed = false;
  for (let k = 0; k < K; k++) {
    if (stats[ASSIGN_HEADER + k] > 0) continue;
    const row = farUsed ? rng.int(n) : farthestRow(job);
    farUsed = true;
    next.set(X.subarray(row * d, row * d + d), k * d);
  }
}

function farthestRow(job: RowJob): number {
  // The per-chunk farthest rows are in the partial slots; pick the overall farthest, first on ties.
  const stride = partialStride(job.nComponents, job.nFeatures);
  let best = 0;
  let bestDist = -1;
  for (let c = 0; c < chunkCount(job.nSamples); c++) {
    if (job.partials[c * stride + 1] > bestDist) {
      bestDist = job.partials[c * stride + 1];
      best = job.partials[c * stride + 2];
    }
  }
  return best;
}

function squaredDistance(A: Float64Array, a: number, B: Float64Array, b: number, d: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) {
    const t = A[a + j] - B[b + j];
    s += t * t;
  }
  return s;
}

/** First index i with cumulative[i] ≥ value (numpy searchsorted, side='left'). */
function searchSorted(cumulative: Float64Array, value: number): number {
  let lo = 0;
  let hi = cumulative.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function meanVariance(X: Float64Array, n: number, d: number): number {
  let total = 0;
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += X[i * d + j];
    mean /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (X[i * d + j] - mean) ** 2;
    total += v / n;
  }
  return total / d;
}
