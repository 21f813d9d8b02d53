/**
 * mclust's start for one column (qclass, R/mbahc.R): K classes between sample quantiles. The
 * quantiles (R's type 7) at K + 1, K + 2, … equally spaced probabilities until K + 1 distinct ones
 * exist, the extra cut points at the narrowest gaps dropped, the ends widened by sd · √ε, and
 * class k the values in [q_k, q_{k+1}).
 */

/** x: n values. Returns n class indices in 0 … K − 1. */
export function qclass(x: Float64Array, K: number): Int32Array {
  const n = x.length;
  const sorted = Float64Array.from(x).sort();
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i] - mean) ** 2;
  const eps = Math.sqrt(ss / (n - 1)) * Math.sqrt(Number.EPSILON);
  let q: number[] = [];
  for (let m = K + 1; q.length < K + 1; m++) {
    if (m > n + K + 1) break; // fewer than K + 1 distinct values: q stays short
    q = distinct(probabilities(m).map((prob) => quantile7(sorted, prob)));
  }
  if (q.length > K + 1) {
    const gaps = q.slice(1).map((v, i) => ({ i, gap: v - q[i] }));
    // R's order() is stable: equal gaps drop the leftmost cut point first.
    gaps.sort((a, b) => a.gap - b.gap || a.i - b.i);
    const drop = new Set(gaps.slice(0, q.length - K - 1).map((g) => g.i));
    q = q.filter((_, i) => !drop.has(i));
  }
  q[0] = sorted[0] - eps;
  q[q.length - 1] = sorted[n - 1] + eps;
  const labels = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < q.length - 1; k++) if (x[i] >= q[k] && x[i] < q[k + 1]) labels[i] = k;
  return labels;
}

/** R's seq(0, 1, length.out = m): interior points k · (1 / (m − 1)), the ends exact. */
function probabilities(m: number): number[] {
  const by = 1 / (m - 1);
  return Array.from({ length: m }, (_, k) => (k === 0 ? 0 : k === m - 1 ? 1 : k * by));
}

/** R's quantile(type = 7) of sorted values, with R's interpolation (1 − h) x_lo + h x_hi. */
function quantile7(sorted: Float64Array, prob: number): number {
  const index = 1 + (sorted.length - 1) * prob;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const qs = sorted[lo - 1];
  const h = index - lo;
  return index > lo && sorted[hi - 1] !== qs ? (1 - h) * qs + h * sorted[hi - 1] : qs;
}

function distinct(values: number[]): number[] {
  const out: number[] = [];
  for (const v of values) if (!out.includes(v)) out.push(v);
  return out;
}
