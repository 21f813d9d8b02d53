/**
 * Streams a label export as an .xlsx workbook (exceljs' streaming WorkbookWriter: rows are committed
 * as they are written, so memory stays flat) into the same atomic temporary file as the CSV writer.
 *
 * Cells of numeric columns are written as numbers so Excel can compute with them — except where the
 * number would not show the original text: a leading zero ("007", an identifier) or more than 15
 * significant digits (Excel keeps 15). Everything else is written as the original text.
 */
import { Writable } from 'node:stream';
import type { DataTable } from '../../../shared/data/table';
import { EngineError, cancelledError } from '../../../shared/errors';
import { openAtomic } from '../../common/atomicWrite';
import { ROWS_PER_SLICE, originalHeader, type LabelRowCursor } from './labelRows';
import type { ExportJob } from './exportJob';

/** Excel's sheet limits (Microsoft, "Excel specifications and limits"). */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

export async function writeLabelsXlsx(
  table: DataTable,
  cursor: LabelRowCursor,
  addedColumns: string[],
  job: ExportJob,
): Promise<number> {
  const width = table.summary.columns.length;
  const n = table.rowCount;
  if (n + 1 > MAX_ROWS || width + addedColumns.length > MAX_COLUMNS) {
    throw new EngineError(
      'export_too_large',
      `An Excel sheet holds at most ${MAX_ROWS} rows and ${MAX_COLUMNS} columns; this export has ${n + 1} rows and ${width + addedColumns.length} columns. Export as CSV instead.`,
    );
  }
  const numeric = table.summary.columns.map((c) =>
    c.kind === 'numeric' || c.kind === 'mixed' ? table.numeric(c.index) : null,
  );
  const file = await openAtomic(job.path);
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      file.write(chunk).then(() => done(), done);
    },
  });
  try {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false });
    const sheet = workbook.addWorksheet('Labels');
    sheet.addRow([...originalHeader(table), ...addedColumns]).commit();
    for (let start = 0; start < n; start += ROWS_PER_SLICE) {
      if (job.signal.aborted) throw cancelledError();
      const end = Math.min(n, start + ROWS_PER_SLICE);
      for (let row = start; row < end; row++) {
        const values: (string | number | null)[] = new Array(width);
        for (let c = 0; c < width; c++) values[c] = cellValue(table.text(c, row), numeric[c]?.[row]);
        const added = cursor.valuesOf(row);
        sheet.addRow(added ? [...values, ...added] : values).commit();
      }
      job.progress({ rowsWritten: end, totalRows: n });
      // Let the zip stream drain into the file between slices.
      await new Promise((resolve) => setImmediate(resolve));
    }
    sheet.commit();
    await workbook.commit();
    if (job.signal.aborted) throw cancelledError();
    await file.commit();
  } catch (err) {
    sink.destroy();
    await file.abort();
    throw err;
  }
  job.progress({ rowsWritten: n, totalRows: n }, true);
  return file.bytesWritten;
}

function cellValue(text: string, value: number | undefined): string | number | null {
  if (text === '') return null;
  if (value === undefined || !Number.isFinite(value)) return text;
  if (/^[+-]?0\d/.test(text.trim())) return text;
  const digits = text
    .replace(/[eE].*$/, '')
    .replace(/\D/g, '')
    .replace(/^0+/, '');
  return digits.length > 15 ? text : value;
}
