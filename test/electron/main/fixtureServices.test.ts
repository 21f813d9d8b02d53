/**
 * Every CSV fixture (test/fixtures/csv, README and sidecars there) through the REAL services, as the
 * renderer reaches them: previewDataset and importDataset over the validating router, the engine as
 * a separate process. An accepted file imports to what its sidecar says (settings, rows, columns,
 * problems, spot-checked cells read back with getRows / getColumnValues); a refused file gives the
 * sidecar's code and a message starting with the sidecar's reason, from preview and import alike.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectJson } from '../../../electron/cli/commands/inspect';
import type { Envelope } from '../../../shared/api';
import type {
  ColumnValuesResult,
  DatasetSummary,
  PreviewResult,
  RowsResult,
} from '../../../shared/data/types';
import { realEngineRouter } from '../../support/services';
import { csvDir, expectMatchesSidecar, sidecars, type Sidecar } from '../engine/import/sidecar';

const { engine, route } = realEngineRouter();
afterAll(() => engine.dispose());

function value<T>(res: Envelope<unknown>): T {
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.value as T;
}

async function expectCells(summary: DatasetSummary, want: Sidecar): Promise<void> {
  for (const cell of want.cells ?? []) {
    const where = `row ${cell.row} column ${cell.column}`;
    const kind = summary.columns[cell.column].kind;
    if (kind === 'numeric' || kind === 'mixed') {
      const { values } = value<ColumnValuesResult>(
        await route('getColumnValues', { datasetId: summary.datasetId, columns: [cell.column] }),
      );
      const v = values[0][cell.row - 1];
      // JSON has no -0 (the sidecar writes "-0" as 0): compare numerically, v + 0 maps -0 to 0.
      if (cell.number !== undefined) expect(v + 0, where).toBe(cell.number);
      else expect(v, where).toBeNaN();
    } else {
      expect(cell.number, `${where}: a number in a ${kind} column`).toBeUndefined();
    }
    if (!cell.missing) {
      const rows = value<RowsResult>(
        await route('getRows', {
          datasetId: summary.datasetId,
          start: cell.row - 1,
          count: 1,
          columns: [cell.column],
        }),
      );
      expect(rows.cells[0][0], where).toBe(cell.value);
    }
  }
}

describe('each CSV fixture through the real services', () => {
  for (const want of sidecars()) {
    it(`${want.file}: ${want.reject ? `refused (${want.reason_code})` : `${want.rows} rows`}`, async () => {
      const options = { path: path.join(csvDir, want.file) };
      const preview = await route('previewDataset', { options });
      const imported = await route('importDataset', { jobId: 'fixture', options });
      if (want.reject) {
        for (const res of [preview, imported]) {
          expect(res.ok).toBe(false);
          if (res.ok) return;
          expect(res.error.code).toBe(want.reason_code);
          expect(res.error.message.startsWith(want.reason!), res.error.message).toBe(true);
        }
        return;
      }
      const previewed = value<PreviewResult>(preview);
      const summary = value<DatasetSummary>(imported);
      expectMatchesSidecar(inspectJson(summary), want);
      // The import dialog showed the settings the import then used.
      expect([previewed.encoding, previewed.delimiter, previewed.decimal]).toEqual([
        summary.encoding,
        summary.delimiter,
        summary.decimal,
      ]);
      await expectCells(summary, want);
      expect(
        value<{ released: boolean }>(await route('closeDataset', { datasetId: summary.datasetId })),
      ).toEqual({
        released: true,
      });
    });
  }
});
