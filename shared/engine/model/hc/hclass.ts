/**
 * Classifications from an agglomeration's merges (mclust's hclass and partconv, R/mbahc.R and
 * R/util.R): the partition after the first n − G merges, its classes numbered 0, 1, … in order of
 * their first row — which, as every merge is labelled by its clusters' smallest rows, is the order
 * of their smallest rows.
 */

/** merges: (n − 1) × 2 smallest-row labels (hcVVV.ts); n rows. Returns n class indices in 0 … G − 1. */
export function hclass(merges: Int32Array, n: number, G: number): Int32Array {
  if (G < 1 || G > n) throw new RangeError(`hclass: G = ${G} is not in 1 … ${n}`);
  // Union–find over the rows; every root is its cluster's smallest row.
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (let step = 0; step < n - G; step++) {
    const a = root(merges[2 * step]);
    const b = root(merges[2 * step + 1]);
    if (a < b) parent[b] = a;
    else parent[a] = b;
  }
  const classOf = new Int32Array(n).fill(-1);
  const labels = new Int32Array(n);
  let next = 0;
  for (let i = 0; i < n; i++) {
    const r = root(i);
    if (classOf[r] < 0) classOf[r] = next++;
    labels[i] = classOf[r];
  }
  return labels;
}
