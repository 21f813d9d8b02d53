/**
 * The columns a label export adds after the original ones, and their cells for one row.
 * Names are fixed (scripts downstream read them): `cluster` (1-based, as the UI numbers
 * components), `probability` (the responsibility of that cluster), optionally `p_1 … p_K` (every
 * component's responsibility, scikit-learn's predict_proba) and `uncertainty` = 1 − max_k p_k.
 */
import { formatNumber, neutralizeFormula } from './csvFormat';

export interface LabelColumnOptions {
  includeProbabilities: boolean;
  includeUncertainty: boolean;
}

export function labelColumnNames(nComponents: number, options: LabelColumnOptions): string[] {
  const names = ['cluster', 'probability'];
  if (options.includeProbabilities) for (let k = 1; k <= nComponents; k++) names.push(`p_${k}`);
  if (options.includeUncertainty) names.push('uncertainty');
  return names;
}

/** One labelled row's added values as numbers (cluster 1-based). resp: n × K, row r. */
export function labelValues(
  label: number,
  resp: Float64Array,
  r: number,
  K: number,
  options: LabelColumnOptions,
): number[] {
  const p = resp[r * K + label];
  const values = [label + 1, p];
  if (options.includeProbabilities) for (let k = 0; k < K; k++) values.push(resp[r * K + k]);
  // The label is the argmax, so its responsibility is the maximum.
  if (options.includeUncertainty) values.push(1 - p);
  return values;
}

/** Suffixes of the two columns an imputing export adds per model column with missing cells. */
export const FILLED_SUFFIX = '_filled';
export const IMPUTED_FLAG_SUFFIX = '_imputed';

/** `<column>_filled`, `<column>_imputed` for each imputed column, in order. */
export function imputedColumnNames(columns: readonly string[]): string[] {
  return columns.flatMap((c) => [`${c}${FILLED_SUFFIX}`, `${c}${IMPUTED_FLAG_SUFFIX}`]);
}

/**
 * The same cells as text; `null` (a row left out of the model) gives empty cells. A text value (an
 * imputed category) that a spreadsheet would run as a formula is neutralised as the original
 * cells are (csvFormat.ts).
 */
export function labelCells(values: (number | string)[] | null, width: number, decimal: '.' | ','): string[] {
  if (!values) return new Array<string>(width).fill('');
  return values.map((v) => (typeof v === 'number' ? formatNumber(v, decimal) : neutralizeFormula(v)));
}
