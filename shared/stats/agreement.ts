/**
 * Agreement between a clustering and a known labelling (a reference column such as iris species):
 * the contingency table, the adjusted Rand index and normalised mutual information. Both indices
 * read only the table, so they are computed from it — O(K·L), whatever the number of rows.
 *
 * Shapes: n rows; `a` codes 0 … A−1 (clusters), `b` codes 0 … B−1 (reference levels), −1 = missing
 * (the row is left out of the table and of both indices).
 */

export interface Contingency {
  /** A × B counts, row-major: counts[i·B + j] = rows in cluster i with reference level j. */
  counts: Float64Array;
  nRows: number;
  nCols: number;
  /** A: row totals. */
  rowSums: Float64Array;
  /** B: column totals. */
  colSums: Float64Array;
  /** Rows counted (both codes present). */
  n: number;
  /** Rows left out because a code was missing (< 0). */
  missing: number;
}

/** Counts of (a[i], b[i]) pairs. */
export function contingencyTable(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  nRows: number,
  nCols: number,
): Contingency {
  const counts = new Float64Array(nRows * nCols);
  const rowSums = new Float64Array(nRows);
  const colSums = new Float64Array(nCols);
  let n = 0;
  let missing = 0;
  for (let i = 0; i < a.length; i++) {
    const r = a[i];
    const c = b[i];
    if (r < 0 || c < 0) {
      missing++;
      continue;
    }
    counts[r * nCols + c]++;
    rowSums[r]++;
    colSums[c]++;
    n++;
  }
  return { counts, nRows, nCols, rowSums, colSums, n, missing };
}

const pairs = (m: number) => (m * (m - 1)) / 2;

/**
 * Adjusted Rand index (Hubert & Arabie 1985), scikit-learn's adjusted_rand_score:
 *   index = Σ_ij C(n_ij, 2),  expected = Σ_i C(a_i, 2) · Σ_j C(b_j, 2) / C(n, 2),
 *   max = ½ (Σ_i C(a_i, 2) + Σ_j C(b_j, 2)),  ARI = (index − expected) / (max − expected).
 * 1 for identical partitions (up to renaming), about 0 for independent ones, negative when worse
 * than chance. When max = expected (both partitions trivial in the same way) the partitions agree
 * and scikit-learn returns 1; so does this.
 */
export function adjustedRandIndex(t: Contingency): number {
  let index = 0;
  for (let i = 0; i < t.counts.length; i++) index += pairs(t.counts[i]);
  let sumA = 0;
  for (let i = 0; i < t.nRows; i++) sumA += pairs(t.rowSums[i]);
  let sumB = 0;
  for (let j = 0; j < t.nCols; j++) sumB += pairs(t.colSums[j]);
  const total = pairs(t.n);
  if (total === 0) return 1;
  const expected = (sumA * sumB) / total;
  const max = (sumA + sumB) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}

/** Shannon entropy (nats) of the non-empty shares count/n. */
function entropy(sums: Float64Array, n: number): number {
  let h = 0;
  for (const s of sums) if (s > 0) h -= (s / n) * Math.log(s / n);
  return h;
}

const nonEmpty = (sums: Float64Array) => sums.reduce((c, s) => c + (s > 0 ? 1 : 0), 0);

/**
 * Normalised mutual information with the arithmetic mean of the entropies (scikit-learn's
 * normalized_mutual_info_score default, average_method='arithmetic'; Strehl & Ghosh 2002 use the
 * geometric mean):
 *   MI = Σ_ij (n_ij / n) ln(n · n_ij / (a_i b_j)),  NMI = MI / ((H(a) + H(b)) / 2).
 * Both labellings with a single class is a perfect match (1), as in scikit-learn; MI = 0 gives 0.
 */
export function normalizedMutualInfo(t: Contingency): number {
  const { n } = t;
  if (n === 0) return 1;
  const kA = nonEmpty(t.rowSums);
  const kB = nonEmpty(t.colSums);
  if (kA === 1 && kB === 1) return 1;
  let mi = 0;
  for (let i = 0; i < t.nRows; i++)
    for (let j = 0; j < t.nCols; j++) {
      const nij = t.counts[i * t.nCols + j];
      if (nij > 0) mi += (nij / n) * Math.log((n * nij) / (t.rowSums[i] * t.colSums[j]));
    }
  if (mi <= 0) return 0;
  const normaliser = Math.max((entropy(t.rowSums, n) + entropy(t.colSums, n)) / 2, Number.EPSILON);
  return mi / normaliser;
}
