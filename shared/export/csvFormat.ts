/**
 * CSV cell and row formatting for exports (RFC 4180, "Common Format and MIME Type for CSV Files"):
 * a field is quoted when it contains the delimiter, a double quote, CR or LF, and a quote inside a
 * quoted field is doubled. Leading/trailing spaces are quoted too, so a reader that trims unquoted
 * fields (Excel does not, some libraries do) still gets the original cell back.
 */

/** One cell as CSV text. */
export function quoteCsvCell(text: string, delimiter: string): string {
  const needsQuotes =
    text.includes(delimiter) ||
    text.includes('"') ||
    text.includes('\n') ||
    text.includes('\r') ||
    (text.length > 0 && (text[0] === ' ' || text[text.length - 1] === ' '));
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Spreadsheet formula injection (OWASP, "CSV Injection"): Excel, LibreOffice and Google Sheets read
 * a CSV cell starting with `=`, `+`, `-` or `@` as a formula (`=HYPERLINK(…)`, `-2+3+cmd|…` DDE
 * payloads), and a leading tab or carriage return can hide such a start from a reader that trims.
 * Text cells starting with one of them are written with a leading apostrophe, which spreadsheets
 * take as "this is text" and do not show. Numbers are left alone — a negative number is not a
 * formula and must stay a number for whoever computes with the export.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A plain decimal number (sign, digits, one `.` or `,` mark, exponent): never a formula. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A cell made safe to open in a spreadsheet (see FORMULA_START). A signed number is left as it is:
 * `isNumber` says the importer read the cell as one (its numeric value is finite), and other cells
 * that are plain number literals are recognised by their text. So is a lone `-` or `+` (the `-`
 * missing-value token): a sign with nothing after it is no formula. `=` and `@` always get the
 * apostrophe, even where an importer took `="007"` (Excel's keep-the-zeros form) for a number.
 */
export function neutralizeFormula(text: string, isNumber = false): string {
  if (!FORMULA_START.test(text)) return text;
  const signed = text[0] === '+' || text[0] === '-';
  return signed && (text.length === 1 || isNumber || PLAIN_NUMBER.test(text)) ? text : `'${text}`;
}

/** One row, without the line ending. */
export function csvRow(cells: readonly string[], delimiter: string): string {
  let out = '';
  for (let j = 0; j < cells.length; j++) {
    if (j > 0) out += delimiter;
    out += quoteCsvCell(cells[j], delimiter);
  }
  return out;
}

/**
 * A number as export text: the shortest decimal that reads back to the same double (ECMAScript
 * Number::toString), so nothing is lost; it uses exponent notation below 1e-6 (`1e-7`), which every
 * CSV reader we target (our importer, Excel, pandas) reads as a number. `decimal` is the source
 * file's decimal mark: the added columns follow the original cells' locale, so a re-import (or
 * Excel in that locale) reads old and new numbers alike; the cell is quoted when the mark is also
 * the delimiter.
 */
export function formatNumber(x: number, decimal: '.' | ',' = '.'): string {
  if (!Number.isFinite(x)) return '';
  const text = String(x);
  return decimal === ',' ? text.replace('.', ',') : text;
}

/** Allowed export delimiters: the ones the importer detects by itself on re-import. */
export const EXPORT_DELIMITERS = [',', ';', '\t', '|'] as const;
export type ExportDelimiter = (typeof EXPORT_DELIMITERS)[number];
