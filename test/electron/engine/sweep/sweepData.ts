/** Test data for the sweep's worker-pool tests: fixture columns copied into shared memory. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fixturesDir, repoRoot } from '../../../support/paths';

/** The bundled sweep worker (test/support/globalSetup.ts builds it). */
export const SWEEP_WORKER = path.join(repoRoot, 'out/engine/sweepWorker.cjs');

export function shared(values: ArrayLike<number>): Float64Array {
  const X = new Float64Array(new SharedArrayBuffer(values.length * 8));
  X.set(Array.from(values));
  return X;
}

/** Columns of a fixture CSV as a row-major matrix in a SharedArrayBuffer. */
export function fixtureMatrix(name: string, columns: string[]): { X: Float64Array; n: number; d: number } {
  const text = readFileSync(path.join(fixturesDir, 'data', `${name}.csv`), 'utf8');
  const [header, ...rows] = text
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  const idx = columns.map((c) => header.indexOf(c));
  return { X: shared(rows.flatMap((r) => idx.map((j) => Number(r[j])))), n: rows.length, d: idx.length };
}
