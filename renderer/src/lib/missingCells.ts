/**
 * Missing cells of the selected columns, counted the way the engine's mixed-type fit treats them
 * (shared/engine/request/buildMixedRows.ts): a row with some cells missing stays in the model and
 * its missing cells are modelled; a row with every selected cell missing has nothing to fit and is
 * left out; with missing 'drop', every row with a missing cell is left out. And the one statistic
 * the "model as categories?" advice needs: how many distinct values a numeric column has.
 */

/** One whole column: numbers (NaN or ±∞ = missing) or category codes (−1 = missing). */
export type ColumnCells = Float64Array | Int32Array;

export interface MissingCounts {
  /** Rows with at least one missing cell among the columns. */
  rowsWithMissing: number;
  /** Rows with every cell missing (no observed cell: left out in either mode). */
  rowsAllMissing: number;
  /** Missing cells in the rows that keep at least one observed cell. */
  cells: number;
}

const isMissing = (column: ColumnCells, i: number): boolean =>
  column instanceof Int32Array ? column[i] < 0 : !Number.isFinite(column[i]);

/** Counts over rows 0 … n−1 of equally long columns; rows in `excluded` (summary rows) are skipped. */
export function missingCounts(
  columns: readonly ColumnCells[],
  excluded: ReadonlySet<number> = new Set(),
): MissingCounts {
  const out: MissingCounts = { rowsWithMissing: 0, rowsAllMissing: 0, cells: 0 };
  if (columns.length === 0) return out;
  const n = columns[0].length;
  for (let i = 0; i < n; i++) {
    if (excluded.has(i)) continue;
    let missing = 0;
    for (const c of columns) if (isMissing(c, i)) missing++;
    if (missing === 0) continue;
    out.rowsWithMissing++;
    if (missing === columns.length) out.rowsAllMissing++;
    else out.cells += missing;
  }
  return out;
}

/**
 * The message key that says why a row of the current fit has no label. With missing cells modelled
 * (the default), a row stays in unless it has no observed cell in the model's columns; only with
 * 'drop' does one missing cell leave the row out.
 */
export function unlabelledHintKey(missing: 'model' | 'drop' | undefined): string {
  return missing === 'drop' ? 'table.unlabelledHint' : 'table.unlabelledNoObservedHint';
}

/** Distinct finite values of a column, counting no further than `limit` + 1 (enough to say "more"). */
export function distinctUpTo(values: ArrayLike<number>, limit: number): number {
  const seen = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    seen.add(v);
    if (seen.size > limit) break;
  }
  return seen.size;
}

/**
 * A numeric column with this many distinct values or fewer is offered "model as categories": a
 * Gaussian put on a handful of values (a 0/1 flag, a five-point scale) collapses onto them.
 */
export const FEW_VALUES = 10;
