/**
 * Clusters against a reference column (a known label, or a text column of the data): the
 * contingency table of the fitted rows, its row and column shares, and the agreement indices
 * (shared/stats/agreement.ts). The reference comes as category codes of the dataset's rows
 * (getCategories: −1 = missing); fitted row i is dataset row rowIndex[i].
 *
 * Shapes: n fitted rows, N dataset rows, K clusters, L levels; tables K × L row-major.
 */
import {
  adjustedRandIndex,
  contingencyTable,
  normalizedMutualInfo,
  type Contingency,
} from '../../../shared/stats/agreement';

export interface ClusterCrossTab {
  table: Contingency;
  /** K × L: share of cluster k's counted rows in level l (rows sum to 1; NaN for an empty cluster). */
  rowShares: Float64Array;
  /** K × L: share of level l's counted rows in cluster k (columns sum to 1). */
  colShares: Float64Array;
  ari: number;
  nmi: number;
}

export function clusterCrossTab(
  labels: ArrayLike<number>,
  rowIndex: ArrayLike<number>,
  codes: ArrayLike<number>,
  K: number,
  L: number,
): ClusterCrossTab {
  const reference = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) reference[i] = codes[rowIndex[i]];
  const table = contingencyTable(labels, reference, K, L);
  const rowShares = new Float64Array(K * L);
  const colShares = new Float64Array(K * L);
  for (let k = 0; k < K; k++)
    for (let l = 0; l < L; l++) {
      const c = table.counts[k * L + l];
      rowShares[k * L + l] = table.rowSums[k] > 0 ? c / table.rowSums[k] : Number.NaN;
      colShares[k * L + l] = table.colSums[l] > 0 ? c / table.colSums[l] : Number.NaN;
    }
  return { table, rowShares, colShares, ari: adjustedRandIndex(table), nmi: normalizedMutualInfo(table) };
}

/**
 * The levels worth a column in a narrow table: those holding at least one counted row, most
 * frequent first, at most `max` of them (the rest are summed up by the caller as "+N more").
 */
export function topLevels(table: Contingency, max: number): number[] {
  return Array.from({ length: table.nCols }, (_, l) => l)
    .filter((l) => table.colSums[l] > 0)
    .sort((a, b) => table.colSums[b] - table.colSums[a] || a - b)
    .slice(0, max);
}
