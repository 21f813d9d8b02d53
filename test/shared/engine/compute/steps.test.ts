/**
 * Chunked steps: fixed chunk boundaries, per-chunk partial slots reduced in chunk order — so the
 * order in which chunks run (which thread, which sequence) cannot change any result.
 */
import { describe, expect, it } from 'vitest';
import type { RowJob, StepRequest } from '../../../../shared/engine/compute/steps';
import {
  CHUNK_ROWS,
  chunkCount,
  kernelsFor,
  partialStride,
  reducePartials,
  runStepOnChunk,
} from '../../../../shared/engine/compute/steps';
import { Rng } from '../../../../shared/engine/model/rng';

function makeJob(n: number, d: number, K: number): RowJob {
  const rng = new Rng(3);
  return {
    X: Float64Array.from({ length: n * d }, () => rng.normal()),
    resp: new Float64Array(n * K),
    logNorm: new Float64Array(n),
    labels: new Int32Array(n),
    partials: new Float64Array(chunkCount(n) * partialStride(K, d)),
    nSamples: n,
    nFeatures: d,
    nComponents: K,
    family: 'dense',
  };
}

describe('row chunks', () => {
  it('cuts rows into fixed chunks of CHUNK_ROWS', () => {
    expect([chunkCount(1), chunkCount(CHUNK_ROWS), chunkCount(CHUNK_ROWS + 1)]).toEqual([1, 1, 2]);
  });

  it('gives the same partials and reduction whatever order the chunks run in', () => {
    const n = 3 * CHUNK_ROWS + 77;
    const d = 2;
    const K = 3;
    const a = makeJob(n, d, K);
    const b = makeJob(n, d, K);
    const step: StepRequest = {
      kind: 'estep',
      constants: Float64Array.from([-1, -2, -1.5]),
      means: Float64Array.from([0, 0, 1, 1, -1, 0.5]),
      factors: Float64Array.from([1, 0.2, 0, 1, 2, 0, 0, 2, 0.5, 0.1, 0, 0.7]),
    };
    const kernels = kernelsFor(a);
    for (const c of [0, 1, 2, 3]) runStepOnChunk(a, kernels, step, c);
    for (const c of [3, 1, 0, 2]) runStepOnChunk(b, kernels, step, c);
    expect(Array.from(b.partials)).toEqual(Array.from(a.partials));
    expect(Array.from(b.resp)).toEqual(Array.from(a.resp));
    const total = reducePartials(a, 1 + K);
    let direct = 0;
    for (let i = 0; i < n; i++) direct += a.logNorm[i];
    expect(total[0]).toBeCloseTo(direct, 6);
    let nk0 = 0;
    for (let i = 0; i < n; i++) nk0 += a.resp[i * K];
    expect(total[1]).toBeCloseTo(nk0, 8);
    expect(total[1] + total[2] + total[3]).toBeCloseTo(n, 8);
  });
});
