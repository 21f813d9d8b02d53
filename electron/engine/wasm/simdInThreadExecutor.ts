/**
 * A RowExecutor that runs every chunk in the calling thread (like shared/engine/compute/steps.ts's
 * in-thread executor) on arrays in a WasmArena, with the SIMD kernels where they apply. The sweep's
 * cell workers use it: they parallelise across cells, so each fit runs on one thread, and one arena
 * per worker thread serves its fits one after another (reset at each new executor). The engine's
 * own thread uses it too (withSimdInThreadExecutor) for the row work it does itself.
 */
import type { RowExecutor, RowJob } from '../../../shared/engine/compute';
import { chunkCount, kernelsFor, runStepOnChunk } from '../../../shared/engine/compute';
import type { RowKernels } from '../../../shared/engine/compute';
import { WasmArena } from './arena';
import { paramBlockBytes, simdCanRun, wasmRowKernels, wasmSimdAvailable } from './wasmKernels';

export interface SimdInThreadExecutor extends RowExecutor {
  /** Which kernels the bound job's E-step and scatter run on. */
  readonly kernels: 'simd' | 'javascript';
}

/** The arena must not hold the arrays of a fit still running (it is reset here). */
export function createSimdInThreadExecutor(arena: WasmArena): SimdInThreadExecutor {
  arena.reset();
  let bound: { job: RowJob; kernels: RowKernels; simd: boolean } | null = null;
  const bindKernels = (job: RowJob): { kernels: RowKernels; simd: boolean } => {
    const kernels = kernelsFor(job);
    const { family, nFeatures: d, nComponents: K } = job;
    if (!simdCanRun(job, (view) => arena.owns(view))) return { kernels, simd: false };
    const params = arena.reserve(paramBlockBytes(family, d, K));
    if (params === null) return { kernels, simd: false };
    const binding = { memory: arena.memory, tables: arena.tables, params };
    return { kernels: wasmRowKernels(kernels, family, d, K, binding), simd: true };
  };
  return {
    allocateFloat64: (length) => arena.float64(length) ?? new Float64Array(length),
    allocateInt32: (length) => arena.int32(length) ?? new Int32Array(length),
    async bind(job) {
      bound = { job, ...bindKernels(job) };
    },
    async run(step) {
      if (!bound) throw new Error('RowExecutor.run before bind');
      const n = chunkCount(bound.job.nSamples);
      for (let c = 0; c < n; c++) runStepOnChunk(bound.job, bound.kernels, step, c);
    },
    get kernels() {
      return bound?.simd ? 'simd' : 'javascript';
    },
  };
}

/** An idle arena that grew past this is dropped (a WebAssembly memory never shrinks). */
const KEEP_ARENA_BYTES = 64 * 1024 * 1024;
let idleArena: WasmArena | null = null;

/**
 * Runs `work` with a SIMD in-thread executor on an arena no other work is using, or with undefined
 * where this runtime cannot (no WebAssembly SIMD or shared memory: the caller's default JavaScript
 * executor gives the same numbers). The engine thread's one-chunk fits (runFit) and predictions
 * (model.apply, export.labels) go through it. Its handlers run concurrently (one may await a file
 * while another starts), so each call takes the idle arena or a new one and gives it back after;
 * one arena is kept for the next call if it stayed small.
 */
export async function withSimdInThreadExecutor<T>(
  work: (executor: SimdInThreadExecutor | undefined) => Promise<T>,
): Promise<T> {
  let arena = idleArena;
  idleArena = null;
  if (!arena && wasmSimdAvailable()) {
    try {
      arena = new WasmArena();
    } catch {
      arena = null; // no shared WebAssembly memory here
    }
  }
  if (!arena) return work(undefined);
  try {
    return await work(createSimdInThreadExecutor(arena));
  } finally {
    if (!idleArena && arena.memory.buffer.byteLength <= KEEP_ARENA_BYTES) idleArena = arena;
  }
}
