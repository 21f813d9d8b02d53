/**
 * Runs a mixture fit (Gaussian, or mixed-type) in the engine process on a pool of worker threads (default: every
 * core) that is always disposed afterwards. Even one thread runs in a worker when the data span
 * more than one chunk: the engine's own thread then stays free to receive a cancel, which stops
 * the workers between chunks, within milliseconds rather than at the end of an EM iteration that
 * can take seconds. The numbers are the same for any thread count (fixed-order chunk reductions);
 * data of a single chunk run in this thread, with the WebAssembly SIMD kernels where they apply.
 */
import os from 'node:os';
import path from 'node:path';
import { existsSync } from 'node:fs';
import type { FitOptions, FitProgress, FitResult } from '../../shared/engine/model/types';
import { fitGaussianMixture } from '../../shared/engine/model/fit';
import { cancelledError } from '../../shared/errors';
import { chunkCount, type RowExecutor } from '../../shared/engine/compute';
import { fitMixture, type MixtureFitOptions } from '../../shared/engine/model/fitMixture';
import type { MixedRows } from '../../shared/engine/families/rows';
import { createWorkerExecutor } from './parallel/workerExecutor';
import { withSimdInThreadExecutor } from './wasm/simdInThreadExecutor';

export interface RunFitRuntime {
  /** Worker threads; default os.availableParallelism(). 1 runs in this thread. */
  threads?: number;
  signal?: AbortSignal;
  /** Called once per EM iteration (callers throttle). */
  onProgress?: (p: FitProgress) => void;
  /** Path of the bundled worker (out/engine/worker.cjs); default: found beside the running bundle. */
  workerPath?: string;
  /** false: the JavaScript kernels instead of the WebAssembly SIMD ones (same bits; benchmarks compare). */
  wasm?: boolean;
  /** Told which kernels ran the E-step and scatter (benchmarks print it). */
  onKernels?: (kernels: 'simd' | 'javascript') => void;
}

export async function runFit(
  X: Float64Array,
  nSamples: number,
  nFeatures: number,
  options: FitOptions,
  runtime: RunFitRuntime = {},
): Promise<FitResult> {
  const common = { signal: runtime.signal, onProgress: runtime.onProgress };
  return onFitExecutor(nSamples, runtime, (executor) =>
    fitGaussianMixture(X, nSamples, nFeatures, options, { ...common, executor }),
  );
}

/** A mixed-type (or missing-data, or weighted) fit, on the same executors as runFit. */
export async function runMixtureFit(
  rows: MixedRows,
  options: MixtureFitOptions,
  runtime: RunFitRuntime = {},
): Promise<FitResult> {
  const common = { signal: runtime.signal, onProgress: runtime.onProgress };
  return onFitExecutor(rows.nSamples, runtime, (executor) =>
    fitMixture(rows, options, { ...common, executor }),
  );
}

/**
 * Runs `fit` on the right executor for nSamples rows: this thread for one chunk (or without a
 * worker bundle), else a worker pool that an abort stops between chunks and that is always disposed.
 */
async function onFitExecutor(
  nSamples: number,
  runtime: RunFitRuntime,
  fit: (executor: RowExecutor | undefined) => Promise<FitResult>,
): Promise<FitResult> {
  const requested = Math.max(1, runtime.threads ?? os.availableParallelism());
  const chunks = chunkCount(Math.max(nSamples, 1));
  const workerPath = runtime.workerPath ?? defaultWorkerPath();
  // A single chunk cannot be split, and is fast: this thread gives the identical result. So does
  // running from sources with no worker bundle built (the numbers never depend on the executor).
  if (chunks <= 1 || !workerPath) {
    if (runtime.wasm === false) {
      runtime.onKernels?.('javascript');
      return fit(undefined);
    }
    return withSimdInThreadExecutor(async (executor) => {
      const result = await fit(executor ?? undefined);
      runtime.onKernels?.(executor?.kernels ?? 'javascript');
      return result;
    });
  }
  const threads = Math.min(requested, chunks);
  const executor = createWorkerExecutor({ threads, workerPath, wasm: runtime.wasm });
  const abort = () => executor.abort();
  runtime.signal?.addEventListener('abort', abort, { once: true });
  try {
    const result = await fit(executor);
    runtime.onKernels?.(executor.kernels);
    return result;
  } catch (err) {
    // After an abort the steps return early with meaningless numbers; whatever that made the
    // fit throw, the user asked to stop.
    if (runtime.signal?.aborted) throw cancelledError();
    throw err;
  } finally {
    runtime.signal?.removeEventListener('abort', abort);
    await executor.dispose();
  }
}

/**
 * The worker bundle beside the running one: out/engine/worker.cjs from out/engine/engine.cjs,
 * ../engine/worker.cjs from out/cli/mixlab.cjs, and the built out/engine/worker.cjs when this
 * module runs from its source (electron/engine, under the test runner). Undefined if none exists.
 */
export function defaultWorkerPath(): string | undefined {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  const candidates = [
    path.join(here, 'worker.cjs'),
    path.join(here, '../engine/worker.cjs'),
    path.join(here, '../../out/engine/worker.cjs'),
  ];
  return candidates.find((p) => existsSync(p));
}
