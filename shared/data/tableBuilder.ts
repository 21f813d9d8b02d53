/**
 * Builds a table record by record, whatever the source (delimited text or a worksheet): the first
 * record is the header; ragged rows are padded (short) or cut (long) and reported; at the end,
 * phantom columns are dropped, the first record is read as data if it is (firstLine.ts), summary
 * rows are found and left out (totalRows.ts), and every column is summarised (fixture README, "Rows
 * and records").
 */
import { ColumnBuilder, MAX_LISTED_ROWS } from './columnBuilder';
import { sampleStd, summarizeColumn } from './columnSummary';
import { IMPORT_LIMITS, rejectTooManyCells, rejectTooManyColumns, type ImportLimits } from './importLimits';
import { headerNames } from './headerNames';
import { ColumnTable } from './columnTable';
import { firstLineIsData } from './firstLine';
import { findTotalRows } from './totalRows';
import type { ColumnSummary, ImportOptions, ImportProblem } from './types';

const PRIME_ROWS = 1 << 16;

/** The import options that decide how records become the table (types.ts explains each). */
export type TableRules = Pick<ImportOptions, 'header' | 'totalRows'>;

export interface BuiltTable {
  table: ColumnTable;
  columns: ColumnSummary[];
  errors: ImportProblem[];
  /** Problems found but not listed (beyond MAX_LISTED_ROWS ragged rows or non-finite cells). */
  unlistedErrors: number;
  droppedPhantomColumns: number;
  /** The first record is the header (false: it was data, and the columns are named Column 1…). */
  header: boolean;
}

export class TableBuilder {
  header: string[] | null = null;
  columns: ColumnBuilder[] = [];
  rows = 0;
  private readonly ragged: ImportProblem[] = [];
  private unlisted = 0;
  private stdPrimed = false;

  /** Rows the cell limit leaves room for at this width (set with the header). */
  private maxRows = Infinity;

  /**
   * @param decimalComma the file's number locale (',' decimal, '.' thousands).
   * @param nextCapacity given the rows so far, the capacity to grow to (an estimate of the total).
   * @param limits column and cell caps (importLimits.ts); refused before anything is allocated.
   */
  constructor(
    private readonly decimalComma: boolean,
    private readonly nextCapacity: (rows: number) => number,
    private readonly limits: ImportLimits = IMPORT_LIMITS,
    private readonly rules: TableRules = {},
  ) {}

  setHeader(names: string[]): void {
    if (names.length > this.limits.columns) throw rejectTooManyColumns(names.length, this.limits);
    this.header = names;
    this.maxRows = names.length > 0 ? Math.floor(this.limits.cells / names.length) : Infinity;
    // The estimate may be wild (a file of long lines, a short sample): never allocate past the cap.
    const capacity = Math.min(Math.max(16, this.nextCapacity(0)), this.maxRows);
    this.columns = names.map(() => new ColumnBuilder(this.decimalComma, capacity));
  }

  get width(): number {
    return this.columns.length;
  }

  /** Call before the cells of each data record. */
  beginRecord(): void {
    this.reserveRow(this.rows);
  }

  /** Makes room in every column for (0-based) data row `row`; returns the capacity. */
  reserveRow(row: number): number {
    const cols = this.columns;
    if (cols.length === 0) return Infinity;
    if (row >= cols[0].capacity) {
      if (row >= this.maxRows) throw rejectTooManyCells(row + 1, cols.length, this.limits);
      const capacity = Math.min(Math.max(row + 16, this.nextCapacity(row)), this.maxRows);
      for (const c of cols) c.reserve(capacity);
    }
    return cols[0].capacity;
  }

  /** Closes a data record that had `found` fields (cells were added for the first min(found, width)). */
  endRecord(found: number): void {
    const width = this.columns.length;
    this.rows++;
    if (found === width) return;
    for (let c = found; c < width; c++) this.columns[c].addPadding();
    this.reportRagged(this.rows, found);
  }

  /**
   * For writers that fill rows by index (the byte scanner): pads data row `row` (0-based) after its
   * `found` fields and lists it as ragged. `rows` and the columns' lengths are the caller's to set.
   */
  padRecord(row: number, found: number): void {
    const width = this.columns.length;
    for (let c = found; c < width; c++) this.columns[c].setPadding(row);
    this.reportRagged(row + 1, found);
  }

  /** Sets the row count after rows were written by index. */
  setRows(rows: number): void {
    this.rows = rows;
    for (const c of this.columns) c.length = rows;
  }

  /** Feeds the rows added since the last call to each column's statistics (once per chunk). */
  accumulate(): void {
    for (const c of this.columns) c.accumulate();
    if (!this.stdPrimed && this.rows >= PRIME_ROWS && this.columns.length > 0) {
      // Run the standard deviation's loop once on early rows (result unused), so V8 has optimised
      // it by the time finish() runs it over every row; cold, it costs ~0.2 s per 30M values.
      this.stdPrimed = true;
      sampleStd(this.columns[0].values, PRIME_ROWS, 0, PRIME_ROWS, 1);
    }
  }

  private reportRagged(rowNumber: number, found: number): void {
    if (this.ragged.length < MAX_LISTED_ROWS) {
      this.ragged.push({
        row: rowNumber,
        kind: 'ragged',
        expectedFields: this.columns.length,
        foundFields: found,
      });
    } else {
      this.unlisted++;
    }
  }

  finish(): BuiltTable {
    const raw = this.header ?? [];
    const keep: number[] = [];
    raw.forEach((name, i) => {
      if (!(name === '' && this.columns[i].nonBlank === 0)) keep.push(i);
    });
    const kept = keep.map((i) => this.columns[i]);
    const headerless =
      this.rules.header === false ||
      (this.rules.header === undefined &&
        firstLineIsData(
          keep.map((i) => raw[i]),
          kept,
          this.decimalComma,
        ));
    if (headerless) this.demoteHeader(raw);
    const names = headerless ? keep.map((_, out) => `Column ${out + 1}`) : keep.map((i) => raw[i]);
    const { displayNames, problems } = headerless
      ? { displayNames: names, problems: [] }
      : headerNames(names);
    const errors: ImportProblem[] = [...problems, ...this.ragged, ...this.totalRows(kept)];
    const columns = keep.map((i, out) => {
      const builder = this.columns[i];
      for (const cell of builder.nonfinite)
        errors.push({ row: cell.row, kind: 'nonfinite', column: out, value: cell.value });
      for (const cell of builder.underflow)
        errors.push({ row: cell.row, kind: 'underflow', column: out, value: cell.value });
      if (builder.nonNumeric > builder.nonNumericRows.length)
        this.unlisted += builder.nonNumeric - builder.nonNumericRows.length;
      return summarizeColumn(builder, out, names[out], displayNames[out]);
    });
    errors.sort((a, b) => a.row - b.row || (a.column ?? -1) - (b.column ?? -1));
    const table = new ColumnTable(
      kept,
      this.rows,
      columns.map((c) => c.kind),
    );
    return {
      table,
      columns,
      errors,
      unlistedErrors: this.unlisted,
      droppedPhantomColumns: raw.length - keep.length,
      header: !headerless,
    };
  }

  /** The header record is data after all: it becomes row 1 and every row moves one down. */
  private demoteHeader(cells: string[]): void {
    this.columns.forEach((c, i) => c.insertFirst(cells[i] ?? ''));
    this.rows++;
    for (const problem of this.ragged) problem.row++;
  }

  /**
   * Summary rows (totalRows.ts) as problems, their columns' indices those of the kept columns; left
   * out of every column unless the rules keep them.
   */
  private totalRows(kept: ColumnBuilder[]): ImportProblem[] {
    const found = findTotalRows(kept, this.rows);
    const excluded = this.rules.totalRows !== 'keep';
    if (excluded && found.length > 0) {
      const rows = found.map((t) => t.row);
      for (const column of kept) column.excludeRows(rows);
    }
    return found.map((t) => ({
      row: t.row + 1,
      kind: 'total_row',
      column: t.labelColumn,
      label: t.label,
      sumOf: [t.from + 1, t.to + 1],
      columns: t.columns,
      excluded,
    }));
  }
}
