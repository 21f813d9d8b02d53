/** Import entry: sniff the file, read it as delimited text, a workbook or an image, and assemble the summary. */
import type { DatasetSummary, ImportOptions } from '../../../shared/data/types';
import type { ColumnTable } from '../../../shared/data/columnTable';
import { importDelimited } from './importDelimited';
import { importImage } from './importImage';
import type { ImportContext, ImportedTable } from './importer';
import { importXlsx } from './importXlsx';
import { sniffFile } from './sniffFile';

export async function importFile(
  options: ImportOptions,
  ctx: ImportContext,
  datasetId: string,
): Promise<{ table: ColumnTable; summary: DatasetSummary }> {
  const sniffed = await sniffFile(options.path);
  const imported: ImportedTable =
    sniffed.format === 'image'
      ? await importImage(sniffed, options.image, ctx)
      : sniffed.format === 'xlsx'
        ? await importXlsx(sniffed, options, ctx)
        : await importDelimited(sniffed, options, ctx);
  const summary: DatasetSummary = {
    datasetId,
    ...imported.meta,
    rows: imported.table.rowCount,
    columns: imported.columns,
    errors: imported.errors,
  };
  if (imported.unlistedErrors > 0) summary.unlistedErrors = imported.unlistedErrors;
  if (imported.droppedPhantomColumns > 0) summary.droppedPhantomColumns = imported.droppedPhantomColumns;
  imported.table.summary = summary;
  return { table: imported.table, summary };
}
