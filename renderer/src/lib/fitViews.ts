/**
 * Per-row work behind the workspace views, done once per finished fit (in a Web Worker, see
 * fitViewsRunner.ts, because at a million rows it takes longer than a frame):
 *   - each selected feature in display units (ln x for a log feature; shared/stats/displaySpace.ts),
 *   - a density histogram per feature, and PCA scores when there are two or more features,
 *   - the cluster summary table (numeric columns modelled as categories go to the shares instead),
 *   - the map from dataset rows to fitted rows (the data table shows labels by dataset row).
 *
 * Shapes: n = fitted rows, N = dataset rows, K components, d features.
 */
import type { GaussianMixtureParams, Preprocessing } from '../../../shared/engine/model/types';
import { toDisplayValue } from '../../../shared/stats/displaySpace';
import { densityHistogram, type Histogram } from '../../../shared/stats/histogram';
import { pca2, pcaProjectRows, type Pca2 } from '../../../shared/stats/pca';
import { stratifiedSample } from '../../../shared/stats/stratifiedSample';
import { SCATTER_MAX_POINTS } from '../charts/scatterOption';
import { categoryShares, type CategoryColumnInput, type CategoryShares } from './categoryShares';
import { clusterSummary, type ClusterSummary } from './clusterSummary';

export interface FitViewsInput {
  /** N: rows in the dataset. */
  datasetRows: number;
  params: GaussianMixtureParams;
  preprocessing: Preprocessing;
  /** n, 0-based component of each fitted row. */
  labels: Int32Array;
  /** n: each row's largest posterior probability (certaintyInSlices.ts, on the page). */
  certainty: Float64Array;
  /** n: dataset row of each fitted row. */
  rowIndex: Uint32Array;
  /** Whole columns (length N), the selected ones and every other numeric column. */
  columns: { index: number; name: string; values: Float64Array }[];
  /** Category columns (codes by dataset row): the fit's categorical ones and text columns for context. */
  categories?: CategoryColumnInput[];
}

export interface FitViews {
  /** n */
  certainty: Float64Array;
  /** d arrays of n display values, in the model's feature order. */
  display: Float64Array[];
  /** d histograms of the display values. */
  histograms: Histogram[];
  /** PCA of the fitted (preprocessed) rows and their scores; null for a single feature. */
  pca: { pca: Pca2; x: Float64Array; y: Float64Array } | null;
  summary: ClusterSummary;
  /** Per category column, each cluster's share of every level (empty when there is none). */
  categories: CategoryShares[];
  /** N: fitted row of each dataset row, −1 where the row was left out. */
  fittedRowOf: Int32Array;
  /**
   * Fitted rows the scatter draws when there are more than SCATTER_MAX_POINTS: a deterministic
   * cluster-stratified sample (shared/stats/stratifiedSample.ts), drawn here because choosing it
   * at millions of rows takes longer than a frame. Null when every row is drawn.
   */
  scatterRows: Uint32Array | null;
}

export function computeFitViews(input: FitViewsInput): FitViews {
  const { params, preprocessing: pre, labels, certainty, rowIndex } = input;
  const n = labels.length;
  const K = params.nComponents;
  const d = params.nFeatures;

  const byIndex = new Map(input.columns.map((c) => [c.index, c]));
  const display = pre.columns.map((col, j) => {
    const values = byIndex.get(col)?.values;
    const out = new Float64Array(n);
    if (!values) return out.fill(Number.NaN);
    for (let i = 0; i < n; i++) out[i] = toDisplayValue(pre, j, values[rowIndex[i]]);
    return out;
  });
  const histograms = display.map((v) => densityHistogram(v));

  let pca: FitViews['pca'] = null;
  if (d >= 2) {
    // The fitted matrix, z = (t − center) / scale, rebuilt from the display values.
    const X = new Float64Array(n * d);
    for (let j = 0; j < d; j++) {
      const t = display[j];
      for (let i = 0; i < n; i++) X[i * d + j] = (t[i] - pre.center[j]) / pre.scale[j];
    }
    const p = pca2(X, n, d);
    pca = { pca: p, ...pcaProjectRows(p, X, n) };
  }

  const fittedRowOf = new Int32Array(input.datasetRows).fill(-1);
  for (let i = 0; i < n; i++) fittedRowOf[rowIndex[i]] = i;

  // A numeric column modelled as categories has codes, not quantities: its mean would say nothing,
  // its shares per cluster (below) do. Counts and successes are modelled quantities: their means.
  const coded = new Set((pre.categorical ?? []).map((c) => c.column));
  const modelled = new Set([
    ...pre.columns,
    ...(pre.poisson ?? []).map((c) => c.column),
    ...(pre.binomial ?? []).map((c) => c.column),
  ]);
  const summary = clusterSummary({
    labels,
    certainty,
    weights: params.weights,
    rowIndex,
    columns: input.columns
      .filter((c) => !coded.has(c.index))
      .map((c) => ({
        index: c.index,
        name: c.name,
        selected: modelled.has(c.index),
        values: c.values,
      })),
  });
  const scatterRows =
    n > SCATTER_MAX_POINTS ? stratifiedSample(labels, K, { size: SCATTER_MAX_POINTS }) : null;
  const categories = categoryShares(labels, rowIndex, K, input.categories ?? []);
  return { certainty, display, histograms, pca, summary, categories, fittedRowOf, scatterRows };
}

/** The typed arrays of a FitViews, for postMessage's transfer list. */
export function fitViewsBuffers(v: FitViews): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [v.certainty, ...v.display, v.fittedRowOf];
  if (v.pca) arrays.push(v.pca.x, v.pca.y);
  if (v.scatterRows) arrays.push(v.scatterRows);
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
