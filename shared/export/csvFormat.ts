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
