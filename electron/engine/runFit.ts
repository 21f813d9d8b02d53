/**
 * Runs a Gaussian-mixture fit in the engine process: in this thread for threads = 1, otherwise on
 * a pool of worker threads (default: every core) that is always disposed afterwards. The numbers
 * are the same either way (fixed-order chunk reductions).
 */
import os from 'node:os';
import path from 'node:path';
import { existsSync } from 'node:fs';
import type { FitOptions, FitProgress, FitResult } from '../../shared/engine/types';
import type { KernelMode } from '../../shared/engine/kernels/compile';
import { fitGaussianMixture } from '../../shared/engine/fit';
import { chunkCount } from '../../shared/engine/steps';
import { createWorkerExecutor } from './parallel/workerExecutor';

export interface RunFitRuntime {
  /** Worker threads; default os.availableParallelism(). 1 runs in this thread. */
  threads?: number;
  signal?: AbortSignal;
  /** Called once per EM iteration (callers throttle). */
  onProgress?: (p: FitProgress) => void;
  /** Path of the bundled worker (out/engine/worker.cjs); default: found beside the running bundle. */
  workerPath?: string;
  kernelMode?: KernelMode;
}

export async function runFit(
  X: Float64Array,
  nSamples: number,
  nFeatures: number,
  options: FitOptions,
  runtime: RunFitRuntime = {},
): Promise<FitResult> {
  const requested = runtime.threads ?? os.availableParallelism();
  // A single chunk cannot be split: one thread gives the identical result without a worker.
  const threads = Math.min(requested, chunkCount(Math.max(nSamples, 1)));
  const common = { signal: runtime.signal, onProgress: runtime.onProgress, kernelMode: runtime.kernelMode };
  if (threads <= 1) return fitGaussianMixture(X, nSamples, nFeatures, options, common);
  const executor = createWorkerExecutor({ threads, workerPath: runtime.workerPath ?? defaultWorkerPath() });
  try {
    return await fitGaussianMixture(X, nSamples, nFeatures, options, { ...common, executor });
  } finally {
    await executor.dispose();
  }
}

/**
 * The worker bundle beside the running one: out/engine/worker.cjs from out/engine/engine.cjs,
 * ../engine/worker.cjs from out/cli/mixlab.cjs.
 */
export function defaultWorkerPath(): string {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  const candidates = [path.join(here, 'worker.cjs'), path.join(here, '../engine/worker.cjs')];
  return candidates.find((p) => existsSync(p)) ?? candidates[0];
}
