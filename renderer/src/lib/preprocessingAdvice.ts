/**
 * Advice for the preprocessing controls, from the import's column statistics and (when loaded) the
 * columns' values: whether to standardise, which columns may be log-transformed, and how many rows
 * the fit will leave out.
 */
import type { ColumnSummary } from '../../../shared/data/types';

/** Columns whose scale (sd) differs by more than this factor are standardised by default. */
export const SCALE_RATIO_FOR_STANDARDIZE = 10;

/** Largest sd / smallest positive sd among the columns; 1 when fewer than two have a spread. */
export function scaleRatio(columns: readonly ColumnSummary[]): number {
  const sds = columns.map((c) => c.std ?? 0).filter((s) => s > 0 && Number.isFinite(s));
  if (sds.length < 2) return 1;
  return Math.max(...sds) / Math.min(...sds);
}

/**
 * Standardise by default when scales differ by more than ~10×: EM's k-means start and the
 * spherical/diagonal shapes measure distance in the columns' units, so a column in thousands
 * would otherwise decide the clusters alone.
 */
export function suggestStandardize(columns: readonly ColumnSummary[]): boolean {
  return scaleRatio(columns) > SCALE_RATIO_FOR_STANDARDIZE;
}

/** A log transform needs every value > 0 (the import's minimum says so without reading the data). */
export function logAllowed(column: ColumnSummary): boolean {
  return column.min !== undefined && column.min > 0;
}

/** Numeric and mixed columns (mixed: its text cells count as missing) are the ones a model can use. */
export function isModelColumn(column: ColumnSummary): boolean {
  return (column.kind === 'numeric' || column.kind === 'mixed') && (column.count ?? 1) > 0;
}

/**
 * Rows with a missing (NaN) value in any of the given whole columns — the rows the fit leaves out.
 * Without the values, the largest per-column count of missing and text cells is a lower bound.
 */
export function droppedRows(
  values: readonly Float64Array[] | null,
  columns: readonly ColumnSummary[],
): { count: number; exact: boolean } {
  if (columns.length === 0) return { count: 0, exact: true };
  if (!values) {
    const bound = Math.max(...columns.map((c) => c.missing + (c.nonNumeric ?? 0) + (c.nonfinite ?? 0)));
    return { count: bound, exact: false };
  }
  const n = values[0].length;
  let dropped = 0;
  for (let i = 0; i < n; i++) {
    for (const v of values) {
      if (!Number.isFinite(v[i])) {
        dropped++;
        break;
      }
    }
  }
  return { count: dropped, exact: true };
}
