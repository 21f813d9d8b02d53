/**
 * Why a file cannot be imported, as coded errors with a hint (codes are the fixture sidecars'
 * `reason_code`s; `undecodable`, `unsupported_format`, `unknown_sheet`, `bad_option` are ours).
 */
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
