/**
 * Streams an .xlsx workbook through exceljs' WorkbookReader (SAX over the zip entries, so a big
 * sheet is never held as a DOM). The chosen sheet (`sheet` option, default the first) goes through the
 * same TableBuilder as CSV: first non-empty row = header, every cell typed by the same rules from its
 * text (a numeric cell's shortest round-trip text, so its value is exact). Other sheets are skipped
 * unread except for their names, which the summary lists for the sheet picker.
 *
 * Differences from CSV, by the nature of a sheet: a row shorter than the header is simply ending in
 * empty cells (not reported); a row with values beyond the header's last column is reported ragged.
 */
import { createReadStream } from 'node:fs';
import type { ImportOptions } from '../../../shared/data/types';
import { TableBuilder } from '../../../shared/data/tableBuilder';
import { EngineError, cancelledError } from '../../../shared/errors';
import type { ImportContext, ImportedTable } from './importer';
import { rejectNoDataRows } from './rejections';
import type { Sniffed } from './sniffFile';

/** The text a spreadsheet cell stands for: what Excel would write to a CSV, give or take formats. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('result' in o) return cellText(o.result);
    if ('formula' in o || 'sharedFormula' in o) return '';
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
    if (typeof o.error === 'string') return o.error;
    if ('text' in o) return cellText(o.text);
  }
  return String(v);
}

/** Cells of a row as texts, 0-based (exceljs' `row.values` is 1-based and sparse). */
function rowTexts(values: unknown): string[] {
  const arr = Array.isArray(values) ? values : [];
  const out: string[] = [];
  for (let i = 1; i < arr.length; i++) out.push(cellText(arr[i]));
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

export interface XlsxLimits {
  /** Stop after this many data rows (previews). */
  maxRows?: number;
  onRow?: (cells: string[]) => void;
  onHeader?: (cells: string[]) => void;
}

export async function importXlsx(
  sniffed: Sniffed,
  options: ImportOptions,
  ctx: ImportContext,
  limits: XlsxLimits = {},
): Promise<ImportedTable> {
  const totalBytes = sniffed.size;
  const maxRows = limits.maxRows ?? Infinity;
  let bytesRead = 0;
  const stream = createReadStream(sniffed.path);
  stream.on('data', (chunk) => (bytesRead += chunk.length));
  // Loaded on first use: exceljs is large, and most imports (and CLI runs) are CSV.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  const builder = new TableBuilder(false, (rows) => Math.max(1024, rows * 2));
  const seen: string[] = [];
  let chosen: string | null = null;
  let done = false;
  try {
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as AsyncIterable<{ values: unknown }> & { name: string };
      seen.push(ws.name);
      const wanted = !done && chosen === null && (options.sheet === undefined || options.sheet === ws.name);
      if (!wanted) {
        if (done) break;
        for await (const _row of ws) if (ctx.signal.aborted) throw cancelledError();
        continue;
      }
      chosen = ws.name;
      for await (const row of ws) {
        if (ctx.signal.aborted) throw cancelledError();
        const cells = rowTexts(row.values);
        if (cells.length === 0) continue;
        if (!builder.header) {
          builder.setHeader(cells);
          limits.onHeader?.(cells);
          continue;
        }
        addRow(builder, cells);
        limits.onRow?.(cells.slice(0, builder.width));
        if (builder.rows % 4096 === 0) ctx.progress({ bytesRead, totalBytes, rows: builder.rows });
        if (builder.rows >= maxRows) {
          done = true;
          break;
        }
      }
      if (done) break;
    }
  } finally {
    stream.destroy();
  }
  const sheets = sheetNames(reader, seen);
  if (chosen === null) {
    throw new EngineError(
      'unknown_sheet',
      `The workbook has no sheet named "${options.sheet}". Its sheets: ${sheets.map((s) => `"${s}"`).join(', ')}.`,
      { sheets },
    );
  }
  if (builder.rows === 0) throw rejectNoDataRows(builder.header ?? []);
  ctx.progress({ bytesRead: totalBytes, totalBytes, rows: builder.rows }, true);
  return {
    ...builder.finish(),
    meta: {
      file: sniffed.path,
      format: 'xlsx',
      encoding: 'utf-8',
      bom: false,
      delimiter: null,
      decimal: '.',
      thousands: null,
      header: true,
      sizeBytes: totalBytes,
      sheets,
      sheet: chosen,
    },
  };
}

function addRow(builder: TableBuilder, cells: string[]): void {
  builder.beginRecord();
  const width = builder.width;
  for (let i = 0; i < width; i++) {
    const text = i < cells.length ? cells[i] : '';
    builder.columns[i].add(text, 0, text.length);
  }
  builder.endRecord(cells.length > width ? cells.length : width);
}

/** All sheet names in workbook order, when workbook.xml was read; else the ones streamed past. */
function sheetNames(reader: unknown, seen: string[]): string[] {
  const model = (reader as { model?: { sheets?: { name: string }[] } }).model;
  const names = model?.sheets?.map((s) => s.name).filter((n) => typeof n === 'string');
  return names && names.length >= seen.length ? names : seen;
}
