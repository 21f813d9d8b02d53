/**
 * A cheap look at a file for the import dialog: detection (or the given overrides) on the first MiB,
 * the first PREVIEW_ROWS rows as text, and kinds/statistics from those rows only. Called again with
 * changed settings as the user edits them; nothing is stored.
 */
import type { ImportOptions, PreviewResult } from '../../../shared/data/types';
import { TableBuilder, type BuiltTable } from '../../../shared/data/tableBuilder';
import { DelimitedScanner, QuoteError } from './csvScanner';
import { resolveDialect } from './delimitedDialect';
import type { ImportContext } from './importer';
import { importImage } from './importImage';
import { importXlsx } from './importXlsx';
import { lineInText } from './quoteErrors';
import { rejectNoDataRows, rejectNulByte, rejectQuote } from './rejections';
import { sniffFile } from './sniffFile';
import { tableSink } from './tableSink';

export const PREVIEW_ROWS = 50;

export async function previewFile(options: ImportOptions, ctx: ImportContext): Promise<PreviewResult> {
  const sniffed = await sniffFile(options.path);
  const rows: string[][] = [];
  if (sniffed.format === 'image') {
    // An image has no settings to detect: the preview is the import's first rows, every column final.
    const imported = await importImage(sniffed, options.image, ctx);
    const { table } = imported;
    const shown = Math.min(PREVIEW_ROWS, table.rowCount);
    for (let r = 0; r < shown; r++) rows.push(imported.columns.map((_, c) => table.text(c, r)));
    return {
      ...imported.meta,
      header: imported.columns.map((c) => c.name),
      hasHeader: true,
      rows,
      columns: imported.columns,
      complete: true,
    };
  }
  if (sniffed.format === 'xlsx') {
    let header: string[] = [];
    const imported = await importXlsx(sniffed, options, ctx, {
      maxRows: PREVIEW_ROWS,
      onHeader: (cells) => (header = cells),
      onRow: (cells) => rows.push(cells),
    });
    return {
      ...imported.meta,
      ...firstLine(imported, header, rows),
      columns: imported.columns,
      complete: false,
    };
  }
  const dialect = resolveDialect(sniffed, options);
  const builder = new TableBuilder(dialect.decimal === ',', () => PREVIEW_ROWS + 1, undefined, options);
  const scanner = new DelimitedScanner(
    dialect.delimiter ? dialect.delimiter.charCodeAt(0) : -1,
    tableSink(builder, PREVIEW_ROWS, (cells) => rows.push(cells)),
    dialect.decimal.charCodeAt(0),
    true,
  );
  // A NUL byte past the sniffed 64 KiB: refused here as the import would refuse it.
  const nul = dialect.sampleText.indexOf('\0');
  if (nul >= 0) throw rejectNulByte(lineInText(dialect.sampleText, nul), null);
  try {
    scanner.push(dialect.sampleText, sniffed.whole);
  } catch (err) {
    if (!(err instanceof QuoteError)) throw err;
    // The sample is the file's start, in memory: its lines are counted right here.
    const text = dialect.sampleText;
    const closeLine = err.closeAt < 0 ? null : lineInText(text, err.closeAt);
    throw rejectQuote(lineInText(text, err.at), builder.header === null ? 0 : builder.rows + 1, closeLine);
  }
  if (builder.rows === 0 && (sniffed.whole || !builder.header)) throw rejectNoDataRows(builder.header ?? []);
  const header = builder.header ?? [];
  const built = builder.finish();
  return {
    file: sniffed.path,
    format: 'csv',
    encoding: dialect.encoding,
    bom: dialect.bom,
    delimiter: dialect.delimiter,
    decimal: dialect.decimal,
    thousands: dialect.decimal === ',' ? '.' : null,
    ...firstLine(built, header, rows),
    columns: built.columns,
    sizeBytes: sniffed.size,
    complete: sniffed.whole && !scanner.stopped,
  };
}

/**
 * The header and rows as the dialog shows them: when the first line was read as data (firstLine.ts)
 * it is the first row and there are no header cells. Summary rows found are counted.
 */
function firstLine(
  built: BuiltTable,
  header: string[],
  rows: string[][],
): Pick<PreviewResult, 'header' | 'rows' | 'hasHeader' | 'totalRows'> {
  const width = header.length;
  const shown = built.header ? rows : [header, ...rows];
  const totals = built.errors.filter((e) => e.kind === 'total_row').length;
  return {
    header: built.header ? header : [],
    rows: shown.map((r) => pad(r, width)),
    hasHeader: built.header,
    ...(totals > 0 ? { totalRows: totals } : {}),
  };
}

function pad(cells: string[], width: number): string[] {
  if (cells.length >= width) return cells.slice(0, width);
  return [...cells, ...new Array<string>(width - cells.length).fill('')];
}
