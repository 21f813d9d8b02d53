/**
 * Each row's largest posterior probability (shared/stats/certainty.ts maxPosterior), computed on
 * the page in slices with a yield to the event loop between them: at 2M rows × K = 20 the loop
 * takes a few hundred milliseconds, and this way the responsibilities (n × K, hundreds of MB) need
 * not be copied to the worker — only the n certainties are.
 */
import { maxPosterior } from '../../../shared/stats/certainty';

export const ROWS_PER_SLICE = 50_000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function certaintyInSlices(
  resp: Float64Array,
  n: number,
  K: number,
  rowsPerSlice = ROWS_PER_SLICE,
  yieldToLoop: () => Promise<void> = nextTask,
): Promise<Float64Array> {
  const out = new Float64Array(n);
  for (let start = 0; start < n; start += rowsPerSlice) {
    const end = Math.min(n, start + rowsPerSlice);
    out.set(maxPosterior(resp.subarray(start * K, end * K), end - start, K), start);
    if (end < n) await yieldToLoop();
  }
  return out;
}
