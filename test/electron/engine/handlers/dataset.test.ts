import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import {
  datasetImport,
  datasetPreview,
  datasetRelease,
  datasetRows,
} from '../../../../electron/engine/handlers/dataset';
import type { Handler, HandlerContext } from '../../../../electron/engine/handlers/handler';
import { DatasetStore } from '../../../../electron/engine/datasetStore';
import { inspectJson } from '../../../../electron/cli/commands/inspect';
import { type EngineKind, type PayloadOf, type ProgressOf, type ResultOf } from '../../../../shared/protocol';
import { EngineError } from '../../../../shared/errors';
import type { ImportOptions, ImportProgress } from '../../../../shared/data/types';
import { csvDir, expectMatchesSidecar, sidecars } from '../import/sidecar';

function context(store = new DatasetStore(), signal = new AbortController().signal) {
  const progress: ImportProgress[] = [];
  const ctx: HandlerContext<ImportProgress> = { signal, store, progress: (p) => progress.push(p) };
  return { ctx, store, progress };
}

/** Runs a handler as the engine core does: payload through its schema, then run. */
async function call<K extends EngineKind>(
  handler: Handler<K>,
  payload: PayloadOf<K>,
  ctx: HandlerContext<unknown>,
): Promise<ResultOf<K>> {
  return (await handler.run(
    handler.schema.parse(payload),
    ctx as HandlerContext<ProgressOf<K>>,
  )) as ResultOf<K>;
}

async function importFile(options: ImportOptions, c = context()) {
  const summary = await call(datasetImport, options, c.ctx);
  return { summary, ...c };
}

async function rejection(promise: Promise<unknown>): Promise<EngineError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EngineError);
  return err as EngineError;
}

describe('dataset.import: every CSV fixture imports to what its sidecar says', () => {
  for (const want of sidecars()) {
    it(`${want.file}`, async () => {
      const file = path.join(csvDir, want.file);
      if (want.reject) {
        const err = await rejection(importFile({ path: file }));
        expect(err.code).toBe(want.reason_code);
        if (want.header_fields) expect(err.details?.headerFields).toEqual(want.header_fields);
        return;
      }
      const { summary, store } = await importFile({ path: file });
      expectMatchesSidecar(inspectJson(summary), want);
      const table = store.get(summary.datasetId);
      for (const cell of want.cells ?? []) {
        const where = `row ${cell.row} column ${cell.column}`;
        expect(table.text(cell.column, cell.row - 1), where).toBe(cell.value);
        const values = table.numeric(cell.column);
        const v = values ? values[cell.row - 1] : NaN;
        // JSON has no -0 (the sidecar writes "-0" as 0), so compare numerically: v + 0 maps -0 to 0.
        if (cell.number !== undefined) expect(v + 0, where).toBe(cell.number);
        else expect(v, where).toBeNaN();
      }
    });
  }
});

describe('dataset.import', () => {
  it('keeps every cell text, numeric columns included, for exports', async () => {
    const file = path.join(csvDir, '03_semicolon_decimal_comma.csv');
    const { summary, store } = await importFile({ path: file });
    const c = context(store);
    const rows = await call(datasetRows, { datasetId: summary.datasetId, start: 0, count: 3 }, c.ctx);
    // Row 3 of the file (after the header): the original texts, thousands groups and decimal comma kept.
    expect(rows.cells[2][4]).toBe('4.937,12');
    expect(rows.cells[2][5]).toBe('12.342.800');
    expect(rows.cells[0][3]).toBe('1.200');
  });

  it('reports progress up to the total size and the row count', async () => {
    const file = path.join(csvDir, '16_mall_customers.csv');
    const { summary, progress } = await importFile({ path: file });
    const last = progress[progress.length - 1];
    expect(last).toEqual({ bytesRead: summary.sizeBytes, totalBytes: summary.sizeBytes, rows: 200 });
  });

  it('stops with code cancelled when the caller aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    const err = await rejection(
      importFile({ path: path.join(csvDir, '16_mall_customers.csv') }, context(undefined, controller.signal)),
    );
    expect(err.code).toBe('cancelled');
  });

  it('honours overrides: a forced delimiter and decimal', async () => {
    const file = path.join(csvDir, '03_semicolon_decimal_comma.csv');
    const { summary } = await importFile({ path: file, delimiter: ';', decimal: '.' });
    expect(summary.decimal).toBe('.');
    // With '.' decimals, "1.234,5" is text: Umsatz becomes mixed.
    expect(summary.columns[5].kind).toBe('mixed');
  });

  it('refuses undecodable bytes in a forced encoding with code undecodable', async () => {
    const err = await rejection(
      importFile({ path: path.join(csvDir, '10_gbk_chinese.csv'), encoding: 'utf-8' }),
    );
    expect(err.code).toBe('undecodable');
    expect(err.message).toMatch(/encoding/);
  });

  it('refuses an .xlsx workbook renamed to .csv as not_text, saying what it is', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mixlab-import-'));
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Data').addRows([['a'], [1]]);
    const file = path.join(dir, 'renamed.csv');
    await workbook.xlsx.writeFile(file);
    const err = await rejection(importFile({ path: file }));
    expect(err.code).toBe('not_text');
    expect(err.message).toMatch(/\.xlsx/);
  });

  it('imports an .xlsx sheet chosen by name with the same typing and lists the sheets', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mixlab-import-'));
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRows([['just text'], ['more']]);
    workbook.addWorksheet('Measurements').addRows([
      ['id', 'weight', 'ward', 'score'],
      [1, 70.5, 'A', 3],
      [2, 'n/a', 'B', 4],
      [3, 80, 'A', null],
      [4, 60.25, 'C', 5, 'extra'],
    ]);
    const file = path.join(dir, 'book.xlsx');
    await workbook.xlsx.writeFile(file);
    const { summary, store } = await importFile({ path: file, sheet: 'Measurements' });
    expect(summary.format).toBe('xlsx');
    expect(summary.sheets).toEqual(['Notes', 'Measurements']);
    expect(summary.sheet).toBe('Measurements');
    expect(summary.rows).toBe(4);
    expect(summary.columns.map((c) => c.kind)).toEqual(['numeric', 'mixed', 'categorical', 'numeric']);
    expect(summary.columns[1]).toMatchObject({ nonNumeric: 1, nonNumericRows: [2], sum: 210.75 });
    expect(summary.columns[3].missing).toBe(1);
    expect(summary.errors).toEqual([{ row: 4, kind: 'ragged', expectedFields: 4, foundFields: 5 }]);
    expect(store.get(summary.datasetId).text(1, 1)).toBe('n/a');
    const first = await importFile({ path: file });
    expect(first.summary.sheet).toBe('Notes');
    const err = await rejection(importFile({ path: file, sheet: 'Nope' }));
    expect(err.code).toBe('unknown_sheet');
  });

  it('refuses a binary .xls workbook with advice to save as .xlsx or CSV', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mixlab-import-'));
    const file = path.join(dir, 'old.xls');
    writeFileSync(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const err = await rejection(importFile({ path: file }));
    expect(err.code).toBe('unsupported_format');
    expect(err.message).toMatch(/\.xlsx or CSV/);
  });
});

describe('dataset.preview, dataset.rows, dataset.release', () => {
  it('previews detected settings, first rows and kinds without storing anything', async () => {
    const c = context();
    const preview = await call(datasetPreview, { path: path.join(csvDir, '10_gbk_chinese.csv') }, c.ctx);
    expect(preview.encoding).toBe('gbk');
    expect(preview.header[2]).toBe('年龄');
    expect(preview.rows.length).toBe(50);
    expect(preview.columns[2].kind).toBe('numeric');
    expect(preview.complete).toBe(false);
    const forced = await call(
      datasetPreview,
      { path: path.join(csvDir, '04_tab_separated.tsv'), delimiter: ',' },
      c.ctx,
    );
    expect(forced.delimiter).toBe(',');
  });

  it('returns rows as text and forgets a released dataset', async () => {
    const { summary, store } = await importFile({ path: path.join(csvDir, '06_missing_tokens.csv') });
    const c = context(store);
    const id = summary.datasetId;
    const rows = await call(datasetRows, { datasetId: id, start: 78, count: 10, columns: [0] }, c.ctx);
    expect(rows.cells).toEqual([['79'], ['80']]);
    expect(await call(datasetRelease, { datasetId: id }, c.ctx)).toEqual({ released: true });
    const err = await rejection(call(datasetRows, { datasetId: id, start: 0, count: 1 }, c.ctx));
    expect(err.code).toBe('unknown_dataset');
  });

  it('returns explicit rows in the order asked (a sorted table), skipping rows past the end', async () => {
    const { summary, store } = await importFile({ path: path.join(csvDir, '06_missing_tokens.csv') });
    const c = context(store);
    const rows = await call(
      datasetRows,
      { datasetId: summary.datasetId, start: 0, count: 0, columns: [0], rows: [79, 0, 78, 500] },
      c.ctx,
    );
    expect(rows.cells).toEqual([['80'], ['1'], ['79']]);
  });
});

describe('dataset.import: the header and totalRows options', () => {
  it('accepts them, and refuses values other than a boolean and exclude | keep', async () => {
    const file = path.join(csvDir, '..', 'hostile', 'h04_headerless_numeric.csv');
    expect((await importFile({ path: file })).summary.header).toBe(false);
    expect((await importFile({ path: file, header: true, totalRows: 'keep' })).summary.rows).toBe(29);
    expect(datasetImport.schema.safeParse({ path: file, header: 'yes' }).success).toBe(false);
    expect(datasetImport.schema.safeParse({ path: file, totalRows: 'drop' }).success).toBe(false);
  });
});
