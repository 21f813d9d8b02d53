/**
 * Why a file cannot be imported, as coded errors with a hint (codes are the fixture sidecars'
 * `reason_code`s; `undecodable`, `unsupported_format`, `unknown_sheet`, `bad_option`,
 * `unterminated_quote` are ours, and xlsx/xlsxLimits.ts adds the workbook's).
 */
import { IMAGE_REFUSALS } from './image/imageRefusals';
import { EngineError } from '../../../shared/errors';
import type { BinaryKind } from './detectEncoding';
import { grouped } from '../../../shared/data/importLimits';

export const rejectEmptyFile = (): EngineError =>
  new EngineError(
    'empty_file',
    'The file is empty (0 bytes). Check that the export finished, then export again.',
  );

export const rejectNoDataRows = (header: string[]): EngineError =>
  new EngineError(
    'no_data_rows',
    header.length > 0
      ? `The file has a header line (${header.length} column${header.length === 1 ? '' : 's'}) but no data rows. Export the data again, including its rows.`
      : 'The file holds no records, only empty lines.',
    { headerFields: header },
  );

const BINARY_WORDS: Record<BinaryKind, string> = {
  zip: 'a ZIP container — most likely an Excel workbook (.xlsx) saved under a text-file name. Open it with the .xlsx extension, or save it from Excel as CSV',
  ole2: 'an Excel 97-2003 workbook (.xls) or another Office binary file. Save it from Excel or LibreOffice as .xlsx or CSV',
  gzip: 'gzip-compressed. Decompress it first',
  pdf: 'a PDF document, not a table. Export the table as CSV',
  binary: 'binary data (it contains NUL or control bytes). Choose a CSV, TSV or .xlsx file',
};

export const rejectNotText = (kind: BinaryKind): EngineError =>
  new EngineError('not_text', `This file is not delimited text: it is ${BINARY_WORDS[kind]}.`, {
    detected: kind,
  });

export const rejectUndecodable = (encoding: string, byteOffset: number | null): EngineError =>
  new EngineError(
    'undecodable',
    `The file is not valid ${encoding}${byteOffset !== null ? ` (invalid bytes near byte ${byteOffset})` : ''}. Choose another encoding, or leave it on automatic detection.`,
    { encoding, byteOffset },
  );

export const rejectXls = (): EngineError =>
  new EngineError(
    'unsupported_format',
    'Excel 97-2003 workbooks (.xls) cannot be read. Open the file in Excel or LibreOffice and save it as .xlsx or CSV.',
  );

export const badOption = (message: string): EngineError => new EngineError('bad_option', message);

/** Binary bytes found while streaming, past the sample sniffFile looked at. */
export const rejectBinaryAt = (byteOffset: number, line: number): EngineError =>
  new EngineError(
    'not_text',
    `This file is not delimited text: from byte ${grouped(byteOffset)} (line ${grouped(line)}) on it holds binary data (NUL bytes). Choose a CSV, TSV or .xlsx file, or check that the export finished writing.`,
    { detected: 'binary', byteOffset, line },
  );

/** NUL bytes found by a reader that knows the line but not always the byte (decoded text). */
export const rejectNulByte = (line: number, byteOffset: number | null): EngineError =>
  new EngineError(
    'not_text',
    `This file is not delimited text: line ${grouped(line)}${byteOffset === null ? '' : ` (byte ${grouped(byteOffset)})`} holds a NUL byte, which no text export writes. Check that the export finished writing, or choose a CSV, TSV or .xlsx file.`,
    { detected: 'binary', byteOffset, line },
  );

/**
 * A quote that would merge lines into one cell (csvScanner.ts, QuoteError): never closed, or closed
 * lines later by a quote with more text after it. `row` 0 = the header, else the 1-based data row.
 */
export function rejectQuote(line: number, row: number, closeLine: number | null): EngineError {
  const where = `line ${grouped(line)} (${row === 0 ? 'the header' : `data row ${grouped(row)}`})`;
  const message =
    closeLine === null
      ? `A quote (") opens a field on ${where} and is never closed, so everything after it would become one cell. Close or remove that quote, then import again.`
      : `A quote (") opens a field on ${where}, and the quote that ends it on line ${grouped(closeLine)} is followed by more text: lines ${grouped(line)}–${grouped(closeLine)} would become one cell. Fix the quotes on those lines, then import again.`;
  return new EngineError('unterminated_quote', message, { line, row, closeLine });
}

/**
 * Codes by which an import refuses a file (the file's fault, not the program's): the command line
 * exits with 2 for these, as for a usage error.
 */
export const IMPORT_REFUSALS: ReadonlySet<string> = new Set([
  'empty_file',
  'no_data_rows',
  'not_text',
  'undecodable',
  'unsupported_format',
  'unknown_sheet',
  'bad_option',
  'unterminated_quote',
  'file_too_large',
  'record_too_long',
  'too_many_columns',
  'too_many_cells',
  'xlsx_invalid',
  'xlsx_too_large',
  'xlsx_dtd',
  ...IMAGE_REFUSALS,
]);
