/**
 * Is the first record a header or the first row of data? A file exported without a header (R's
 * `write.table(col.names = FALSE)`, a sensor log, a matrix from numpy) starts with numbers; reading
 * them as names would silently lose the first row and name the columns "5.1", "3.5". But a header
 * may be numbers too — years (`2019,2020,2021`), doses (`10,20,40`), item numbers (`1,2,3`) over
 * columns of measurements — and must stay a header. The first record is data only when all of:
 *
 * 1. every cell of it is a number by the file's grammar (an empty cell, a missing token or any text
 *    makes it a header);
 * 2. every column below is numeric: at least one number and no text (a header over a text column
 *    is the common case of a real header);
 * 3. it is not a sequence of labels: not all distinct integers that are consecutive (`1,2,3`,
 *    `2019,2020`), or an arithmetic progression of 3 or more (`10,20,30`), or 2 or more plausible
 *    years (1800-2200);
 * 4. each cell looks like its column's data: written with decimals only where the column has
 *    decimals (and no more decimals than it ever has), written as an integer only where the column
 *    has integers, and within the column's range widened by that range on each side (a first data
 *    row may be an extreme; a constant column must repeat its value).
 *
 * Limits (documented in test/fixtures/hostile/README.md): a header of integers that are neither a
 * sequence nor years, over integer columns whose ranges contain them (`3,7,12` over counts 0-20),
 * is taken for data; a data row that happens to be consecutive integers, or years over year
 * columns, is taken for a header. Both are visible — the import dialog says which it chose and can
 * switch, and `mixlab inspect --header yes|no` forces it.
 */
import { FORMAT_VERBATIM, SCAN_NUMBER, scanNumber, type NumberScan } from './numberGrammar';
import type { ColumnBuilder } from './columnBuilder';
import { MISSING_BASE } from './columnBuilder';

/** How a number is written: its decimals (0 = an integer), or null for exponent / odd forms. */
function decimalsOf(text: string, decimalComma: boolean): number | null {
  const t = text.trim();
  if (/[eE]/.test(t)) return null;
  const sep = t.indexOf(decimalComma ? ',' : '.');
  return sep < 0 ? 0 : t.length - sep - 1;
}

/** Decimals written in a column's cells: whether it has integers, and the most decimals any has. */
function columnDecimals(column: ColumnBuilder): { integers: boolean; maxDecimals: number } {
  let integers = false;
  let maxDecimals = 0;
  for (let row = 0; row < column.length; row++) {
    const f = column.formats[row];
    if (f >= MISSING_BASE && f !== FORMAT_VERBATIM) continue;
    if (column.values[row] !== column.values[row]) continue;
    const d =
      f === FORMAT_VERBATIM ? decimalsOf(column.dictionary[column.codes![row]], column.decimalComma) : f & 31;
    if (d === null) continue;
    if (d === 0) integers = true;
    else if (d > maxDecimals) maxDecimals = d;
  }
  return { integers, maxDecimals };
}

/** Distinct integers that read as labels: consecutive, an arithmetic progression, or years. */
export function looksLikeLabels(values: readonly number[]): boolean {
  const n = values.length;
  if (n < 2 || !values.every(Number.isInteger) || new Set(values).size !== n) return false;
  const step = values[1] - values[0];
  const progression = values.every((v, i) => i === 0 || v - values[i - 1] === step);
  if (progression && (Math.abs(step) === 1 || n >= 3)) return true;
  return values.every((v) => v >= 1800 && v <= 2200);
}

/** Whether the first record (`cells`, the would-be header) is data, by the rules above. */
export function firstLineIsData(
  cells: readonly string[],
  columns: readonly ColumnBuilder[],
  decimalComma: boolean,
): boolean {
  if (cells.length === 0 || cells.length !== columns.length) return false;
  const scan: NumberScan = { value: 0, format: 0 };
  const values: number[] = [];
  for (const cell of cells) {
    if (scanNumber(cell, 0, cell.length, decimalComma, scan) !== SCAN_NUMBER) return false;
    values.push(scan.value);
  }
  if (looksLikeLabels(values)) return false;
  return columns.every((column, j) => {
    if (column.nonNumeric > 0) return false;
    const { count, min, max } = column.numbers();
    if (count === 0) return false;
    const range = max - min;
    if (values[j] < min - range || values[j] > max + range) return false;
    const written = decimalsOf(cells[j], decimalComma);
    if (written === null) return true;
    const { integers, maxDecimals } = columnDecimals(column);
    return written === 0 ? integers : maxDecimals >= written;
  });
}
