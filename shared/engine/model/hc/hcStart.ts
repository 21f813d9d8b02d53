/**
 * mclust's hierarchical start for EM (mclustBIC, R/mclust.R): the classification into K classes
 * from one agglomeration of the data, so one tree gives the start of every K. With more than one
 * column, hcVVV on the SVD-transformed data (svdTransform.ts); with one column, quantile classes
 * (qclass.ts). Above SUBSET_ROWS rows, as mclust, the agglomeration (O(n²) memory and at least
 * O(n²) time) runs on a random subset of that many rows — drawn from the fit's seed — and the
 * start is the M-step of the subset's classes: the other rows get no class (label −1, a zero
 * responsibility row), and EM's first E-step classifies them.
 *
 * A tree depends only on the data and, above SUBSET_ROWS rows, the seed; the sweep asks for the
 * same one in every cell, so trees are cached per data matrix.
 */
import { Rng } from '../rng';
import { hclass } from './hclass';
import { hcVVV } from './hcVVV';
import { qclass } from './qclass';
import { svdTransform } from './svdTransform';

/** mclust.options("subset"). */
export const SUBSET_ROWS = 2000;

interface HcTree {
  /** The rows agglomerated, ascending (all rows when n ≤ SUBSET_ROWS). */
  rows: Int32Array;
  /** hcVVV's merges over those rows (indices into `rows`); null for one column (quantile classes). */
  merges: Int32Array | null;
}

const cache = new WeakMap<Float64Array, Map<string, HcTree>>();

/**
 * The start classification for K classes: n labels in 0 … K − 1, −1 for rows outside the
 * agglomerated subset; null when the data do not give K classes (fewer distinct values than K).
 * X: n × d row-major.
 */
export function hcLabels(X: Float64Array, n: number, d: number, K: number, seed: number): Int32Array | null {
  const tree = hcTree(X, n, d, seed);
  const m = tree.rows.length;
  if (K > m) return null;
  let sub: Int32Array;
  if (tree.merges) sub = hclass(tree.merges, m, K);
  else
    sub = qclass(
      Float64Array.from(tree.rows, (r) => X[r * d]),
      K,
    );
  const seen = new Uint8Array(K);
  for (const c of sub) if (c >= 0) seen[c] = 1;
  if (seen.some((s) => s === 0)) return null;
  const labels = new Int32Array(n).fill(-1);
  tree.rows.forEach((r, i) => (labels[r] = sub[i]));
  return labels;
}

function hcTree(X: Float64Array, n: number, d: number, seed: number): HcTree {
  const key = `${n}:${d}:${n > SUBSET_ROWS ? seed : ''}`;
  let byKey = cache.get(X);
  if (!byKey) cache.set(X, (byKey = new Map()));
  let tree = byKey.get(key);
  if (!tree) {
    const rows = n > SUBSET_ROWS ? subset(n, SUBSET_ROWS, seed) : Int32Array.from({ length: n }, (_, i) => i);
    tree = { rows, merges: d === 1 ? null : agglomerate(X, d, rows) };
    byKey.set(key, tree);
  }
  return tree;
}

function agglomerate(X: Float64Array, d: number, rows: Int32Array): Int32Array {
  const m = rows.length;
  const S = new Float64Array(m * d);
  rows.forEach((r, i) => S.set(X.subarray(r * d, r * d + d), i * d));
  const { Z, p } = svdTransform(S, m, d);
  return hcVVV(Z, m, p);
}

/** `size` distinct rows of n drawn uniformly (partial Fisher–Yates), ascending. */
function subset(n: number, size: number, seed: number): Int32Array {
  const rng = new Rng(seed);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + rng.int(n - i);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order.slice(0, size).sort();
}
