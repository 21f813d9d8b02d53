/**
 * The sweep workers' executor: fits run in this thread on one reused WasmArena with the SIMD
 * kernels, and give the in-thread JavaScript executor's bits — also for a fit that follows a
 * larger one in the same arena (the arena is reset, and memory the earlier fit left is cleared).
 */
import { describe, expect, it } from 'vitest';
import { fitGaussianMixture } from '../../../../shared/engine/model/fit';
import type { CovarianceType, FitOptions } from '../../../../shared/engine/model/types';
import { WasmArena } from '../../../../electron/engine/wasm/arena';
import { createSimdInThreadExecutor } from '../../../../electron/engine/wasm/simdInThreadExecutor';
import { blobs, expectIdentical } from '../parallel/fitHelpers';

const options = (covarianceType: CovarianceType, nComponents: number): FitOptions => ({
  nComponents,
  covarianceType,
  init: 'kmeans',
  nInit: 2,
  seed: 3,
  maxIter: 30,
  tol: 1e-6,
  regCovar: 1e-6,
});

describe('SIMD in-thread executor', () => {
  const arena = new WasmArena();

  it.each(['full', 'tied', 'diag', 'spherical'] as const)(
    '%s: same bits as the JavaScript executor, fit after fit in one arena',
    async (covarianceType) => {
      const big = { n: 2 * 8192 + 77, d: 4 };
      const small = { n: 3001, d: 3 };
      for (const { n, d } of [big, small]) {
        const X = blobs(n, d, n);
        for (const K of [2, 5]) {
          const executor = createSimdInThreadExecutor(arena);
          const simd = await fitGaussianMixture(X, n, d, options(covarianceType, K), { executor });
          expect(executor.kernels).toBe('simd');
          expectIdentical(await fitGaussianMixture(X, n, d, options(covarianceType, K)), simd);
        }
      }
    },
  );

  it('keeps the JavaScript kernels where the SIMD ones do not apply, with the same numbers', async () => {
    const n = 900;
    const d = 14; // dense SIMD factors stop at d = 12
    const X = blobs(n, d, 5);
    const executor = createSimdInThreadExecutor(arena);
    const result = await fitGaussianMixture(X, n, d, options('full', 2), { executor });
    expect(executor.kernels).toBe('javascript');
    expectIdentical(await fitGaussianMixture(X, n, d, options('full', 2)), result);
  });
});
