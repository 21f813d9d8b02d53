/**
 * runFit: the engine-process entry that runs the fit on worker threads (in-thread only for a
 * single chunk, on the SIMD kernels), forwards cancellation and progress, and always disposes its
 * workers.
 */
import { describe, expect, it } from 'vitest';
import { runFit } from '../../../electron/engine/runFit';
import { EngineError } from '../../../shared/errors';
import { fitGaussianMixture } from '../../../shared/engine/model/fit';
import type { FitOptions, FitProgress } from '../../../shared/engine/model/types';
import { WORKER_PATH as workerPath, blobs, expectIdentical } from './parallel/fitHelpers';

const n = 2 * 8192 + 500;
const d = 4;
const X = blobs(n, d, 3);
const options: FitOptions = {
  nComponents: 3,
  covarianceType: 'full',
  init: 'kmeans',
  nInit: 2,
  seed: 4,
  maxIter: 40,
  tol: 1e-8,
  regCovar: 1e-6,
};

describe('runFit', () => {
  it('gives bit-identical results with 1, 2 and 3 threads', async () => {
    const one = await runFit(X, n, d, options, { threads: 1, workerPath });
    expectIdentical(one, await runFit(X, n, d, options, { threads: 2, workerPath }));
    expectIdentical(one, await runFit(X, n, d, options, { threads: 3, workerPath }));
  });

  it.each(['full', 'tied', 'diag', 'spherical'] as const)(
    '%s: a fit of one chunk runs in this thread on the SIMD kernels, with the JavaScript bits',
    async (covarianceType) => {
      const small = 8000;
      const Xs = blobs(small, d, 6);
      const one = { ...options, covarianceType, nComponents: 4 };
      const ran: string[] = [];
      const simd = await runFit(Xs, small, d, one, { threads: 2, workerPath, onKernels: (k) => ran.push(k) });
      const js = await runFit(Xs, small, d, one, { workerPath, wasm: false, onKernels: (k) => ran.push(k) });
      expect(ran).toEqual(['simd', 'javascript']);
      expectIdentical(await fitGaussianMixture(Xs, small, d, one), simd);
      expectIdentical(simd, js);
    },
  );

  it('reports progress once per iteration, in order, with restart and iteration numbers', async () => {
    const seen: FitProgress[] = [];
    const r = await runFit(X, n, d, options, { threads: 2, workerPath, onProgress: (p) => seen.push(p) });
    const total = r.traces.reduce((s, t) => s + t.length, 0);
    expect(seen).toHaveLength(total);
    expect(seen[0]).toMatchObject({ restart: 0, nRestarts: 2, iteration: 1, maxIter: 40 });
    const last = seen[seen.length - 1];
    expect(last.restart).toBe(1);
    expect(last.lowerBound).toBe(r.traces[1][r.traces[1].length - 1]);
  });

  it('stops between iterations when the signal aborts, with EngineError cancelled', async () => {
    const controller = new AbortController();
    const run = runFit(
      X,
      n,
      d,
      { ...options, tol: 0, maxIter: 1000 },
      {
        threads: 2,
        workerPath,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.iteration === 3) controller.abort();
        },
      },
    );
    await expect(run).rejects.toBeInstanceOf(EngineError);
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('stops in the middle of a long EM iteration, not at its end', async () => {
    // An iteration over 600k rows × 16 components takes far longer than stopping between chunks.
    const big = 600_000;
    const Xbig = blobs(big, d, 4);
    const controller = new AbortController();
    const times: number[] = [];
    let abortedAt = 0;
    const run = runFit(
      Xbig,
      big,
      d,
      { ...options, nComponents: 16, nInit: 1, init: 'random_from_data', tol: 0, maxIter: 50 },
      {
        threads: 1,
        workerPath,
        signal: controller.signal,
        onProgress: () => {
          times.push(performance.now());
          if (times.length === 2) {
            // Abort a little into iteration 3.
            setTimeout(() => {
              abortedAt = performance.now();
              controller.abort();
            }, 20);
          }
        },
      },
    );
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    const latency = performance.now() - abortedAt;
    const iteration = times[1] - times[0];
    expect(times).toHaveLength(2); // iteration 3 never finished
    expect(latency).toBeLessThan(1000);
    expect(latency).toBeLessThan(iteration / 2);
  }, 120_000);

  it('surfaces validation errors from the worker path and disposes its workers', async () => {
    await expect(
      runFit(X, n, d, { ...options, nComponents: 0 }, { threads: 2, workerPath }),
    ).rejects.toMatchObject({ code: 'invalid_option' });
  });
});
