/**
 * The cluster summary table: per cluster its size (rows assigned to it), its fitted weight, its
 * mean certainty and the mean of every listed column over its rows, in the columns' original units
 * (never z-scores or logs: a user compares these numbers with the spreadsheet). Means skip missing
 * cells, so a column that is not modelled may have fewer values per cluster than the cluster's size.
 */
export interface SummaryColumnInput {
  index: number;
  name: string;
  /** Modelled (selected) column, or another numeric column shown for context. */
  selected: boolean;
  /** Whole column (dataset rows), NaN = missing. */
  values: ArrayLike<number>;
}

export interface ClusterSummaryInput {
  /** n, 0-based component of each fitted row. */
  labels: ArrayLike<number>;
  /** n */
  certainty: ArrayLike<number>;
  /** K fitted mixing weights. */
  weights: ArrayLike<number>;
  /** n: dataset row of each fitted row. */
  rowIndex: ArrayLike<number>;
  columns: SummaryColumnInput[];
}

export interface ClusterSummary {
  /** K */
  sizes: number[];
  weights: number[];
  meanCertainty: number[];
  /** One entry per column; `means[k]` is NaN when cluster k has no value in that column. */
  columns: { index: number; name: string; selected: boolean; means: number[] }[];
}

export function clusterSummary(input: ClusterSummaryInput): ClusterSummary {
  const K = input.weights.length;
  const n = input.labels.length;
  const sizes = new Array<number>(K).fill(0);
  const certaintySum = new Array<number>(K).fill(0);
  for (let i = 0; i < n; i++) {
    sizes[input.labels[i]]++;
    certaintySum[input.labels[i]] += input.certainty[i];
  }
  const columns = input.columns.map((c) => {
    const sum = new Float64Array(K);
    const count = new Float64Array(K);
    for (let i = 0; i < n; i++) {
      const v = c.values[input.rowIndex[i]];
      if (!Number.isFinite(v)) continue;
      sum[input.labels[i]] += v;
      count[input.labels[i]]++;
    }
    const means = Array.from(sum, (s, k) => (count[k] > 0 ? s / count[k] : Number.NaN));
    return { index: c.index, name: c.name, selected: c.selected, means };
  });
  // Selected columns first (in the model's order as given), then the others.
  columns.sort((a, b) => Number(b.selected) - Number(a.selected));
  return {
    sizes,
    weights: Array.from(input.weights),
    meanCertainty: certaintySum.map((s, k) => (sizes[k] > 0 ? s / sizes[k] : Number.NaN)),
    columns,
  };
}
