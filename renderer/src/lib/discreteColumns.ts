/**
 * The discrete columns of a fit (categories, counts, successes) and the bars the histogram view
 * draws for one of them (shared/stats/discreteBars.ts), from the fit's parameters and the whole
 * columns the renderer holds: dataset rows are read through the fit's rowIndex, so exactly the
 * fitted rows are counted, each with its frequency weight when the fit had a weight column.
 *
 * Shapes (params.discrete): categorical[j] K × L_j, poisson K × q, binomial K × b, row-major.
 */
import type { FitResponse } from '../../../shared/engine/model/types';
import {
  binomialBars,
  categoricalBars,
  poissonBars,
  type DiscreteBars,
} from '../../../shared/stats/discreteBars';

export type DiscreteFamily = 'categorical' | 'count' | 'binomial';

export interface DiscreteColumn {
  /** Dataset column index. */
  column: number;
  name: string;
  family: DiscreteFamily;
  /** Its index among the fit's columns of that family (params.discrete's order). */
  j: number;
}

export function discreteColumns(pre: FitResponse['preprocessing']): DiscreteColumn[] {
  return [
    ...(pre.categorical ?? []).map((c, j) => ({
      column: c.column,
      name: c.name,
      family: 'categorical' as const,
      j,
    })),
    ...(pre.poisson ?? []).map((c, j) => ({ column: c.column, name: c.name, family: 'count' as const, j })),
    ...(pre.binomial ?? []).map((c, j) => ({
      column: c.column,
      name: c.name,
      family: 'binomial' as const,
      j,
    })),
  ];
}

/** What the bars read: whole columns by dataset row. */
export interface DiscreteColumnData {
  /** Numeric columns (counts, successes, trials, weights). */
  values: ReadonlyMap<number, Float64Array>;
  /** Columns read as categories: levels and codes (−1 = missing). */
  categories: ReadonlyMap<number, { levels: string[]; codes: ArrayLike<number> }>;
}

/** A whole column's values at the fitted rows. */
function atFittedRows(whole: ArrayLike<number>, rowIndex: Uint32Array): Float64Array {
  return Float64Array.from(rowIndex, (r) => whole[r]);
}

/**
 * The bars of a discrete column of the fit; null while a column they read is not loaded yet.
 * Category codes are matched to the fit's levels by name, so a column the engine lists in another
 * order still lands on the right probabilities.
 */
export function discreteColumnBars(
  response: FitResponse,
  column: DiscreteColumn,
  data: DiscreteColumnData,
): DiscreteBars | null {
  const pre = response.preprocessing;
  const params = response.fit.params;
  const K = params.nComponents;
  const rows = response.rowIndex;
  let weights: Float64Array | undefined;
  if (pre.weights) {
    const whole = data.values.get(pre.weights.column);
    if (!whole) return null;
    weights = atFittedRows(whole, rows);
  }
  const discrete = params.discrete;
  if (!discrete) return null;
  if (column.family === 'categorical') {
    const levels = pre.categorical![column.j].levels;
    const read = data.categories.get(column.column);
    if (!read) return null;
    const toFit = read.levels.map((l) => levels.indexOf(l));
    const codes = Float64Array.from(rows, (r) => {
      const c = read.codes[r];
      return c >= 0 && c < toFit.length ? toFit[c] : -1;
    });
    return categoricalBars(
      { values: codes, weights },
      levels,
      params.weights,
      discrete.categorical[column.j],
    );
  }
  const whole = data.values.get(column.column);
  if (!whole) return null;
  const values = atFittedRows(whole, rows);
  if (column.family === 'count') {
    const q = pre.poisson!.length;
    const rates = Array.from({ length: K }, (_, k) => discrete.poisson[k * q + column.j]);
    return poissonBars({ values, weights }, params.weights, rates);
  }
  const b = pre.binomial!.length;
  const probabilities = Array.from({ length: K }, (_, k) => discrete.binomial[k * b + column.j]);
  const trials = pre.binomial![column.j].trials;
  if (typeof trials === 'number')
    return binomialBars({ values, weights }, trials, params.weights, probabilities);
  const trialsColumn = data.values.get(trials.column);
  if (!trialsColumn) return null;
  return binomialBars({ values, weights }, atFittedRows(trialsColumn, rows), params.weights, probabilities);
}
