/**
 * The clusters table's part for category columns: per cluster, the share of each level among the
 * cluster's rows with an observed cell (hard labels, as the table's means), for the columns the
 * model treats as categories and for other text columns shown for context. Missing cells are left
 * out of both counts, so shares sum to 1 in every cluster that has an observed cell.
 *
 * Shapes: n fitted rows, K clusters, L levels of a column.
 */
export interface CategoryColumnInput {
  index: number;
  name: string;
  /** Modelled as categories in this fit, or another text column shown for context. */
  selected: boolean;
  levels: string[];
  /** Whole column (dataset rows): level index, −1 = missing. */
  codes: ArrayLike<number>;
}

export interface CategoryShares {
  index: number;
  name: string;
  selected: boolean;
  levels: string[];
  /** K × L shares; a cluster with no observed cell has NaN everywhere. */
  shares: number[][];
  /** K: observed cells per cluster. */
  counts: number[];
}

export function categoryShares(
  labels: ArrayLike<number>,
  rowIndex: ArrayLike<number>,
  K: number,
  columns: readonly CategoryColumnInput[],
): CategoryShares[] {
  const out = columns.map((c) => {
    const L = c.levels.length;
    const tally = Array.from({ length: K }, () => new Array<number>(L).fill(0));
    const counts = new Array<number>(K).fill(0);
    for (let i = 0; i < labels.length; i++) {
      const code = c.codes[rowIndex[i]];
      if (code < 0 || code >= L) continue;
      tally[labels[i]][code]++;
      counts[labels[i]]++;
    }
    const shares = tally.map((row, k) => row.map((x) => (counts[k] > 0 ? x / counts[k] : Number.NaN)));
    return { index: c.index, name: c.name, selected: c.selected, levels: [...c.levels], shares, counts };
  });
  // Modelled columns first, as in the means table.
  return out.sort((a, b) => Number(b.selected) - Number(a.selected));
}
