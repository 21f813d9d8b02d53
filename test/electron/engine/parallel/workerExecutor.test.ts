/**
 * The worker-thread executor: the same numbers as the in-thread executor, byte for byte, for any
 * thread count (fixed chunks, reduced in chunk order). Runs the bundled worker
 * (out/engine/worker.cjs, built by the vitest globalSetup).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fitGaussianMixture } from '../../../../shared/engine/model/fit';
import type { CovarianceType, FitOptions } from '../../../../shared/engine/model/types';
import { WORKER_PATH, blobs, expectIdentical } from './fitHelpers';
import {
  createWorkerExecutor,
  type WorkerExecutor,
} from '../../../../electron/engine/parallel/workerExecutor';
import {
  arrayRelError,
  emFixtureNames,
  loadEmFixture,
  loadMatrix,
  relError,
  replayOptions,
} from '../../../shared/engine/emFixtures';

let open: WorkerExecutor[] = [];
afterEach(async () => {
  await Promise.all(open.map((e) => e.dispose()));
  open = [];
});

function executor(threads: number, wasm = true): WorkerExecutor {
  const e = createWorkerExecutor({ threads, workerPath: WORKER_PATH, wasm });
  open.push(e);
  return e;
}

describe('worker-thread executor', () => {
  // 4 chunks of 8192 rows (the last partial), so 2 and 3 threads split the chunks differently.
  const n = 3 * 8192 + 123;
  const d = 3;
  const X = blobs(n, d);
  const types: CovarianceType[] = ['full', 'tied', 'diag', 'spherical'];

  it.each(types)(
    '%s: 1 (in-thread), 2 and 3 threads give bit-identical results from a k-means start',
    async (covarianceType) => {
      const options: FitOptions = {
        nComponents: 3,
        covarianceType,
        init: 'kmeans',
        nInit: 2,
        seed: 11,
        maxIter: 25,
        tol: 1e-6,
        regCovar: 1e-6,
      };
      const one = await fitGaussianMixture(X, n, d, options);
      const two = await fitGaussianMixture(X, n, d, options, { executor: executor(2) });
      const three = await fitGaussianMixture(X, n, d, options, { executor: executor(3) });
      expectIdentical(one, two);
      expectIdentical(one, three);
    },
  );

  it.each(['random', 'k-means++', 'random_from_data'] as const)(
    '%s init: 1 and 2 threads give bit-identical results',
    async (init) => {
      const options: FitOptions = {
        nComponents: 4,
        covarianceType: 'full',
        init,
        nInit: 1,
        seed: 5,
        maxIter: 10,
        tol: 0,
        regCovar: 1e-6,
      };
      expectIdentical(
        await fitGaussianMixture(X, n, d, options),
        await fitGaussianMixture(X, n, d, options, { executor: executor(2) }),
      );
    },
  );

  it.each(['iris__full__k3', 'faithful__tied__k3', 'two_gauss_1d__diag__k2'])(
    '%s: the scikit-learn trajectory through the worker executor',
    async (name) => {
      const f = loadEmFixture(name);
      const { X: data, n: rows, d: cols } = loadMatrix(f.csv, f.columns);
      const r = await fitGaussianMixture(data, rows, cols, replayOptions(f, f.final.n_iter), {
        executor: executor(2),
      });
      f.iterations.forEach((step, i) =>
        expect(relError(r.traces[0][i], step.mean_log_likelihood)).toBeLessThan(1e-9),
      );
      expect(relError(r.bic, f.final.bic)).toBeLessThan(1e-8);
      expect(arrayRelError(r.params.covariances, f.final.covariances)).toBeLessThan(1e-7);
      expect(Array.from(r.labels)).toEqual(f.final.labels);
    },
  );

  it('runs the SIMD kernels where they apply and the JavaScript kernels elsewhere', async () => {
    const options: FitOptions = {
      nComponents: 3,
      covarianceType: 'full',
      init: 'kmeans',
      nInit: 1,
      seed: 2,
      maxIter: 3,
      tol: 0,
      regCovar: 1e-6,
    };
    const kernelsOf = async (e: WorkerExecutor, data: Float64Array, cols: number) => {
      await fitGaussianMixture(data, n, cols, options, { executor: e });
      return e.kernels;
    };
    expect(await kernelsOf(executor(2), X, d)).toBe('simd');
    expect(await kernelsOf(executor(2, false), X, d)).toBe('javascript');
    // Dense factors are generated up to d = 12; wider data keep the JavaScript kernels.
    const wide = 13;
    expect(await kernelsOf(executor(2), blobs(n, wide), wide)).toBe('javascript');
  });

  it.each(emFixtureNames())(
    '%s: SIMD kernels on the workers give the in-thread JavaScript bits',
    async (name) => {
      const f = loadEmFixture(name);
      const { X: data, n: rows, d: cols } = loadMatrix(f.csv, f.columns);
      const options = replayOptions(f, f.final.n_iter);
      const e = executor(2);
      const simd = await fitGaussianMixture(data, rows, cols, options, { executor: e });
      expect(e.kernels).toBe('simd');
      expectIdentical(await fitGaussianMixture(data, rows, cols, options), simd);
    },
  );

  it('rejects further work after dispose instead of hanging', async () => {
    const e = executor(2);
    const options: FitOptions = {
      nComponents: 2,
      covarianceType: 'diag',
      init: 'kmeans',
      nInit: 1,
      seed: 1,
      maxIter: 5,
      tol: 0,
      regCovar: 1e-6,
    };
    await fitGaussianMixture(X, n, d, options, { executor: e });
    await e.dispose();
    await expect(fitGaussianMixture(X, n, d, options, { executor: e })).rejects.toThrow(/disposed/);
  });
});
