/**
 * Summary rows left in a spreadsheet export: a row labelled Total / Sum / 合计 / 总计 / 小计 (or
 * "North Total", "Grand Total", "华东小计", …) whose numbers are the sums of the rows above it —
 * all of them (a grand total), or those since the previous summary row (a subtotal, as Excel's
 * Data ▸ Subtotal writes them). Kept as data, such a row doubles every column's sum and sits far
 * out in every fit as a cluster of its own.
 *
 * A row is a summary row when a text cell of it is a summary label and, for one of the ranges it
 * may close (from the start, or from after any of the last 64 summary rows before it), its numbers
 * equal the column sums over the range's data rows:
 *
 * - at least one number matches, with a non-zero sum;
 * - every number matches, or at least half do and the range has 2 or more data rows (an id column
 *   or a count may continue in the summary row: `201,Total,30`);
 * - "equal" allows the rounding of what a spreadsheet shows and exports: half a unit of the total's
 *   last written decimal (`3.58` for 3.579), plus, for cells written rounded too (each off by up to
 *   half a unit h_i of its own last decimal, independently), four standard deviations of their
 *   summed rounding errors, 4·sqrt(Σ h_i² / 3) (a uniform error on [-h, h] has variance h²/3), never
 *   more than Σ h_i, and nothing over a single row (its total shows the same value, rounded the
 *   same way); 1e-9 relative at least.
 *
 * A labelled row whose numbers are not sums stays data (a category called "Total" in long-format
 * data is not a summary). Rows are ranged over in order, so a grand total after subtotals matches
 * the data rows, not the data plus the subtotals.
 */
import type { ColumnBuilder } from './columnBuilder';
import { MISSING_BASE } from './columnBuilder';
import { FORMAT_VERBATIM } from './numberGrammar';
import { isTotalLabel } from './totalRowLabels';

export interface TotalRow {
  /** 0-based data row of the summary row. */
  row: number;
  /** Column holding the label (index into the columns given). */
  labelColumn: number;
  label: string;
  /** 0-based first and last data rows of the range it sums. */
  from: number;
  to: number;
  /** Columns whose number matched its sum. */
  columns: number[];
}

/** Summary rows considered at most (a sheet of subtotals every few rows is still fully checked). */
const MAX_CANDIDATES = 100_000;
/** Earlier summary rows a range may start after (nested subtotal levels). */
const LOOKBACK = 64;

interface Range {
  /** First data row of the range. */
  from: number;
  rows: number;
  sums: Float64Array;
  /** Neumaier compensation terms, one per column. */
  comp: Float64Array;
  counts: Int32Array;
  /** Σ h_i and Σ h_i² of the cells summed: h_i = half a unit of the cell's last written decimal. */
  rounding: Float64Array;
  roundingSq: Float64Array;
}

/** Half a unit of the last decimal for a number written with d decimals (format code & 31). */
const HALF_UNIT = Array.from({ length: 32 }, (_, d) => 0.5 * 10 ** -d);

export function findTotalRows(columns: readonly ColumnBuilder[], rowCount: number): TotalRow[] {
  const candidates = labelledRows(columns, rowCount);
  if (candidates.length === 0) return [];
  const numeric = columns.map((c, j) => j).filter((j) => columns[j].numbers().count > 0);
  const width = columns.length;
  const ranges: Range[] = [newRange(0, width)];
  const found: TotalRow[] = [];
  let next = 0;
  for (const { row, column, label } of candidates) {
    for (; next < row; next++) addRow(ranges, columns, numeric, next);
    const match = bestRange(ranges, columns, numeric, row, column);
    if (match) {
      const range = ranges[match.range];
      found.push({ row, labelColumn: column, label, from: range.from, to: row - 1, columns: match.columns });
      ranges.push(newRange(row + 1, width));
      if (ranges.length > LOOKBACK + 1) ranges.splice(1, 1);
    } else {
      addRow(ranges, columns, numeric, row);
    }
    next = row + 1;
  }
  return found;
}

/** Rows with a summary label in a text cell, in order, with the first such column. */
function labelledRows(columns: readonly ColumnBuilder[], rowCount: number) {
  const labelCodes = columns.map((c) => {
    const codes = new Set<number>();
    c.dictionary.forEach((text, code) => {
      if (c.isTextCode(code) && isTotalLabel(text)) codes.add(code);
    });
    return codes;
  });
  const out: { row: number; column: number; label: string }[] = [];
  if (labelCodes.every((s) => s.size === 0)) return out;
  for (let row = 0; row < rowCount && out.length < MAX_CANDIDATES; row++) {
    for (let j = 0; j < columns.length; j++) {
      const c = columns[j];
      if (labelCodes[j].size === 0 || c.formats[row] !== FORMAT_VERBATIM) continue;
      const code = c.codes![row];
      if (labelCodes[j].has(code)) {
        out.push({ row, column: j, label: c.dictionary[code] });
        break;
      }
    }
  }
  return out;
}

function newRange(from: number, width: number): Range {
  return {
    from,
    rows: 0,
    sums: new Float64Array(width),
    comp: new Float64Array(width),
    counts: new Int32Array(width),
    rounding: new Float64Array(width),
    roundingSq: new Float64Array(width),
  };
}

/** Adds data row `row` to every open range (Neumaier's compensated sum: accurate to ~1 ulp here). */
function addRow(ranges: Range[], columns: readonly ColumnBuilder[], numeric: number[], row: number): void {
  for (const range of ranges) {
    let any = false;
    for (const j of numeric) {
      const x = columns[j].values[row];
      if (x !== x) continue;
      any = true;
      const s = range.sums[j];
      const t = s + x;
      range.comp[j] += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
      range.sums[j] = t;
      range.counts[j]++;
      const format = columns[j].formats[row];
      if (format < MISSING_BASE) {
        const h = HALF_UNIT[format & 31];
        range.rounding[j] += h;
        range.roundingSq[j] += h * h;
      }
    }
    if (any) range.rows++;
  }
}

function bestRange(
  ranges: Range[],
  columns: readonly ColumnBuilder[],
  numeric: number[],
  row: number,
  labelColumn: number,
): { range: number; columns: number[] } | null {
  const cells = numeric.filter((j) => j !== labelColumn && columns[j].values[row] === columns[j].values[row]);
  if (cells.length === 0) return null;
  let best: { range: number; columns: number[] } | null = null;
  ranges.forEach((range, k) => {
    if (range.rows === 0) return;
    const matched: number[] = [];
    let nonZero = false;
    for (const j of cells) {
      if (range.counts[j] === 0) continue;
      const sum = range.sums[j] + range.comp[j];
      const summed =
        range.counts[j] < 2 ? 0 : Math.min(range.rounding[j], 4 * Math.sqrt(range.roundingSq[j] / 3));
      if (equalsWritten(columns[j], row, sum, summed)) {
        matched.push(j);
        if (sum !== 0) nonZero = true;
      }
    }
    const enough = matched.length === cells.length || (matched.length * 2 >= cells.length && range.rows >= 2);
    if (matched.length > 0 && nonZero && enough && (!best || matched.length > best.columns.length))
      best = { range: k, columns: matched };
  });
  return best;
}

/**
 * Whether the cell at `row` equals `sum` as written: within half a unit of its last decimal plus
 * `summed`, the allowance for the rounding of the cells summed.
 */
function equalsWritten(column: ColumnBuilder, row: number, sum: number, summed: number): boolean {
  const v = column.values[row];
  const format = column.formats[row];
  const halfUnit = format < MISSING_BASE ? HALF_UNIT[format & 31] : 0;
  return Math.abs(v - sum) <= Math.max(halfUnit + summed, 1e-9 * Math.max(Math.abs(v), Math.abs(sum)));
}
