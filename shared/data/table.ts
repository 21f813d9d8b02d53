/**
 * The in-memory table the engine process owns after an import: numeric columns as Float64Array
 * (NaN = missing or not a number), text kept so labels can be exported next to the original cells.
 */
import type { DatasetSummary } from './types';

export interface DataTable {
  readonly summary: DatasetSummary;
  readonly rowCount: number;
  /**
   * Values of a numeric or mixed column, length rowCount, NaN where the cell is missing or not a
   * finite number; null for categorical and empty columns.
   */
  numeric(column: number): Float64Array | null;
  /** The cell exactly as in the file after unquoting and decoding ('' when missing). */
  text(column: number, row: number): string;
}
