/**
 * The row-parallel steps of EM and k-means, each run chunk by chunk. Chunk boundaries depend only
 * on nSamples (CHUNK_ROWS rows each), every chunk writes its own partial sums to its own slot of
 * `partials`, and the coordinator adds the slots in chunk order (reducePartials). So whichever
 * thread runs a chunk, and however many threads there are, every sum is formed in the same order
 * and the result is bit-identical.
 *
 * Partial layouts (one slot of `partialStride` values per chunk):
 *   estep / moments   [Σ log p(x_i), nk (K), Σ r x (K × d)]
 *   scatter           the kernel family's scatter (dense K × d × d, diagonal K × d)
 *   assign            [inertia, farthest distance², farthest row, label changes, counts (K), Σ x (K × d)]
 */
import type { KernelFamilyName, RowKernels } from './js/types';
import { KERNEL_FAMILIES, rowKernels } from './js/rowKernels';
import { BLOCK_ROWS } from './js/estep';
import type { MixedLayout, MixedRows } from '../families/rows';
import type { GaussianStep, MixedEStepParams } from '../families/state';
import { mixedEStep, mixedMoments, mixedScatter, type MixedJob } from '../families/mixedSteps';

export const CHUNK_ROWS = 8192;
/**
 * Rows per block inside a chunk (js/estep.ts): the blocked E-step and the scatter run block
 * by block so a block's rows and responsibilities stay in cache between the passes over
 * components. The kernels add to their accumulators, so blocking never changes any sum's order.
 */
export { BLOCK_ROWS };
export const ASSIGN_HEADER = 4;

/** The arrays of one fit, shared by every thread that runs its steps. */
export interface RowJob {
  /** nSamples × nFeatures, row-major (the engine passes the column-centred copy). */
  X: Float64Array;
  /** nSamples × K responsibilities. */
  resp: Float64Array;
  /** nSamples: log Σ_k w_k N(x_i | μ_k, Σ_k) of the last E-step. */
  logNorm: Float64Array;
  /** nSamples: k-means labels. */
  labels: Int32Array;
  /** nChunks × partialStride. */
  partials: Float64Array;
  nSamples: number;
  nFeatures: number;
  nComponents: number;
  family: KernelFamilyName;
  /**
   * A mixed-type (or missing-data, or weighted) mixture's columns: its rows then go through the
   * mixed steps (families/mixedSteps.ts); X holds its Gaussian block. Absent for a plain fit.
   */
  mixed?: MixedRows;
  /** Values per chunk slot of `partials` when the job needs more than partialStride(K, d). */
  stride?: number;
}

export type StepRequest =
  /** constants[k] = log w_k + log det P_k − d/2 · log 2π. */
  | { kind: 'estep'; constants: Float64Array; means: Float64Array; factors: Float64Array }
  /** nk and Σ r x from the responsibilities already in `resp` (initialisation). */
  | { kind: 'moments' }
  | { kind: 'scatter'; means: Float64Array }
  /** Nearest centre (squared Euclidean distance) for every row: k-means' Lloyd step. */
  | { kind: 'assign'; centers: Float64Array }
  /** A mixed-type mixture's E-step with every family's sufficient statistics (job.mixed). */
  | { kind: 'mixedEstep'; params: MixedEStepParams; layout: MixedLayout }
  /** The statistics of the responsibilities already in `resp` (a start from a labelling). */
  | { kind: 'mixedMoments'; gaussian: GaussianStep | null; layout: MixedLayout }
  /** Its Gaussian block's scatter about the new means, using the E-step's parameters `gaussian`. */
  | { kind: 'mixedScatter'; gaussian: GaussianStep; means: Float64Array; layout: MixedLayout };

export function chunkCount(nSamples: number): number {
  return Math.ceil(nSamples / CHUNK_ROWS);
}

/** The slot length of a job's partials: its own stride, or the Gaussian kernels'. */
export function jobStride(job: Pick<RowJob, 'stride' | 'nComponents' | 'nFeatures'>): number {
  return job.stride ?? partialStride(job.nComponents, job.nFeatures);
}

export function partialStride(K: number, d: number): number {
  return Math.max(1 + K + K * d, ASSIGN_HEADER + K + K * d, KERNEL_FAMILIES.dense.scatterSize(K, d));
}

/** Runs `step` on chunk `chunk` of `job`, writing that chunk's partial slot. */
export function runStepOnChunk(job: RowJob, kernels: RowKernels, step: StepRequest, chunk: number): void {
  const { X, resp, nSamples, nFeatures: d, nComponents: K, partials } = job;
  const start = chunk * CHUNK_ROWS;
  const end = Math.min(nSamples, start + CHUNK_ROWS);
  const slot = chunk * jobStride(job);
  switch (step.kind) {
    case 'estep': {
      partials.fill(0, slot, slot + 1 + K + K * d);
      const { means, factors, constants } = step;
      partials[slot] = kernels.estep(
        X,
        resp,
        job.logNorm,
        start,
        end,
        K,
        means,
        factors,
        constants,
        partials,
        slot + 1,
        0,
      );
      return;
    }
    case 'moments':
      partials.fill(0, slot, slot + 1 + K + K * d);
      sumResp(resp, start, end, K, partials, slot + 1);
      kernels.weightedSums(X, resp, start, end, K, partials, slot + 1 + K);
      return;
    case 'scatter': {
      partials.fill(0, slot, slot + KERNEL_FAMILIES[job.family].scatterSize(K, d));
      for (let b = start; b < end; b += BLOCK_ROWS)
        kernels.scatter(X, resp, b, Math.min(end, b + BLOCK_ROWS), K, step.means, partials, slot);
      return;
    }
    case 'assign':
      if (kernels.assign) kernels.assign(X, job.labels, start, end, K, step.centers, partials, slot);
      else assignNearest(job, step.centers, start, end, slot);
      return;
    case 'mixedEstep':
      mixedEStep(mixedJob(job), step.params, step.layout, start, end, slot);
      return;
    case 'mixedMoments':
      mixedMoments(mixedJob(job), step.gaussian, step.layout, start, end, slot);
      return;
    case 'mixedScatter':
      mixedScatter(mixedJob(job), step.gaussian, step.means, step.layout, start, end, slot);
      return;
  }
}

function sumResp(
  resp: Float64Array,
  start: number,
  end: number,
  K: number,
  acc: Float64Array,
  off: number,
): void {
  for (let ro = start * K, stop = end * K; ro < stop; ro += K)
    for (let k = 0; k < K; k++) acc[off + k] += resp[ro + k];
}

function assignNearest(job: RowJob, centers: Float64Array, start: number, end: number, slot: number): void {
  const { X, labels, nFeatures: d, nComponents: K, partials } = job;
  const counts = slot + ASSIGN_HEADER;
  const sums = counts + K;
  partials.fill(0, slot, sums + K * d);
  partials[slot + 2] = -1;
  let inertia = 0;
  let far = -1;
  let changes = 0;
  for (let i = start; i < end; i++) {
    const xo = i * d;
    let best = 0;
    let bestDist = Infinity;
    for (let k = 0; k < K; k++) {
      let dist = 0;
      for (let j = 0; j < d; j++) {
        const t = X[xo + j] - centers[k * d + j];
        dist += t * t;
      }
      if (dist < bestDist) {
        bestDist = dist;
        best = k;
      }
    }
    if (labels[i] !== best) changes++;
    labels[i] = best;
    inertia += bestDist;
    if (bestDist > far) {
      far = bestDist;
      partials[slot + 2] = i;
    }
    partials[counts + best] += 1;
    for (let j = 0; j < d; j++) partials[sums + best * d + j] += X[xo + j];
  }
  partials[slot] = inertia;
  partials[slot + 1] = far;
  partials[slot + 3] = changes;
}

function mixedJob(job: RowJob): MixedJob {
  if (!job.mixed) throw new Error('a mixed step on a job without mixed rows');
  return job as MixedJob & RowJob;
}

/** Σ over chunks, in chunk order, of the first `length` values of every slot. */
export function reducePartials(job: RowJob, length: number): Float64Array {
  const stride = jobStride(job);
  const out = new Float64Array(length);
  const n = chunkCount(job.nSamples);
  for (let c = 0; c < n; c++) {
    const slot = c * stride;
    for (let j = 0; j < length; j++) out[j] += job.partials[slot + j];
  }
  return out;
}

/**
 * Runs steps over row chunks. The in-thread executor runs every chunk itself; the worker-thread
 * executor (electron/engine/parallel) hands fixed chunk ranges to workers that call the same
 * runStepOnChunk on SharedArrayBuffer-backed arrays.
 */
export interface RowExecutor {
  /** A Float64Array every thread of this executor can read and write. */
  allocateFloat64(length: number): Float64Array;
  allocateInt32(length: number): Int32Array;
  /** Binds the fit's arrays; called once per fit before run. */
  bind(job: RowJob): Promise<void>;
  /** Runs one step on every chunk of the bound job. */
  run(step: StepRequest): Promise<void>;
}

export function createInThreadExecutor(): RowExecutor {
  let bound: { job: RowJob; kernels: RowKernels } | null = null;
  return {
    allocateFloat64: (length) => new Float64Array(length),
    allocateInt32: (length) => new Int32Array(length),
    async bind(job) {
      bound = { job, kernels: kernelsFor(job) };
    },
    async run(step) {
      if (!bound) throw new Error('RowExecutor.run before bind');
      const n = chunkCount(bound.job.nSamples);
      for (let c = 0; c < n; c++) runStepOnChunk(bound.job, bound.kernels, step, c);
    },
  };
}

/** The JavaScript kernels a job needs (also called by each worker thread). */
export function kernelsFor(job: Pick<RowJob, 'family' | 'nFeatures'>): RowKernels {
  return rowKernels(job.family, job.nFeatures);
}
