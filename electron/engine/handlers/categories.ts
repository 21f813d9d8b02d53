/**
 * Engine kind `dataset.categories`: columns read as categories — each row's level index and the level
 * list — coded exactly as a fit codes them (`categoryCodes`, request/buildMixedRows.ts), so the
 * views of a fitted categorical column (level counts per cluster, observed against fitted) index the
 * model's probabilities directly. Codes are transferred, not copied.
 */
import { z } from 'zod';
import { EngineError, ErrorCodes } from '../../../shared/errors';
import { categoryCodes } from '../../../shared/engine/request/buildMixedRows';
import { withTransfer, type Handler } from './handler';

/** More levels than any view can show: such a column is an identifier, not a category. */
export const MAX_CATEGORY_LEVELS = 10_000;

export const datasetCategories: Handler<'dataset.categories'> = {
  schema: z
    .object({
      datasetId: z.string().min(1),
      columns: z.array(z.number().int().min(0)).min(1).max(10_000),
    })
    .strict(),
  async run({ datasetId, columns }, ctx) {
    const table = ctx.store.get(datasetId);
    const width = table.summary.columns.length;
    const out = columns.map((c) => {
      if (c >= width)
        throw new EngineError(
          ErrorCodes.InvalidPayload,
          `Column ${c} does not exist; the dataset has ${width} columns.`,
          {
            column: c,
          },
        );
      const coded = categoryCodes(table, c);
      if (coded.levels.length > MAX_CATEGORY_LEVELS)
        throw new EngineError(
          'too_many_levels',
          `“${table.summary.columns[c].displayName}” has ${coded.levels.length} different values, too many to show as categories (at most ${MAX_CATEGORY_LEVELS}).`,
          { column: c },
        );
      return coded;
    });
    const codes = out.map((c) => c.codes);
    return withTransfer(
      { columns: [...columns], levels: out.map((c) => c.levels), codes },
      codes.map((c) => c.buffer as ArrayBuffer),
    );
  },
};
