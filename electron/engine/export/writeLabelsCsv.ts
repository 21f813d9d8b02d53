/**
 * Streams a label export as delimited text: the original header and cells (as imported, original
 * order) plus the label columns, in slices of rows — encode, write, report progress, check cancel —
 * into a temporary file that replaces the target only when complete (atomicWrite.ts).
 * Lines end in CRLF, as RFC 4180 and Excel write them. Text cells (header included) that a
 * spreadsheet would run as a formula get a leading apostrophe (csvFormat.ts neutralizeFormula);
 * numbers, negative ones included, are written as they were.
 */
import type { DataTable } from '../../../shared/data/table';
import { csvRow, neutralizeFormula } from '../../../shared/export/csvFormat';
import { labelCells } from '../../../shared/export/labelColumns';
import { openAtomic } from '../../common/atomicWrite';
import { sliceEncoder } from './textEncoder';
import { ROWS_PER_SLICE, originalHeader, type LabelRowCursor } from './labelRows';
import type { ExportJob } from './exportJob';
import { cancelledError } from '../../../shared/errors';

export async function writeLabelsCsv(
  table: DataTable,
  cursor: LabelRowCursor,
  addedColumns: string[],
  job: ExportJob,
): Promise<number> {
  const { delimiter, encoding } = job.options;
  const decimal = table.summary.decimal;
  const encoder = sliceEncoder(encoding);
  const width = table.summary.columns.length;
  const n = table.rowCount;
  const numeric = table.summary.columns.map((c) => table.numeric(c.index));
  const header = originalHeader(table).map((name) => neutralizeFormula(name));
  const file = await openAtomic(job.path);
  try {
    await file.write(encoder.preamble);
    await file.write(encoder.encode([csvRow([...header, ...addedColumns], delimiter) + '\r\n'], 1));
    const cells = new Array<string>(width);
    for (let start = 0; start < n; start += ROWS_PER_SLICE) {
      if (job.signal.aborted) throw cancelledError();
      const end = Math.min(n, start + ROWS_PER_SLICE);
      const lines: string[] = [];
      for (let row = start; row < end; row++) {
        for (let c = 0; c < width; c++) {
          const value = numeric[c]?.[row];
          cells[c] = neutralizeFormula(table.text(c, row), value !== undefined && Number.isFinite(value));
        }
        const added = labelCells(cursor.valuesOf(row), addedColumns.length, decimal);
        lines.push(csvRow([...cells, ...added], delimiter) + '\r\n');
      }
      // File line numbers: line 1 is the header, data row `start` is line start + 2.
      await file.write(encoder.encode(lines, start + 2));
      job.progress({ rowsWritten: end, totalRows: n });
    }
    if (job.signal.aborted) throw cancelledError();
    await file.commit();
  } catch (err) {
    await file.abort();
    throw err;
  }
  job.progress({ rowsWritten: n, totalRows: n }, true);
  return file.bytesWritten;
}
