/**
 * Imports one sheet of an .xlsx workbook, read by our own bounded reader (xlsx/): the ZIP directory,
 * the workbook's relationships, sheets, styles and shared strings, then the chosen sheet (`sheet`
 * option, default the first worksheet) streamed through the same TableBuilder as CSV: first non-empty
 * row = header, every cell typed by the same rules from its text. Other sheets are not read at all;
 * their names are listed for the sheet picker.
 *
 * Why not exceljs (used before): its streaming reader inflates parts with unzipper and parses them
 * with saxes with no bound on a part's inflated size, keeps the shared strings without a bound, and
 * accepts a DOCTYPE; a 1 MB workbook could make it inflate gigabytes. Here every part is inflated
 * under the limits of xlsx/xlsxLimits.ts, and it also reads about twice as fast (bench:import --xlsx).
 *
 * Differences from CSV, by the nature of a sheet: a row shorter than the header is simply ending in
 * empty cells (not reported); a row with values beyond the header's last column is reported ragged.
 */
import type { ImportOptions } from '../../../shared/data/types';
import { TableBuilder } from '../../../shared/data/tableBuilder';
import { IMPORT_LIMITS, rejectTooManyColumns } from '../../../shared/data/importLimits';
import { EngineError, cancelledError } from '../../../shared/errors';
import type { ImportContext, ImportedTable } from './importer';
import { rejectNoDataRows } from './rejections';
import type { Sniffed } from './sniffFile';
import { openWorkbook, type Workbook } from './xlsx/openWorkbook';
import { newBudget, partStream } from './xlsx/partStream';
import { sheetHandler, type SheetRow } from './xlsx/sheetRows';
import { PartDecoder } from './xlsx/workbookParts';
import { XmlReader } from './xlsx/xmlReader';
import { XLSX_LIMITS } from './xlsx/xlsxLimits';

export interface XlsxReadLimits {
  /** Stop after this many data rows (previews). */
  maxRows?: number;
  onRow?: (cells: string[]) => void;
  onHeader?: (cells: string[]) => void;
}

export async function importXlsx(
  sniffed: Sniffed,
  options: ImportOptions,
  ctx: ImportContext,
  limits: XlsxReadLimits = {},
): Promise<ImportedTable> {
  const totalBytes = sniffed.size;
  const maxRows = limits.maxRows ?? Infinity;
  const budget = newBudget(XLSX_LIMITS);
  const workbook = await openWorkbook(sniffed.path, totalBytes, budget, ctx.signal);
  const sheets = workbook.sheets.map((s) => s.name);
  const chosen =
    options.sheet === undefined ? workbook.sheets[0] : workbook.sheets.find((s) => s.name === options.sheet);
  if (!chosen) {
    throw new EngineError(
      'unknown_sheet',
      `The workbook has no sheet named "${options.sheet}". Its sheets: ${sheets.map((s) => `"${s}"`).join(', ')}.`,
      { sheets },
    );
  }
  // Size the columns for the whole sheet from the XML read per row so far (as CSV does from bytes).
  const sheetBytes = workbook.archive.entry(chosen.part)!.size;
  const read = { chars: 0 };
  const builder = new TableBuilder(
    false,
    (rows) =>
      rows < 64 || read.chars === 0
        ? Math.max(1024, rows * 2)
        : Math.max(Math.ceil(rows * 1.1), Math.ceil(((sheetBytes * rows) / read.chars) * 1.02) + 64),
    undefined,
    options,
  );
  await readSheet(workbook, chosen.part, builder, ctx, limits, maxRows, totalBytes, read);
  if (builder.rows === 0) throw rejectNoDataRows(builder.header ?? []);
  ctx.progress({ bytesRead: totalBytes, totalBytes, rows: builder.rows }, true);
  const built = builder.finish();
  return {
    ...built,
    meta: {
      file: sniffed.path,
      format: 'xlsx',
      encoding: 'utf-8',
      bom: false,
      delimiter: null,
      decimal: '.',
      thousands: null,
      header: built.header,
      sizeBytes: totalBytes,
      sheets,
      sheet: chosen.name,
    },
  };
}

async function readSheet(
  workbook: Workbook,
  part: string,
  builder: TableBuilder,
  ctx: ImportContext,
  limits: XlsxReadLimits,
  maxRows: number,
  totalBytes: number,
  read: { chars: number },
): Promise<void> {
  const entry = workbook.archive.entry(part)!;
  let cells: string[] = [];
  const onRow = (row: SheetRow): boolean => {
    if (!builder.header) {
      if (row.width > IMPORT_LIMITS.columns) throw rejectTooManyColumns(row.width);
      const header = spread(row, row.width, new Array<string>(row.width));
      builder.setHeader(header);
      limits.onHeader?.(header);
      cells = new Array<string>(builder.width);
      return maxRows > 0;
    }
    const width = builder.width;
    spread(row, width, cells);
    builder.beginRecord();
    for (let i = 0; i < width; i++) builder.columns[i].add(cells[i], 0, cells[i].length);
    builder.endRecord(row.width > width ? row.width : width);
    limits.onRow?.(cells.slice());
    return builder.rows < maxRows;
  };
  let reader: XmlReader | null = null;
  const handler = sheetHandler(
    {
      part,
      sharedStrings: workbook.sharedStrings,
      dateStyles: workbook.dateStyles,
      date1904: workbook.date1904,
      limits: workbook.limits,
    },
    () => reader!,
    onRow,
  );
  reader = new XmlReader(part, handler, workbook.limits);
  const decoder = new PartDecoder(part);
  let compressed = 0;
  let reported = 0;
  const stream = partStream(workbook.archive, entry, workbook.budget, {
    limit: workbook.limits.partBytes,
    signal: ctx.signal,
    onCompressed: (n) => (compressed = n),
  });
  for await (const chunk of stream) {
    const text = decoder.decode(chunk);
    read.chars += text.length;
    reader.push(text);
    if (handler.stopped) break;
    if (builder.rows - reported >= 4096) {
      reported = builder.rows;
      builder.accumulate();
      ctx.progress({ bytesRead: Math.min(compressed, totalBytes), totalBytes, rows: builder.rows });
    }
  }
  if (ctx.signal.aborted) throw cancelledError();
  if (!handler.stopped) {
    reader.push(decoder.decode());
    reader.end();
  }
}

/** The row's cells as `width` texts ('' where empty); cells beyond `width` are left out. */
function spread(row: SheetRow, width: number, out: string[]): string[] {
  out.fill('', 0, width);
  for (let k = 0; k < row.count; k++) if (row.columns[k] < width) out[row.columns[k]] = row.texts[k];
  return out;
}
