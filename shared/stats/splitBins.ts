/**
 * Histogram bins that end exactly at a threshold: the bin holding the threshold is cut in two, so a
 * bar is never half below and half above the line it is coloured by (a bar painted "uncertain"
 * must hold only rows below the threshold).
 *
 * Bins are [edges[i], edges[i+1]), the last one closed, as in ./histogram.ts.
 */

/** `edges` with `threshold` inserted when it falls strictly inside a bin (unchanged otherwise). */
export function edgesSplitAt(edges: readonly number[], threshold: number): number[] {
  const out = [...edges];
  if (!(threshold > edges[0] && threshold < edges[edges.length - 1])) return out;
  if (edges.includes(threshold)) return out;
  let i = 0;
  while (edges[i + 1] <= threshold) i++;
  out.splice(i + 1, 0, threshold);
  return out;
}

/**
 * Counts of `values` in the bins of `edges` (binary search, so edges may be uneven). Values below
 * the first edge go in the first bin and above the last in the last (certainties are clamped to
 * [1/K, 1] this way); non-finite values are skipped.
 */
export function countInBins(values: ArrayLike<number>, edges: readonly number[]): number[] {
  const nBins = edges.length - 1;
  const counts = new Array<number>(nBins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    // Largest b with edges[b] ≤ v, within 0 … nBins − 1.
    let lo = 0;
    let hi = nBins - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (edges[mid] <= v) lo = mid;
      else hi = mid - 1;
    }
    counts[lo]++;
  }
  return counts;
}
