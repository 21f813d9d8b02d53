/**
 * Row order of the data table once a fit has labelled the rows: dataset order, or sorted by cluster
 * or by probability (certainty), optionally showing one cluster only. Rows the fit left out (missing
 * values) have no cluster: they sort last and are hidden by a cluster filter.
 *
 * Sorting is stable (ties keep dataset order), so "by cluster" lists each cluster's rows in file order.
 */
export type TableSortKey = 'row' | 'cluster' | 'probability';

export interface TableOrderSpec {
  sort: TableSortKey;
  descending: boolean;
  /** 0-based cluster to show, or null for all rows. */
  cluster: number | null;
}

export const DEFAULT_TABLE_ORDER: TableOrderSpec = { sort: 'row', descending: false, cluster: null };

export interface TableOrderInput {
  /** N: fitted row of each dataset row, −1 when left out. */
  fittedRowOf: Int32Array;
  /** n */
  labels: ArrayLike<number>;
  /** n */
  certainty: ArrayLike<number>;
  nComponents: number;
}

/** Dataset rows in display order; null means "dataset order, all rows" (no array needed). */
export function tableOrder(input: TableOrderInput, spec: TableOrderSpec): Uint32Array | null {
  const { fittedRowOf, labels, certainty } = input;
  const N = fittedRowOf.length;
  if (spec.sort === 'row' && spec.cluster === null && !spec.descending) return null;

  let rows: Uint32Array;
  if (spec.cluster !== null) {
    let m = 0;
    for (let r = 0; r < N; r++) if (fittedRowOf[r] >= 0 && labels[fittedRowOf[r]] === spec.cluster) m++;
    rows = new Uint32Array(m);
    for (let r = 0, w = 0; r < N; r++)
      if (fittedRowOf[r] >= 0 && labels[fittedRowOf[r]] === spec.cluster) rows[w++] = r;
  } else {
    rows = Uint32Array.from({ length: N }, (_, r) => r);
  }

  if (spec.sort === 'cluster') {
    // Counting sort on the label (K + 1 buckets, the last for unlabelled rows): linear and stable.
    const K = input.nComponents;
    const bucket = (r: number) => (fittedRowOf[r] >= 0 ? labels[fittedRowOf[r]] : K);
    const start = new Uint32Array(K + 2);
    for (const r of rows) start[bucket(r) + 1]++;
    for (let b = 0; b <= K; b++) start[b + 1] += start[b];
    const out = new Uint32Array(rows.length);
    for (const r of rows) out[start[bucket(r)]++] = r;
    if (spec.descending) reverseGroups(out, (r) => bucket(r), K);
    return out;
  }
  if (spec.sort === 'probability') {
    const sign = spec.descending ? -1 : 1;
    const key = (r: number) => (fittedRowOf[r] >= 0 ? certainty[fittedRowOf[r]] : Number.NaN);
    // Array.prototype.sort is stable (ES2019); unlabelled rows (NaN) always last.
    const sorted = Array.from(rows).sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (Number.isNaN(ka)) return Number.isNaN(kb) ? a - b : 1;
      if (Number.isNaN(kb)) return -1;
      return ka === kb ? a - b : sign * (ka - kb);
    });
    return Uint32Array.from(sorted);
  }
  if (spec.descending) rows.reverse();
  return rows;
}

/** Reverses the order of the label groups (highest cluster first), keeping rows in file order inside each. */
function reverseGroups(out: Uint32Array, bucket: (r: number) => number, K: number): void {
  const groups: number[][] = Array.from({ length: K + 1 }, () => []);
  for (const r of out) groups[bucket(r)].push(r);
  let w = 0;
  for (let b = K - 1; b >= 0; b--) for (const r of groups[b]) out[w++] = r;
  for (const r of groups[K]) out[w++] = r;
}
