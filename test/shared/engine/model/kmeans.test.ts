/** k-means++ seeding and Lloyd iterations, run through the in-thread executor. */
import { describe, expect, it } from 'vitest';
import { kmeansPlusPlus, lloyd } from '../../../../shared/engine/model/kmeans';
import { Rng } from '../../../../shared/engine/model/rng';
import type { RowJob } from '../../../../shared/engine/compute/steps';
import { chunkCount, createInThreadExecutor, partialStride } from '../../../../shared/engine/compute/steps';

/** Four tight, well-separated blobs of 50 rows in 2-D. */
function blobs(): Float64Array {
  const rng = new Rng(5);
  const centres = [
    [0, 0],
    [10, 0],
    [0, 10],
    [10, 10],
  ];
  return Float64Array.from(
    { length: 400 },
    (_, e) => centres[Math.floor(e / 2) % 4][e % 2] + 0.3 * rng.normal(),
  );
}

function job(X: Float64Array, n: number, d: number, K: number): RowJob {
  return {
    X,
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

describe('k-means', () => {
  it('k-means++ picks one seed in each well-separated blob (rows of X)', () => {
    const X = blobs();
    const seeds = kmeansPlusPlus(X, 200, 2, 4, new Rng(1));
    const blobOf = (x: number, y: number) => (x > 5 ? 1 : 0) + (y > 5 ? 2 : 0);
    expect(new Set([0, 1, 2, 3].map((k) => blobOf(seeds[2 * k], seeds[2 * k + 1]))).size).toBe(4);
  });

  it('Lloyd iterations from a poor start recover the four blobs', async () => {
    const X = blobs();
    const j = job(X, 200, 2, 4);
    const executor = createInThreadExecutor();
    await executor.bind(j);
    const centres = Float64Array.from([0, 0, 0.5, 0.5, 10, 10, 9.5, 9.5]);
    await lloyd(j, executor, centres, new Rng(1));
    for (let i = 0; i < 200; i++) expect(j.labels[i]).toBe(j.labels[i % 4]);
    expect(new Set(j.labels).size).toBe(4);
  });

  it('moves a centre that attracts no rows to the farthest row instead of leaving it empty', async () => {
    const X = blobs();
    const j = job(X, 200, 2, 4);
    const executor = createInThreadExecutor();
    await executor.bind(j);
    const centres = Float64Array.from([0, 0, 10, 0, 0, 10, 1000, 1000]);
    await lloyd(j, executor, centres, new Rng(1));
    expect(new Set(j.labels).size).toBe(4);
    expect(centres.every((v) => Math.abs(v) < 20)).toBe(true);
  });
});
