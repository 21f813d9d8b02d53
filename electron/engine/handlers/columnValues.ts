/**
 * Whole numeric columns as Float64Array (NaN = missing or not a number), for the renderer's
 * charts: column sparklines, the scatter's coordinates and the cluster summary. Each array is a
 * copy (the table's own arrays may be shared with fit workers) and is transferred, not cloned.
 */
import { z } from 'zod';
import { EngineError, ErrorCodes } from '../../../shared/errors';
import { withTransfer, type Handler } from './handler';

export const datasetColumnValues: Handler<'dataset.columnValues'> = {
  schema: z
    .object({
      datasetId: z.string().min(1),
      columns: z.array(z.number().int().min(0)).min(1).max(10_000),
    })
    .strict(),
  async run({ datasetId, columns }, ctx) {
    const table = ctx.store.get(datasetId);
    const values = columns.map((c) => {
      const column = c < table.summary.columns.length ? table.numeric(c) : null;
      if (!column) {
        throw new EngineError(
          ErrorCodes.InvalidPayload,
          `Column ${c} is not a numeric column of this dataset.`,
          { column: c },
        );
      }
      return Float64Array.from(column);
    });
    return withTransfer(
      { columns: [...columns], values },
      values.map((v) => v.buffer as ArrayBuffer),
    );
  },
};
