/**
 * Limits on what an import may make the engine read and hold, so that an untrusted file is refused
 * with a reason before it can exhaust memory (docs/SECURITY.md, "Resource limits"). The imported table lives
 * in the engine process's memory, about 9 bytes per cell (a Float64 value and a one-byte format
 * code, columnBuilder.ts), plus the distinct texts of text columns; the limits keep that well inside
 * an ordinary desktop's RAM:
 *
 *   fileBytes    4 GiB      checked from the file's size before a byte is read (a 20 GB export is
 *                           refused at once, not after minutes of reading)
 *   recordBytes  16 MiB     one record (a line, or several inside quotes); a longer one means the
 *                           file is not a table, a quote is never closed, or binary data follows
 *   columns      10 000     header fields (the fit takes at most 10 000 features, labelModel.ts);
 *                           every column costs its builder up front
 *   cells        500 M      rows × columns held in memory (~4.5 GB)
 *
 * The messages say which limit, where in the file, and what to do instead.
 */
import { EngineError } from '../errors';

export interface ImportLimits {
  fileBytes: number;
  recordBytes: number;
  columns: number;
  cells: number;
}

export const IMPORT_LIMITS: Readonly<ImportLimits> = {
  fileBytes: 4 * 2 ** 30,
  recordBytes: 16 * 2 ** 20,
  columns: 10_000,
  cells: 500_000_000,
};

export const LimitCodes = {
  FileTooLarge: 'file_too_large',
  RecordTooLong: 'record_too_long',
  TooManyColumns: 'too_many_columns',
  TooManyCells: 'too_many_cells',
} as const;

/** "20 GB", "16 MB", "1.5 GB": binary units with the names people use for them. */
export function byteSize(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${bytes} bytes`;
  return `${value >= 10 || Number.isInteger(value) ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** 100000 → "100 000" (a thin, locale-neutral grouping for the English messages). */
export const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

export const rejectFileTooLarge = (size: number, limits: ImportLimits = IMPORT_LIMITS): EngineError =>
  new EngineError(
    LimitCodes.FileTooLarge,
    `The file is ${byteSize(size)}; Mixture Lab imports files of up to ${byteSize(limits.fileBytes)}, because the whole table is held in memory. Split the file, or export only the rows and columns you need.`,
    { size, limit: limits.fileBytes },
  );

/**
 * @param row 0 for the header, else the 1-based data row the record would have been.
 * @param line 1-based line of the file where the record starts, when known.
 */
export const rejectRecordTooLong = (
  row: number,
  line: number | null,
  limits: ImportLimits = IMPORT_LIMITS,
): EngineError => {
  const where =
    row === 0
      ? `The header${line !== null ? ` (line ${grouped(line)})` : ''}`
      : line !== null
        ? `Line ${grouped(line)} (data row ${grouped(row)})`
        : `Data row ${grouped(row)}`;
  return new EngineError(
    LimitCodes.RecordTooLong,
    `${where} is longer than ${byteSize(limits.recordBytes)}, the limit for one record. The file is probably not a table, or a quote (") opened there is never closed.`,
    { row, line, limit: limits.recordBytes },
  );
};

export const rejectTooManyColumns = (columns: number, limits: ImportLimits = IMPORT_LIMITS): EngineError =>
  new EngineError(
    LimitCodes.TooManyColumns,
    `The header has ${grouped(columns)} columns; Mixture Lab reads files of up to ${grouped(limits.columns)} columns. Keep only the columns you need (for example in a spreadsheet) and import again.`,
    { columns, limit: limits.columns },
  );

export const rejectTooManyCells = (
  row: number,
  columns: number,
  limits: ImportLimits = IMPORT_LIMITS,
): EngineError =>
  new EngineError(
    LimitCodes.TooManyCells,
    `The table does not fit in memory: at data row ${grouped(row)}, ${grouped(columns)} columns make more than ${grouped(limits.cells)} cells (about ${byteSize(limits.cells * 9)}). Import fewer columns or a sample of the rows.`,
    { row, columns, limit: limits.cells },
  );
