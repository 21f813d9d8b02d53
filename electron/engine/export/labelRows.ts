/**
 * Walks a table's rows in file order with the model's labels beside them: the rows an export
 * writes. Shared by the CSV and .xlsx writers so both put the same values in the same places.
 */
import type { DataTable } from '../../../shared/data/table';
import type { AppliedModel } from '../../../shared/export/applyModel';
import type { ImputedColumn } from '../../../shared/export/applyMixture';
import { labelValues, type LabelColumnOptions } from '../../../shared/export/labelColumns';

export interface LabelRowCursor {
  /** Added values of table row `row` (rows must be asked in ascending order), null if excluded. */
  valuesOf(row: number): (number | string)[] | null;
}

/** `imputed`: per imputed column, its filled value and 0/1 flag follow the label columns. */
export function labelRowCursor(
  applied: AppliedModel,
  nComponents: number,
  options: LabelColumnOptions,
  imputed: readonly ImputedColumn[] = [],
): LabelRowCursor {
  let r = 0;
  return {
    valuesOf(row) {
      // rowIndex is ascending (buildFitMatrix walks the table in order).
      while (r < applied.rowIndex.length && applied.rowIndex[r] < row) r++;
      if (r >= applied.rowIndex.length || applied.rowIndex[r] !== row) return null;
      const values: (number | string)[] = labelValues(
        applied.labels[r],
        applied.resp,
        r,
        nComponents,
        options,
      );
      for (const c of imputed) values.push(c.values[r], c.filled[r]);
      return values;
    },
  };
}

/**
 * Header of the original columns: the raw header text as imported (empty and duplicate names
 * included), so the export lines up with the file the user knows. A file read without a header row
 * has no raw names; its display names (`Column 1`, …) are written instead, else the first line of
 * the export would be a row of empty cells.
 */
export function originalHeader(table: DataTable): string[] {
  return table.summary.columns.map((c) => (table.summary.header === false ? c.displayName : c.name));
}

/** Rows per slice between progress reports and cancellation checks. */
export const ROWS_PER_SLICE = 4096;
