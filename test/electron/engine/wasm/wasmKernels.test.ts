/**
 * The generated SIMD kernels give the JavaScript kernels' bits: the E-step (responsibilities, log
 * densities, nk, Σ r x and the running total) and the scatter, for both families, odd and even K,
 * d from 1 to the unrolling limits, with rows whose exponents underflow and a row no component
 * can explain (its distances overflow: an even split with log p = −∞).
 */
import { describe, expect, it } from 'vitest';
import { rowKernels } from '../../../../shared/engine/compute/js/rowKernels';
import type { KernelFamilyName } from '../../../../shared/engine/compute/js/types';
import { Rng } from '../../../../shared/engine/model/rng';
import {
  chunkCount,
  partialStride,
  runStepOnChunk,
  type RowJob,
} from '../../../../shared/engine/compute/steps';
import { WasmArena } from '../../../../electron/engine/wasm/arena';
import {
  paramBlockBytes,
  wasmRowKernels,
  wasmSimdAvailable,
} from '../../../../electron/engine/wasm/wasmKernels';

function sameBits(a: Float64Array, b: Float64Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
    Buffer.from(b.buffer, b.byteOffset, b.byteLength),
  );
}

function inArena(arena: WasmArena, values: Float64Array): Float64Array {
  const view = arena.float64(values.length);
  if (!view) throw new Error('arena full');
  view.set(values);
  return view;
}

const cases: [KernelFamilyName, number, number][] = [];
for (const family of ['diagonal', 'dense'] as const)
  for (const d of family === 'dense' ? [1, 2, 3, 5, 10, 12] : [1, 2, 5, 10, 17, 32])
    for (const K of [1, 2, 3, 8, 13, 32]) cases.push([family, d, K]);

describe('SIMD kernels equal the JavaScript kernels bit for bit', () => {
  it('this runtime has WebAssembly SIMD', () => {
    expect(wasmSimdAvailable()).toBe(true);
  });

  it.each(cases)('%s d=%i K=%i', (family, d, K) => {
    const rng = new Rng(d * 1000 + K);
    const n = 300;
    const start = 17;
    const end = 281;
    const X = Float64Array.from({ length: n * d }, () => 3 * rng.normal());
    X.fill(1e200, 40 * d, 41 * d);
    const means = Float64Array.from({ length: K * d }, () => rng.normal());
    const factors =
      family === 'dense'
        ? new Float64Array(K * d * d)
        : Float64Array.from({ length: K * d }, () => 0.2 + Math.abs(rng.normal()));
    if (family === 'dense')
      for (let k = 0; k < K; k++)
        for (let a = 0; a < d; a++)
          for (let b = a; b < d; b++)
            factors[k * d * d + a * d + b] = a === b ? 0.5 + rng.random() : 0.3 * rng.normal();
    // Some components far below the others, so their exponents underflow.
    const c = Float64Array.from({ length: K }, (_, k) => -(k % 4) * 800 + rng.normal());

    const js = rowKernels(family, d);
    const arena = new WasmArena();
    const params = arena.reserve(paramBlockBytes(family, d, K));
    if (params === null) throw new Error('arena full');
    const simd = wasmRowKernels(js, family, d, K, { memory: arena.memory, tables: arena.tables, params });

    const accOff = 3;
    const accLength = accOff + K + K * d;
    const run = (kernels: typeof js, onArena: boolean) => {
      const place = (a: Float64Array) => (onArena ? inArena(arena, a) : a.slice());
      const resp = place(new Float64Array(n * K));
      const logNorm = place(new Float64Array(n));
      const acc = place(Float64Array.from({ length: accLength }, (_, i) => (i < accOff ? 0 : 0.25 * i)));
      const Xp = place(X);
      const total = kernels.estep(Xp, resp, logNorm, start, end, K, means, factors, c, acc, accOff, 1.5);
      const scatterLength = 2 + (family === 'dense' ? K * d * d : K * d);
      const scatter = place(Float64Array.from({ length: scatterLength }, (_, i) => 0.125 * i));
      kernels.scatter(Xp, resp, start, end, K, means, scatter, 2);
      return { total, resp, logNorm, acc, scatter };
    };
    const a = run(js, false);
    const b = run(simd, true);
    expect(b.total).toBe(a.total);
    expect(a.total).toBe(-Infinity); // the overflowing row
    expect(sameBits(a.resp, b.resp)).toBe(true);
    expect(sameBits(a.logNorm, b.logNorm)).toBe(true);
    expect(sameBits(a.acc, b.acc)).toBe(true);
    expect(sameBits(a.scatter, b.scatter)).toBe(true);
    // Rows outside [start, end) are untouched.
    expect(b.resp.subarray(0, start * K).every((v) => v === 0)).toBe(true);
    expect(b.resp.subarray(end * K).every((v) => v === 0)).toBe(true);
    // The even row and some underflowed responsibilities are really exercised.
    expect(b.logNorm[40]).toBe(-Infinity);
    if (K > 1) expect(Array.from(b.resp.subarray(start * K, end * K)).some((v) => v === 0)).toBe(true);
  });
});

describe('SIMD k-means assignment equals the JavaScript one bit for bit', () => {
  // Each family's module carries the assignment; the centres sit in its own parameter layout.
  it.each(cases)('%s d=%i K=%i', (family, d, K) => {
    const rng = new Rng(d * 7 + K);
    const n = 2 * 8192 + 300; // three chunks, the last one short
    const X = Float64Array.from({ length: n * d }, () => 3 * rng.normal());
    const centers = Float64Array.from({ length: K * d }, () => rng.normal());
    if (K > 2) centers.copyWithin(2 * d, 0, d); // centre 2 = centre 0: ties go to the first
    const arena = new WasmArena();
    const params = arena.reserve(paramBlockBytes(family, d, K));
    if (params === null) throw new Error('arena full');
    const js = rowKernels(family, d);
    const simd = wasmRowKernels(js, family, d, K, { memory: arena.memory, tables: arena.tables, params });
    const job = (onArena: boolean): RowJob => {
      const f64 = (a: Float64Array) => (onArena ? inArena(arena, a) : a.slice());
      const labelsInit = Int32Array.from({ length: n }, (_, i) => (i * 7) % K);
      let labels: Int32Array = labelsInit;
      if (onArena) {
        const view = arena.int32(n);
        if (!view) throw new Error('arena full');
        view.set(labelsInit);
        labels = view;
      }
      return {
        X: f64(X),
        resp: f64(new Float64Array(1)),
        logNorm: f64(new Float64Array(1)),
        labels,
        partials: f64(new Float64Array(chunkCount(n) * partialStride(K, d)).fill(0.5)),
        nSamples: n,
        nFeatures: d,
        nComponents: K,
        family,
      };
    };
    const a = job(false);
    const b = job(true);
    expect(simd.assign).toBeDefined();
    for (let chunk = 0; chunk < chunkCount(n); chunk++) {
      runStepOnChunk(a, js, { kind: 'assign', centers }, chunk);
      runStepOnChunk(b, simd, { kind: 'assign', centers }, chunk);
    }
    expect(Array.from(b.labels)).toEqual(Array.from(a.labels));
    expect(sameBits(a.partials, b.partials)).toBe(true);
    if (K > 2) expect(Array.from(b.labels).includes(2)).toBe(false);
    if (K > 1) expect(new Set(b.labels).size).toBeGreaterThan(1);
  });
});
