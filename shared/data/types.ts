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
  /**
   * Whether the first record is the header: omitted = decide (a first line of numbers that look like
   * the rows below is data; see shared/data/firstLine.ts), true = header, false = data.
   */
  header?: boolean;
  /**
   * Summary rows (a "Total" label over the column sums, shared/data/totalRows.ts): reported either
   * way; 'exclude' (the default) leaves them out of the statistics and the fit, 'keep' keeps them.
   */
  totalRows?: 'exclude' | 'keep';
  /** Images only (PNG, JPEG, BMP, WebP, GIF): which columns each pixel's row gets. */
  image?: ImagePixelOptions;
}

/**
 * The columns of an image's pixel rows: `grey` for a single-channel image, else `r, g, b` (`colour`
 * 'rgb', the default), `L*, a*, b*` (CIELAB D65, shared/data/cielab.ts; 'lab') or both ('both');
 * `x, y` (0-based column and row from the top-left) after them when `xy` is true.
 */
export interface ImagePixelOptions {
  colour?: 'rgb' | 'lab' | 'both';
  xy?: boolean;
}

export type ImageType = 'png' | 'jpeg' | 'bmp' | 'webp' | 'gif';

/** What an image dataset is: one row per pixel, row-major from the top-left. */
export interface ImageInfo {
  type: ImageType;
  width: number;
  height: number;
  /** 1 grey, 3 colour (alpha is dropped). */
  channels: 1 | 3;
  /** The largest sample value: 255, or 65535 for a 16-bit PNG. */
  maxValue: number;
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
  /** Finite numbers in the column (numeric and mixed). */
  count?: number;
  distinct?: number;
  nonNumeric?: number;
  nonNumericRows?: number[];
  nonfinite?: number;
  /** Sum of the finite numbers, exactly rounded (Shewchuk / `math.fsum`). */
  sum?: number;
  min?: number;
  max?: number;
  mean?: number;
  /** Sample standard deviation (ddof = 1); absent when fewer than 2 numbers. */
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
  format: 'csv' | 'xlsx' | 'xls' | ImageType;
  encoding: string;
  bom: boolean;
  delimiter: string | null;
  decimal: '.' | ',';
  thousands: string | null;
  header: boolean;
  rows: number;
  /** Images: the picture the rows are the pixels of. */
  image?: ImageInfo;
  columns: ColumnSummary[];
  errors: ImportProblem[];
  sizeBytes: number;
  /** Problems found beyond the listed ones (lists stop at 10 000 entries per kind). */
  unlistedErrors?: number;
  /** Columns dropped because their header and every cell were empty (a trailing delimiter). */
  droppedPhantomColumns?: number;
  /** Workbooks: every sheet's name, in workbook order, and the one imported. */
  sheets?: string[];
  sheet?: string;
}

/**
 * A cheap look at a file for the import dialog: the settings detection chose (or the overrides
 * given), the first rows as text and per-column kinds judged from those rows only. Nothing is stored.
 */
export interface PreviewResult {
  file: string;
  format: 'csv' | 'xlsx' | 'xls' | ImageType;
  /** Images: the picture whose pixels the rows are. */
  image?: ImageInfo;
  encoding: string;
  bom: boolean;
  delimiter: string | null;
  decimal: '.' | ',';
  thousands: string | null;
  sheets?: string[];
  sheet?: string;
  /** Raw header cells ([] when the first line is data). */
  header: string[];
  /**
   * Whether the first line is the header (detected, or the `header` option): absent = true. When
   * false the first line is the first of `rows` and the columns are named Column 1, Column 2, …
   */
  hasHeader?: boolean;
  /** Up to 50 data rows, cells as text after unquoting, padded / cut to the header's width. */
  rows: string[][];
  /** Summary rows (totals) found among the previewed rows, when any. */
  totalRows?: number;
  /** Kinds and statistics from the sampled rows only (the import types the whole file). */
  columns: ColumnSummary[];
  sizeBytes: number;
  /** The sample covered the whole file (so the kinds are final). */
  complete: boolean;
}

export interface RowsRequest {
  datasetId: string;
  /** 0-based first row. */
  start: number;
  count: number;
  /** Column indices; omitted = all. */
  columns?: number[];
  /**
   * Explicit 0-based row indices, in the order wanted (a sorted or filtered table); when given,
   * `start` and `count` are ignored. At most 10 000.
   */
  rows?: number[];
}

export interface RowsResult {
  start: number;
  /** Cells as display text, row-major: rows × columns. Missing = ''. */
  cells: string[][];
  columns: number[];
}

/** Whole numeric (or mixed) columns, for charts. */
export interface ColumnValuesRequest {
  datasetId: string;
  /** Column indices; each must be numeric or mixed. */
  columns: number[];
}

export interface ColumnValuesResult {
  columns: number[];
  /** One array per requested column, length = rows; NaN where the cell is missing or not a number. */
  values: Float64Array[];
}

/** Columns read as categories, for the views of a model with categorical columns. */
export interface CategoriesRequest {
  datasetId: string;
  /** Column indices, any kind (a numeric column's levels are its distinct numbers). */
  columns: number[];
}

export interface CategoriesResult {
  columns: number[];
  /**
   * Per column its levels as a fit codes them (shared/engine/request/buildMixedRows.ts
   * `categoryCodes`): numbers ascending, then texts in natural order.
   */
  levels: string[][];
  /** Per column, length = rows: each row's level index, −1 where the cell is missing. */
  codes: Int32Array[];
}
