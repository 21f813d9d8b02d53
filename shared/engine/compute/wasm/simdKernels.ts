/**
 * Generates, for one kernel family and one (d, K), a WebAssembly module whose two functions do
 * the E-step and the scatter of js/types.ts on rows [start, end), with two components per
 * v128 (layout.ts). Every lane performs the scalar operations of the JavaScript kernels in their
 * order (js/diagonal.ts, dense.ts, normalise.ts, sums.ts, estep.ts), and every accumulator
 * is added to row by row in row order, so the results are bit-identical to the JavaScript path
 * (test/electron/engine/wasm/wasmKernels.test.ts); what changes is that two components' work
 * shares one instruction, with no bounds checks and no JIT deoptimisation.
 *
 *   estep(X, resp, logNorm, start, end, par, acc, tab, total) → total + Σ log p(x_i)
 *       X, resp, logNorm, acc: byte addresses of element 0; acc as EStep's acc[accOff…]
 *       (nk: K, then Σ r x: K × d), added to; par: the parameter block; tab: the tables block.
 *   scatter(X, resp, start, end, par, acc)
 *       acc as RowKernels.scatter's acc[accOff…] (diagonal K × d, dense K × d × d), added to.
 *   assign(X, labels, start, end, par, slot)
 *       k-means' nearest centre (assignKernel.ts); the centres in par's means.
 *
 * One row at a time: its d values are splatted once, then per pair the distance, the
 * log-sum-exp over all K, and the responsibility-weighted sums, all in locals.
 */
import { F64, encodeModule } from './encoder';
import { paramLayout } from './layout';
import type { KernelFamilyName } from '../js/types';
import type { Shape } from './rowFrame';
import { estepFunction } from './estepKernel';
import { scatterFunction } from './scatterKernel';
import { assignFunction } from './assignKernel';

/** Largest K and d the generated kernels cover (beyond them the JavaScript kernels run). */
export const WASM_MAX_K = 32;
export const WASM_MAX_D: Record<KernelFamilyName, number> = { diagonal: 32, dense: 12 };

export function wasmKernelsSupported(family: KernelFamilyName, d: number, K: number): boolean {
  return K >= 1 && K <= WASM_MAX_K && d >= 1 && d <= WASM_MAX_D[family];
}

/** The module's bytes; it imports env.log (Math.log) and the shared memory env.memory. */
export function simdKernelsModule(
  family: KernelFamilyName,
  d: number,
  K: number,
  maxPages: number,
): Uint8Array {
  if (!wasmKernelsSupported(family, d, K)) throw new Error(`simdKernelsModule: unsupported d=${d} K=${K}`);
  const shape: Shape = { family, d, K, layout: paramLayout(family, d, K) };
  return encodeModule({
    functions: [{ module: 'env', name: 'log', params: [F64], results: [F64] }],
    memory: { module: 'env', name: 'memory', minPages: 1, maxPages, shared: true },
    exports: [
      { name: 'estep', code: estepFunction(shape) },
      { name: 'scatter', code: scatterFunction(shape) },
      { name: 'assign', code: assignFunction(shape) },
    ],
  });
}
