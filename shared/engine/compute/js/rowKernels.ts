/**
 * The JavaScript row kernels of one (family, d): plain loops over rows, components and features,
 * built once per process and d (cached). They are the reference the WebAssembly SIMD kernels are
 * tested against bit for bit, and what runs where those cannot (BIT_IDENTITY.md).
 */
import type { KernelFamily, KernelFamilyName, RowKernels } from './types';
import { denseKernels } from './dense';
import { diagonalKernels } from './diagonal';
import { weightedSums } from './sums';
import { normalise } from './normalise';
import { blockedEStep } from './estep';

export const KERNEL_FAMILIES: Record<KernelFamilyName, KernelFamily> = {
  dense: denseKernels,
  diagonal: diagonalKernels,
};

const cache = new Map<string, RowKernels>();

/** The kernels take K as an argument, so one set serves every K. */
export function rowKernels(family: KernelFamilyName, d: number): RowKernels {
  const key = `${family}:${d}`;
  let kernels = cache.get(key);
  if (!kernels) {
    const parts = { ...KERNEL_FAMILIES[family].kernels(d), weightedSums: weightedSums(d), normalise };
    kernels = { ...parts, estep: blockedEStep(parts) };
    cache.set(key, kernels);
  }
  return kernels;
}
