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
import { FORMAT_VERBATIM, SCAN_NUMBER, SCAN_OVERFLOW, scanNumber, type NumberScan } from './numberGrammar';
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
  /** Verbatim texts that are not numbers (distinct counts these, not kept number texts). */
  private readonly textCodes = new Set<number>();

  private readonly scan: NumberScan = { value: 0, format: 0 };
  private readonly accumulator = new NumberAccumulator();

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
      if (scan.format === FORMAT_VERBATIM) this.keepText(row, s.slice(start, end));
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

  /** Distinct non-missing, non-number cell texts (the categorical `distinct`). */
  get distinctTexts(): number {
    return this.textCodes.size;
  }
}
