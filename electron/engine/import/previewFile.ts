/**
 * A cheap look at a file for the import dialog: detection (or the given overrides) on the first MiB,
 * the first PREVIEW_ROWS rows as text, and kinds/statistics from those rows only. Called again with
 * changed settings as the user edits them; nothing is stored.
 */
import type { ImportOptions, PreviewResult } from '../../../shared/data/types';
import { TableBuilder } from '../../../shared/data/tableBuilder';
import { DelimitedScanner } from './csvScanner';
import { resolveDialect } from './delimitedDialect';
import type { ImportContext } from './importer';
import { importXlsx } from './importXlsx';
import { rejectNoDataRows } from './rejections';
import { sniffFile } from './sniffFile';
import { tableSink } from './tableSink';

export const PREVIEW_ROWS = 50;

export async function previewFile(options: ImportOptions, ctx: ImportContext): Promise<PreviewResult> {
  const sniffed = await sniffFile(options.path);
  const rows: string[][] = [];
  if (sniffed.format === 'xlsx') {
    let header: string[] = [];
    const imported = await importXlsx(sniffed, options, ctx, {
      maxRows: PREVIEW_ROWS,
      onHeader: (cells) => (header = cells),
      onRow: (cells) => rows.push(cells),
    });
    return {
      ...imported.meta,
      header,
      rows: rows.map((r) => pad(r, header.length)),
      columns: imported.columns,
      complete: false,
    };
  }
  const dialect = resolveDialect(sniffed, options);
  const builder = new TableBuilder(dialect.decimal === ',', () => PREVIEW_ROWS + 1);
  const scanner = new DelimitedScanner(
    dialect.delimiter ? dialect.delimiter.charCodeAt(0) : -1,
    tableSink(builder, PREVIEW_ROWS, (cells) => rows.push(cells)),
    dialect.decimal.charCodeAt(0),
  );
  scanner.push(dialect.sampleText, sniffed.whole);
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
    header,
    rows: rows.map((r) => pad(r, header.length)),
    columns: built.columns,
    sizeBytes: sniffed.size,
    complete: sniffed.whole && !scanner.stopped,
  };
}

function pad(cells: string[], width: number): string[] {
  if (cells.length >= width) return cells.slice(0, width);
  return [...cells, ...new Array<string>(width - cells.length).fill('')];
}
