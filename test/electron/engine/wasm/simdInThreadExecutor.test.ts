/**
 * The executor of the sweep workers and of the engine's own thread: fits and predictions run in
 * this thread on a WasmArena with the SIMD kernels, and give the in-thread JavaScript executor's
 * bits — also for a fit that follows a larger one in the same arena (the arena is reset, and memory
 * the earlier fit left is cleared).
 */
import { describe, expect, it } from 'vitest';
import { fitGaussianMixture } from '../../../../shared/engine/model/fit';
import { predictMixture } from '../../../../shared/engine/model/predict';
import type { CovarianceType, FitOptions } from '../../../../shared/engine/model/types';
import { WasmArena } from '../../../../electron/engine/wasm/arena';
import {
  createSimdInThreadExecutor,
  withSimdInThreadExecutor,
} from '../../../../electron/engine/wasm/simdInThreadExecutor';
import { blobs, expectIdentical } from '../parallel/fitHelpers';

function bytes(a: Float64Array | Int32Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

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

  it.each(['full', 'tied', 'diag', 'spherical'] as const)(
    '%s: predict gives the JavaScript bits over three chunks, with a row no component explains',
    async (covarianceType) => {
      const d = 3;
      const K = 5;
      const fitted = await fitGaussianMixture(blobs(2000, d, 8), 2000, d, options(covarianceType, K));
      const n = 2 * 8192 + 300;
      const X = blobs(n, d, 9);
      X.fill(1e200, 9000 * d, 9001 * d); // its distances overflow: an even split, log p = −∞
      const executor = createSimdInThreadExecutor(arena);
      const simd = await predictMixture(fitted.params, X, n, executor);
      expect(executor.kernels).toBe('simd');
      const js = await predictMixture(fitted.params, X, n);
      expect(bytes(simd.resp).equals(bytes(js.resp))).toBe(true);
      expect(bytes(simd.logDensity).equals(bytes(js.logDensity))).toBe(true);
      expect(bytes(simd.labels).equals(bytes(js.labels))).toBe(true);
      expect(simd.logDensity[9000]).toBe(-Infinity);
      expect(simd.meanLogLikelihood).toBe(-Infinity);
      expect(Array.from(simd.resp.subarray(9000 * K, 9001 * K))).toEqual(new Array(K).fill(1 / K));
      expect(new Set(simd.labels).size).toBe(K);
    },
  );

  it("gives concurrent work separate arenas, so neither overwrites the other's arrays", async () => {
    const work = (id: number) =>
      withSimdInThreadExecutor(async (executor) => {
        expect(executor).toBeDefined();
        const values = executor!.allocateFloat64(1000).fill(id);
        await new Promise((resolve) => setTimeout(resolve, 20));
        return values.every((v) => v === id);
      });
    expect(await Promise.all([work(1), work(2), work(3)])).toEqual([true, true, true]);
  });
});
