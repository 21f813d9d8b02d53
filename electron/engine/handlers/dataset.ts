/**
 * Dataset requests: import a file into the engine's store (streamed, with progress and cancel),
 * preview a file for the import dialog, read rows back as text, release a dataset.
 */
import { z } from 'zod';
import { EngineError, ErrorCodes } from '../../../shared/errors';
import { importFile } from '../import/importFile';
import { previewFile } from '../import/previewFile';
import type { Handler } from './handler';

const importOptions = z
  .object({
    path: z.string().min(1),
    encoding: z.string().min(1).optional(),
    delimiter: z.string().min(1).max(16).optional(),
    decimal: z.enum(['.', ',']).optional(),
    sheet: z.string().optional(),
    header: z.boolean().optional(),
    totalRows: z.enum(['exclude', 'keep']).optional(),
    image: z
      .object({ colour: z.enum(['rgb', 'lab', 'both']).optional(), xy: z.boolean().optional() })
      .strict()
      .optional(),
  })
  .strict();

export const datasetImport: Handler<'dataset.import'> = {
  schema: importOptions,
  async run(options, ctx) {
    const datasetId = ctx.store.newId();
    const { table, summary } = await importFile(options, ctx, datasetId);
    ctx.store.put(datasetId, table);
    return summary;
  },
};

export const datasetPreview: Handler<'dataset.preview'> = {
  schema: importOptions,
  run: (options, ctx) => previewFile(options, ctx),
};

/** Rows per request: enough for a screenful of a virtualised table, small enough for one message. */
const MAX_ROWS = 10_000;

export const datasetRows: Handler<'dataset.rows'> = {
  schema: z
    .object({
      datasetId: z.string().min(1),
      start: z.number().int().min(0),
      count: z.number().int().min(0).max(MAX_ROWS),
      columns: z.array(z.number().int().min(0)).optional(),
      rows: z.array(z.number().int().min(0)).max(MAX_ROWS).optional(),
    })
    .strict(),
  async run({ datasetId, start, count, columns, rows }, ctx) {
    const table = ctx.store.get(datasetId);
    const width = table.summary.columns.length;
    const cols = columns ?? Array.from({ length: width }, (_, i) => i);
    const bad = cols.find((c) => c >= width);
    if (bad !== undefined) {
      throw new EngineError(
        ErrorCodes.InvalidPayload,
        `Column ${bad} does not exist; the dataset has ${width} columns.`,
      );
    }
    const cells: string[][] = [];
    if (rows) {
      // A sorted or filtered table asks for scattered rows; rows past the end are skipped.
      for (const row of rows) if (row < table.rowCount) cells.push(cols.map((c) => table.text(c, row)));
      return { start, cells, columns: cols };
    }
    const end = Math.min(table.rowCount, start + count);
    for (let row = start; row < end; row++) cells.push(cols.map((c) => table.text(c, row)));
    return { start, cells, columns: cols };
  },
};

export const datasetRelease: Handler<'dataset.release'> = {
  schema: z.object({ datasetId: z.string() }).strict(),
  async run({ datasetId }, ctx) {
    return { released: ctx.store.release(datasetId) };
  },
};
