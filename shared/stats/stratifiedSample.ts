/**
 * A deterministic, cluster-stratified row sample for drawing very large scatters. Each cluster
 * gets a share of the budget proportional to its size, but at least min(size, minPerCluster) rows,
 * so a small cluster never vanishes from the picture; within a cluster the rows are chosen by
 * selection sampling (Knuth, TAOCP vol. 2, §3.4.2, Algorithm S), which keeps exactly the quota,
 * keeps row order, and is uniform. The generator is seeded, so the same data gives the same sample.
 */
import { Rng } from '../engine/model/rng';

export interface SampleOptions {
  /** Target number of rows (the result can exceed it by the small-cluster minimums). */
  size: number;
  minPerCluster?: number;
  seed?: number;
}

/** Row indices (ascending) to draw; all rows when n ≤ size. */
export function stratifiedSample(
  labels: ArrayLike<number>,
  nClusters: number,
  opts: SampleOptions,
): Uint32Array {
  const n = labels.length;
  if (n <= opts.size) return Uint32Array.from({ length: n }, (_, i) => i);
  const minPer = opts.minPerCluster ?? 200;
  const sizes = new Float64Array(nClusters);
  for (let i = 0; i < n; i++) sizes[labels[i]]++;
  const quota = Array.from(sizes, (s) =>
    Math.min(s, Math.max(Math.round((opts.size * s) / n), Math.min(s, minPer))),
  );
  const seen = new Float64Array(nClusters);
  const taken = new Float64Array(nClusters);
  const rng = new Rng(opts.seed ?? 0);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    // Algorithm S: keep row with probability (still needed) / (still available).
    if ((sizes[c] - seen[c]) * rng.random() < quota[c] - taken[c]) {
      out.push(i);
      taken[c]++;
    }
    seen[c]++;
  }
  return Uint32Array.from(out);
}
