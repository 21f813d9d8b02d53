/**
 * One column while a file is read: every cell is classified once (missing / number / non-finite /
 * text, by the fixture README's rules) and stored so that the original cell text can be given back
 * later (label export writes the original cells):
 *
 * - `values`: Float64Array, the number or NaN (missing, text, non-finite);
 * - `formats`: Uint8Array, one code per cell — a number rebuilt from its value (numberGrammar.ts
 *   FORMAT codes 0..63), a missing token (MISSING_BASE + token index), or FORMAT_VERBATIM when the
 *   text is kept in the dictionary;
 * - `codes` (created on the first verbatim cell): Int32Array index into `dictionary`, the distinct
 *   kept texts. A categorical column is thus dictionary-encoded; a numeric column keeps one byte per
 *   cell, plus the texts of the rare cells its value cannot reproduce (`1.5e3`, `+12`, `007`).
 *
 * Counts of missing and text cells are kept as cells arrive; the numbers' count, sum, min and max
 * come from `values` (numberStats.ts), so a number costs only its two stores.
 */
import {
  FORMAT_VERBATIM,
  SCAN_NUMBER,
  SCAN_OVERFLOW,
  formatNumber,
  scanNumber,
  type NumberScan,
} from './numberGrammar';
import { isNonfiniteToken, missingTokenIndex, trimSpaces } from './missingTokens';
import { grownFloat64, grownInt32, grownUint8 } from './growable';
import { NumberAccumulator, type NumberStats } from './numberStats';

/** formats[row] = MISSING_BASE + i: the cell was exactly MISSING_TOKENS[i] (no padding). */
export const MISSING_BASE = 64;

/** Rows listed per column for non-numeric cells; beyond it only the count grows. */
export const MAX_LISTED_ROWS = 10_000;

export interface NonfiniteCell {
  row: number;
  value: string;
}

export class ColumnBuilder {
  values: Float64Array;
  formats: Uint8Array;
  codes: Int32Array | null = null;
  readonly dictionary: string[] = [];
  private readonly dictionaryIndex = new Map<string, number>();
  /**
   * Rows stored. `add*` append at `length`; the byte scanner writes rows by index (`set*`, or
   * straight into `values`/`formats`) and sets `length` once per chunk.
   */
  length = 0;

  missing = 0;
  /** Cells that are not numbers and whose trimmed text is not empty (see `nonBlank`). */
  textNonBlank = 0;
  nonNumeric = 0;
  readonly nonNumericRows: number[] = [];
  readonly nonfinite: NonfiniteCell[] = [];
  /** Cells whose text is a non-zero number too small for a double (`1e-400`): read as 0, reported. */
  readonly underflow: NonfiniteCell[] = [];
  /** Verbatim texts that are not numbers (distinct counts these, not kept number texts). */
  private readonly textCodes = new Set<number>();

  private readonly scan: NumberScan = { value: 0, format: 0 };
  private accumulator = new NumberAccumulator();

  constructor(
    readonly decimalComma: boolean,
    capacity: number,
  ) {
    this.values = new Float64Array(capacity);
    this.formats = new Uint8Array(capacity);
  }

  get capacity(): number {
    return this.values.length;
  }

  reserve(capacity: number): void {
    if (capacity <= this.values.length) return;
    this.values = grownFloat64(this.values, capacity);
    this.formats = grownUint8(this.formats, capacity);
    if (this.codes) this.codes = grownInt32(this.codes, capacity, -1);
  }

  /**
   * Feeds the rows stored since the last call to the statistics pass (numberStats.ts). The
   * importer calls it after every chunk; `numbers()` catches up on whatever is left.
   */
  accumulate(): void {
    this.accumulator.add(this.values, this.accumulator.fed, this.length);
  }

  /** Count, exact sum, min and max of the numbers in the rows so far. */
  numbers(): NumberStats {
    this.accumulate();
    return this.accumulator.stats(this.values, this.length);
  }

  /** Finite numbers in the column. */
  get count(): number {
    return this.numbers().count;
  }

  /** Cells whose trimmed text is not empty (an empty-header column with none is a phantom). */
  get nonBlank(): number {
    return this.numbers().count + this.textNonBlank;
  }

  /** Adds the cell `s[start, end)` (already unquoted) as the next row. The caller reserved room. */
  add(s: string, start: number, end: number): void {
    this.setCell(this.length++, s, start, end);
  }

  /** Types the cell `s[start, end)` (already unquoted) into `row`. */
  setCell(row: number, s: string, start: number, end: number): void {
    if (start === end) {
      this.values[row] = NaN;
      this.formats[row] = MISSING_BASE;
      this.missing++;
      return;
    }
    const scan = this.scan;
    const status = scanNumber(s, start, end, this.decimalComma, scan);
    if (status === SCAN_NUMBER) {
      this.values[row] = scan.value;
      this.formats[row] = scan.format;
      if (scan.format === FORMAT_VERBATIM) {
        const text = s.slice(start, end);
        this.keepText(row, text);
        // Only the exponent / long-mantissa path can round a non-zero literal to 0.
        if (
          scan.value === 0 &&
          /[1-9]/.test(text.split(/[eE]/)[0]) &&
          this.underflow.length < MAX_LISTED_ROWS
        )
          this.underflow.push({ row: row + 1, value: text });
      }
      return;
    }
    this.values[row] = NaN;
    const text = s.slice(start, end);
    if (status !== SCAN_OVERFLOW) {
      const token = missingTokenIndex(text);
      if (token >= 0) {
        this.missing++;
        if (token > 0) this.textNonBlank++;
        if (text.length === 0 || trimSpaces(text) === text) this.formats[row] = MISSING_BASE + token;
        else this.keepText(row, text);
        return;
      }
    }
    this.textNonBlank++;
    this.nonNumeric++;
    if (this.nonNumericRows.length < MAX_LISTED_ROWS) this.nonNumericRows.push(row + 1);
    if (status === SCAN_OVERFLOW || isNonfiniteToken(text))
      this.nonfinite.push({ row: row + 1, value: text });
    this.textCodes.add(this.keepText(row, text));
  }

  /** A cell the scanner already parsed as a plain number (format code 0..31, see csvScanner). */
  addNumber(v: number, format: number): void {
    const row = this.length++;
    this.values[row] = v;
    this.formats[row] = format;
  }

  /** A cell beyond the end of a short row: missing, text ''. */
  addPadding(): void {
    this.setPadding(this.length++);
  }

  setPadding(row: number): void {
    this.values[row] = NaN;
    this.formats[row] = MISSING_BASE;
    this.missing++;
  }

  /**
   * Makes the cell `text` row 0 and every stored row one later (a first line read as the header
   * turns out to be data, firstLine.ts). Row numbers in the lists move with their rows.
   */
  insertFirst(text: string): void {
    this.reserve(this.length + 1);
    this.values.copyWithin(1, 0, this.length);
    this.formats.copyWithin(1, 0, this.length);
    this.codes?.copyWithin(1, 0, this.length);
    this.length++;
    const lists = [this.nonfinite, this.underflow];
    for (const list of lists) for (const cell of list) cell.row++;
    for (let k = 0; k < this.nonNumericRows.length; k++) this.nonNumericRows[k]++;
    const nonNumeric = this.nonNumeric;
    const listed = [this.nonNumericRows.length, this.nonfinite.length, this.underflow.length];
    this.setCell(0, text, 0, text.length);
    // setCell appended row 1 to a list (or found it full): it belongs first.
    if (this.nonNumeric > nonNumeric) {
      if (this.nonNumericRows.length > listed[0]) this.nonNumericRows.pop();
      this.nonNumericRows.unshift(1);
      if (this.nonNumericRows.length > MAX_LISTED_ROWS) this.nonNumericRows.pop();
    }
    lists.forEach((list, i) => {
      if (list.length > listed[i + 1]) list.unshift(list.pop()!);
    });
    this.accumulator = new NumberAccumulator();
  }

  /**
   * Leaves rows out of the column (summary rows, totalRows.ts): their values become NaN, so neither
   * the statistics nor a fit see them, and their cells are no longer counted as missing, text or
   * non-finite; the cell texts stay (a number's text is kept in the dictionary) for display and
   * export. `rows`: 0-based, ascending.
   */
  excludeRows(rows: readonly number[]): void {
    if (rows.length === 0) return;
    const excluded = new Set(rows);
    const droppedCodes = new Set<number>();
    for (const row of rows) {
      const format = this.formats[row];
      if (format === FORMAT_VERBATIM) {
        const code = this.codes![row];
        if (this.textCodes.has(code)) {
          this.nonNumeric--;
          this.textNonBlank--;
          droppedCodes.add(code);
        } else if (this.values[row] !== this.values[row]) {
          // A missing token padded with spaces, kept verbatim.
          this.missing--;
          if (trimSpaces(this.dictionary[code]) !== '') this.textNonBlank--;
        }
      } else if (format >= MISSING_BASE) {
        this.missing--;
        if (format > MISSING_BASE) this.textNonBlank--;
      } else {
        this.keepText(row, formatNumber(this.values[row], format, this.decimalComma));
      }
      this.values[row] = NaN;
    }
    const kept = (cell: NonfiniteCell): boolean => !excluded.has(cell.row - 1);
    filterInPlace(this.nonfinite, kept);
    filterInPlace(this.underflow, kept);
    filterInPlace(this.nonNumericRows, (r) => !excluded.has(r - 1));
    // A label used only by excluded rows is no longer a distinct value of the column.
    if (droppedCodes.size > 0) {
      for (let row = 0; row < this.length && droppedCodes.size > 0; row++)
        if (!excluded.has(row) && this.formats[row] === FORMAT_VERBATIM)
          droppedCodes.delete(this.codes![row]);
      for (const code of droppedCodes) this.textCodes.delete(code);
    }
    this.accumulator = new NumberAccumulator();
  }

  private keepText(row: number, text: string): number {
    if (!this.codes) this.codes = new Int32Array(this.values.length).fill(-1);
    let code = this.dictionaryIndex.get(text);
    if (code === undefined) {
      code = this.dictionary.length;
      this.dictionary.push(text);
      this.dictionaryIndex.set(text, code);
    }
    this.codes[row] = code;
    this.formats[row] = FORMAT_VERBATIM;
    return code;
  }

  /** Whether the kept text `code` is a text cell (neither a number nor a missing token). */
  isTextCode(code: number): boolean {
    return this.textCodes.has(code);
  }

  /** Distinct non-missing, non-number cell texts (the categorical `distinct`). */
  get distinctTexts(): number {
    return this.textCodes.size;
  }
}

function filterInPlace<T>(list: T[], keep: (item: T) => boolean): void {
  let n = 0;
  for (const item of list) if (keep(item)) list[n++] = item;
  list.length = n;
}
