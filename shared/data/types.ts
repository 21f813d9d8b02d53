/**
 * The imported-table model shared by the engine (which owns the data), the CLI and the renderer.
 * Field names follow the CSV fixtures' sidecars (test/fixtures/csv/README.md) in camelCase; the CLI
 * prints them in the sidecars' snake_case.
 */
export type ColumnKind = 'numeric' | 'categorical' | 'mixed' | 'empty';

export interface ImportOptions {
  path: string;
  /** Overrides of detection; omitted = detect. */
  encoding?: string;
  delimiter?: string;
  decimal?: '.' | ',';
  sheet?: string;
}

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

export interface ColumnSummary {
  index: number;
  /** Raw header text. */
  name: string;
  /** Unique, non-empty name for display (`Column 1`, `score (2)`). */
  displayName: string;
  kind: ColumnKind;
  missing: number;
  distinct?: number;
  nonNumeric?: number;
  nonNumericRows?: number[];
  nonfinite?: number;
  sum?: number;
  min?: number;
  max?: number;
  mean?: number;
  std?: number;
}

export interface ImportProblem {
  row: number;
  kind: 'ragged' | 'nonfinite' | 'empty_header' | 'duplicate_header' | string;
  column?: number;
  [extra: string]: unknown;
}

export interface DatasetSummary {
  datasetId: string;
  file: string;
  format: 'csv' | 'xlsx' | 'xls';
  encoding: string;
  bom: boolean;
  delimiter: string | null;
  decimal: '.' | ',';
  thousands: string | null;
  header: boolean;
  rows: number;
  columns: ColumnSummary[];
  errors: ImportProblem[];
  sizeBytes: number;
}

export interface RowsRequest {
  datasetId: string;
  /** 0-based first row. */
  start: number;
  count: number;
  /** Column indices; omitted = all. */
  columns?: number[];
}

export interface RowsResult {
  start: number;
  /** Cells as display text, row-major: rows × columns. Missing = ''. */
  cells: string[][];
  columns: number[];
}
