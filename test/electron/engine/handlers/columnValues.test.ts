import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { datasetImport } from '../../../../electron/engine/handlers/dataset';
import { datasetColumnValues } from '../../../../electron/engine/handlers/columnValues';
import { DatasetStore } from '../../../../electron/engine/datasetStore';
import {
  TRANSFER,
  type HandlerContext,
  type Transferable,
} from '../../../../electron/engine/handlers/handler';
import { type ResultOf } from '../../../../shared/protocol';
import { EngineError } from '../../../../shared/errors';
import { fixturesDir } from '../../../support/paths';

const store = new DatasetStore();
const ctx: HandlerContext<never> = { signal: new AbortController().signal, store, progress: () => {} };

async function openMixed() {
  const options = datasetImport.schema.parse({
    path: path.join(fixturesDir, 'csv', '07_mixed_numeric_text.csv'),
  });
  return datasetImport.run(options, ctx as HandlerContext<never>) as Promise<ResultOf<'dataset.import'>>;
}

describe('dataset.columnValues', () => {
  it('returns each numeric or mixed column whole, NaN where a cell is missing or text, as transferred copies', async () => {
    const summary = await openMixed();
    const numericLike = summary.columns.filter((c) => c.kind === 'numeric' || c.kind === 'mixed');
    expect(numericLike.length).toBeGreaterThan(0);
    const payload = datasetColumnValues.schema.parse({
      datasetId: summary.datasetId,
      columns: numericLike.map((c) => c.index),
    });
    const out = (await datasetColumnValues.run(payload, ctx)) as unknown as Transferable<
      ResultOf<'dataset.columnValues'>
    >;
    const { values, columns } = out.result;
    expect(columns).toEqual(numericLike.map((c) => c.index));
    expect(out[TRANSFER]).toHaveLength(values.length);
    const table = store.get(summary.datasetId);
    values.forEach((v, j) => {
      const c = numericLike[j];
      expect(v).toHaveLength(summary.rows);
      // Finite count and sum agree with the import's column summary (exact sums, so 1e-9 relative).
      const finite = Array.from(v).filter(Number.isFinite);
      expect(finite.length).toBe(c.count);
      const sum = finite.reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - (c.sum ?? 0))).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(c.sum ?? 0)));
      // A copy: the engine's own column is a different buffer.
      expect(v.buffer).not.toBe(table.numeric(c.index)!.buffer);
    });
  });

  it('rejects a text column with a coded error', async () => {
    const summary = await openMixed();
    const text = summary.columns.find((c) => c.kind === 'categorical');
    expect(text).toBeDefined();
    const err = await Promise.resolve(
      datasetColumnValues.run({ datasetId: summary.datasetId, columns: [text!.index] }, ctx),
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).code).toBe('invalid_payload');
  });
});
