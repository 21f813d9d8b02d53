/** Shared by the parallel-execution tests: the bundled worker's path, test data, byte equality. */
import { expect } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '../../../../shared/engine/model/rng';
import type { FitResult } from '../../../../shared/engine/model/types';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
/** out/engine/worker.cjs, built by the vitest globalSetup. */
export const WORKER_PATH = path.join(root, 'out/engine/worker.cjs');

/** Three overlapping Gaussian blobs, n rows × d, from a fixed seed. */
export function blobs(n: number, d: number, seed = 7): Float64Array {
  const rng = new Rng(seed);
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) X[i * d + j] = (i % 3) * 2 + (j + 1) * rng.normal();
  return X;
}

function bytes(a: Float64Array | Int32Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

export function expectIdentical(a: FitResult, b: FitResult): void {
  for (const key of ['weights', 'means', 'covariances', 'precisionsCholesky'] as const) {
    expect(bytes(a.params[key]).equals(bytes(b.params[key])), key).toBe(true);
  }
  expect(bytes(a.resp).equals(bytes(b.resp)), 'resp').toBe(true);
  expect(bytes(a.logDensity).equals(bytes(b.logDensity)), 'logDensity').toBe(true);
  expect(bytes(a.labels).equals(bytes(b.labels)), 'labels').toBe(true);
  expect(a.traces.map((t) => Array.from(t))).toEqual(b.traces.map((t) => Array.from(t)));
  expect([a.nIter, a.lowerBound, a.meanLogLikelihood, a.bic, a.aic, a.icl, a.bestRestart]).toEqual([
    b.nIter,
    b.lowerBound,
    b.meanLogLikelihood,
    b.bic,
    b.aic,
    b.icl,
    b.bestRestart,
  ]);
}
