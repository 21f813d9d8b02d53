/**
 * Builds the row kernels for one (family, d, K), once per process (cached). The specialised kernels
 * are straight-line code compiled with `new Function`: V8 runs the unrolled loops 4-5× faster than
 * the generic nested loops (DESIGN.md measurements). Where code generation is unavailable (a
 * renderer under a strict Content-Security-Policy) or d is too large to unroll, the generic
 * kernels are used; both perform the same floating-point operations in the same order.
 */
import type { EStep, KernelFamily, KernelFamilyName, RowKernels } from './types';
import { denseKernels } from './dense';
import { diagonalKernels } from './diagonal';
import { weightedSumsSource } from './sums';
import type { Normalise } from './normalise';
import { genericNormalise, normaliseSource } from './normalise';
import { EXP_CONSTANTS } from '../expNonPositive';
import { LOG_CONSTANTS } from '../logAtLeastOne';
import { blockedEStep } from './estep';

export const KERNEL_FAMILIES: Record<KernelFamilyName, KernelFamily> = {
  dense: denseKernels,
  diagonal: diagonalKernels,
};

/** 'auto': specialised where possible; 'generic': always the plain loops (tests, fallback). */
export type KernelMode = 'auto' | 'generic';

const cache = new Map<string, RowKernels>();

export function rowKernels(
  family: KernelFamilyName,
  d: number,
  K: number,
  mode: KernelMode = 'auto',
): RowKernels {
  const key = `${family}:${d}:${K}:${mode}`;
  let kernels = cache.get(key);
  if (!kernels) {
    kernels = build(KERNEL_FAMILIES[family], d, K, mode);
    cache.set(key, kernels);
  }
  return kernels;
}

function build(family: KernelFamily, d: number, K: number, mode: KernelMode): RowKernels {
  const genericParts = { ...family.generic(d), normalise: genericNormalise };
  const generic = { ...genericParts, estep: blockedEStep(genericParts) };
  if (mode === 'generic') return generic;
  const source = family.specialisedSource(d);
  const sums = weightedSumsSource(d);
  const normalise = normaliseSource(K);
  const parts = {
    normalise:
      (normalise &&
        compileWithConstants<Normalise>(
          'normalise(resp, logNorm, start, end, K, c, acc, accOff, total)',
          normalise,
        )) ||
      generic.normalise,
    mahalanobis:
      (source &&
        compile<RowKernels['mahalanobis']>(
          ['X', 'start', 'end', 'K', 'means', 'F', 'out'],
          source.mahalanobis,
        )) ||
      generic.mahalanobis,
    scatter:
      (source &&
        compile<RowKernels['scatter']>(
          ['X', 'resp', 'start', 'end', 'K', 'means', 'acc', 'accOff'],
          source.scatter,
        )) ||
      generic.scatter,
    weightedSums:
      (sums &&
        compile<RowKernels['weightedSums']>(['X', 'resp', 'start', 'end', 'K', 'acc', 'accOff'], sums)) ||
      generic.weightedSums,
  };
  const fused = family.fusedEStepSource?.(d, K);
  return { ...parts, estep: (fused && compileFusedEStep(fused, d, K)) || blockedEStep(parts) };
}

function compileFusedEStep(body: string, d: number, K: number): EStep | null {
  const estep = compileWithConstants<EStep>(
    'estep(X, resp, logNorm, start, end, K, means, F, c, acc, accOff, total)',
    body,
  );
  if (!estep) return null;
  // One call on two rows of zeros before any real work. Without it V8 can optimise the first
  // call's hot row loop (on-stack replacement) while the code after the loop has no type
  // feedback yet; leaving the loop then deoptimises, and on every later call again, which
  // measured 3× slower than the optimised kernel in about half the runs.
  estep(
    new Float64Array(2 * d),
    new Float64Array(2 * K),
    new Float64Array(2),
    0,
    2,
    K,
    new Float64Array(K * d),
    new Float64Array(K * d).fill(1),
    new Float64Array(K),
    new Float64Array(K + K * d),
    0,
    0,
  );
  return estep;
}

/** `signature` is `name(arg, …)`; the exp and log constants are bound as locals around `body`. */
function compileWithConstants<F>(signature: string, body: string): F | null {
  // The constants become locals of the kernel (not captured variables) so the optimiser treats
  // them as constants inside the row loop.
  const constants: Record<string, unknown> = { ...EXP_CONSTANTS, ...LOG_CONSTANTS };
  const names = Object.keys(constants);
  const locals = names.map((name) => `const ${name} = $${name};`).join(' ');
  const factory = compile<(...constants: unknown[]) => F>(
    names.map((name) => `$${name}`),
    `return function ${signature} {\n${locals}\n${body}\n};`,
  );
  return factory ? factory(...names.map((name) => constants[name])) : null;
}

function compile<F>(args: string[], body: string): F | null {
  try {
    return new Function(...args, body) as F;
  } catch {
    return null; // EvalError under a CSP without 'unsafe-eval': fall back to the generic loop
  }
}
