/**
 * The generated SIMD kernels (shared/engine/compute/wasm/simdKernels.ts) behind the RowKernels interface:
 * estep, scatter and the k-means assignment run in WebAssembly on arrays that live in a WasmArena;
 * the other row kernels stay the JavaScript ones. Both give the same bits, so a job may use either.
 *
 * Each thread compiles a module once per (family, d, K) and instantiates it on the job's memory;
 * the step's parameters (means, factors, constants) are packed into the thread's own parameter
 * block before each call.
 */
import type { KernelFamilyName, RowKernels } from '../../../shared/engine/compute';
import type { RowJob } from '../../../shared/engine/compute';
import { packParams, paramLayout } from '../../../shared/engine/compute';
import { simdKernelsModule, wasmKernelsSupported } from '../../../shared/engine/compute';
import { ARENA_MAX_PAGES } from './arena';
import { wasmApi, type WasmMemory, type WasmModule } from './webAssembly';

/** Where a thread's kernels find their memory, tables and parameter block. */
export interface WasmBinding {
  memory: WasmMemory;
  /** Byte address of the tables block. */
  tables: number;
  /** Byte address of this thread's parameter block (paramBlockBytes long). */
  params: number;
}

interface SimdExports {
  estep(
    X: number,
    resp: number,
    logNorm: number,
    start: number,
    end: number,
    par: number,
    acc: number,
    tab: number,
    total: number,
  ): number;
  scatter(X: number, resp: number, start: number, end: number, par: number, acc: number): void;
  assign(X: number, labels: number, start: number, end: number, par: number, slot: number): void;
}

let simdAvailable: boolean | null = null;

/** Can this runtime compile the kernels (WebAssembly with SIMD and shared memory)? */
export function wasmSimdAvailable(): boolean {
  if (simdAvailable === null) {
    try {
      simdAvailable =
        wasmApi !== null && wasmApi.validate(simdKernelsModule('diagonal', 1, 1, ARENA_MAX_PAGES));
    } catch {
      simdAvailable = false;
    }
  }
  return simdAvailable;
}

export function wasmKernelsApply(family: KernelFamilyName, d: number, K: number): boolean {
  return wasmKernelsSupported(family, d, K) && wasmSimdAvailable();
}

/**
 * Can the SIMD kernels run this job: a (family, d, K) they cover, a runtime with WebAssembly SIMD,
 * and every row array allocated by the arena (`owns`)?
 */
export function simdCanRun(job: RowJob, owns: (view: object) => boolean): boolean {
  const arrays = [job.X, job.resp, job.logNorm, job.labels, job.partials];
  return wasmKernelsApply(job.family, job.nFeatures, job.nComponents) && arrays.every((a) => owns(a));
}

/** Bytes of one thread's parameter block. */
export function paramBlockBytes(family: KernelFamilyName, d: number, K: number): number {
  return paramLayout(family, d, K).bytes;
}

const modules = new Map<string, WasmModule>();

function compiled(family: KernelFamilyName, d: number, K: number): WasmModule {
  if (!wasmApi) throw new Error('wasmRowKernels: this runtime has no WebAssembly');
  const key = `${family}:${d}:${K}`;
  let module = modules.get(key);
  if (!module) {
    module = new wasmApi.Module(simdKernelsModule(family, d, K, ARENA_MAX_PAGES));
    modules.set(key, module);
  }
  return module;
}

/**
 * RowKernels whose estep and scatter run the SIMD module. Every array they receive (X, resp,
 * logNorm, acc) must be a view the binding's arena allocated; the parameters may be anywhere.
 */
export function wasmRowKernels(
  base: RowKernels,
  family: KernelFamilyName,
  d: number,
  K: number,
  binding: WasmBinding,
): RowKernels {
  if (!wasmApi) throw new Error('wasmRowKernels: this runtime has no WebAssembly');
  const instance = new wasmApi.Instance(compiled(family, d, K), {
    env: { memory: binding.memory, log: Math.log },
  });
  const simd = instance.exports as unknown as SimdExports;
  const layout = paramLayout(family, d, K);
  const par = new Float64Array(binding.memory.buffer, binding.params, layout.bytes / 8);
  return {
    ...base,
    estep(X, resp, logNorm, start, end, nComponents, means, factors, c, acc, accOff, total) {
      packParams(par, 0, layout, family, d, nComponents, means, factors, c);
      return simd.estep(
        X.byteOffset,
        resp.byteOffset,
        logNorm.byteOffset,
        start,
        end,
        binding.params,
        acc.byteOffset + accOff * 8,
        binding.tables,
        total,
      );
    },
    scatter(X, resp, start, end, nComponents, means, acc, accOff) {
      packParams(par, 0, layout, family, d, nComponents, means);
      simd.scatter(X.byteOffset, resp.byteOffset, start, end, binding.params, acc.byteOffset + accOff * 8);
    },
    assign(X, labels, start, end, nComponents, centers, partials, slot) {
      packParams(par, 0, layout, family, d, nComponents, centers);
      simd.assign(
        X.byteOffset,
        labels.byteOffset,
        start,
        end,
        binding.params,
        partials.byteOffset + slot * 8,
      );
    },
  };
}
