import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EngineCore } from '../../../../electron/engine/engineCore';
import { RequestTracker } from '../../../../electron/engine/requestTracker';
import type { EngineCaller } from '../../../../electron/engine/engineCaller';
import { parseFromEngineMessage } from '../../../../shared/protocol';
import { EngineError } from '../../../../shared/errors';
import type { DatasetSummary } from '../../../../shared/data/types';
import type { FitResponse } from '../../../../shared/engine/model/types';
import type { LabelModel } from '../../../../shared/export/labelModel';
import type { LabelExportProgress } from '../../../../shared/export/labelExport';

const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const csv = (name: string) => path.join(fixtures, 'csv', name);
const data = (name: string) => path.join(fixtures, 'data', name);

/** An engine core fed directly (as the CLI's in-process engine). */
function engine(): EngineCaller['call'] {
  let deliver: (raw: unknown) => void = () => {};
  const tracker = new RequestTracker((m) => queueMicrotask(() => deliver(m)));
  new EngineCore(
    {
      send: (m) => {
        const parsed = parseFromEngineMessage(m);
        if (parsed) tracker.receive(parsed);
      },
      onMessage: (listener) => {
        deliver = listener;
      },
    },
    { progressIntervalMs: 0 },
  );
  return (kind, payload, options) => tracker.call(kind, payload, options);
}

const call = engine();
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-export-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function importAndFit(
  file: string,
  columns: string[],
  k: number,
  extra: { standardize?: boolean; log?: string[] } = {},
): Promise<{ summary: DatasetSummary; response: FitResponse; model: LabelModel }> {
  const summary = await call('dataset.import', { path: file });
  const index = (name: string) => summary.columns.find((c) => c.displayName === name)!.index;
  const response = await call('fit', {
    datasetId: summary.datasetId,
    columns: columns.map(index),
    standardize: extra.standardize ?? false,
    logColumns: extra.log?.map(index),
    options: {
      nComponents: k,
      covarianceType: 'full',
      init: 'kmeans',
      nInit: 1,
      seed: 0,
      maxIter: 100,
      tol: 1e-3,
      regCovar: 1e-6,
    },
    threads: 1,
    // The label export of a saved model recomputes labels for rows with every model cell present.
    missing: 'drop',
  });
  return { summary, response, model: { params: response.fit.params, preprocessing: response.preprocessing } };
}

/** Every cell of a dataset as text (the importer's view of a file). */
async function allCells(summary: DatasetSummary): Promise<string[][]> {
  const { cells } = await call('dataset.rows', {
    datasetId: summary.datasetId,
    start: 0,
    count: summary.rows,
  });
  return cells;
}

describe('export.labels: CSV that re-imports with the original columns and the labels', () => {
  it('iris: original header, cells and order, plus cluster, probability, p_k and uncertainty', async () => {
    const { summary, response, model } = await importAndFit(
      data('iris.csv'),
      ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'],
      3,
    );
    const out = path.join(tmp, 'iris-labels.csv');
    const progress: LabelExportProgress[] = [];
    const result = await call(
      'export.labels',
      {
        datasetId: summary.datasetId,
        model,
        path: out,
        includeProbabilities: true,
        includeUncertainty: true,
      },
      { onProgress: (p) => progress.push(p) },
    );
    expect(result).toMatchObject({ rows: 150, labelled: 150, excluded: 0 });
    expect(result.addedColumns).toEqual(['cluster', 'probability', 'p_1', 'p_2', 'p_3', 'uncertainty']);
    expect(progress.at(-1)).toEqual({ rowsWritten: 150, totalRows: 150 });
    // UTF-8 with BOM by default (Excel needs the BOM to read UTF-8).
    expect([...readFileSync(out).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const again = await call('dataset.import', { path: out });
    const width = summary.columns.length;
    expect(again.columns.slice(0, width).map((c) => [c.name, c.kind])).toEqual(
      summary.columns.map((c) => [c.name, c.kind]),
    );
    expect(again.columns.slice(width).map((c) => c.name)).toEqual(result.addedColumns);
    const before = await allCells(summary);
    const after = await allCells(again);
    expect(after.map((row) => row.slice(0, width))).toEqual(before);

    // Recomputed labels equal the fit's own final E-step (same matrix, same kernels), 1-based.
    const { labels, resp } = response.fit;
    for (let i = 0; i < 150; i++) {
      const row = after[i].slice(width).map(Number);
      expect(row[0]).toBe(labels[i] + 1);
      expect(row[1]).toBeCloseTo(resp[i * 3 + labels[i]], 12);
      for (let k = 0; k < 3; k++) expect(row[2 + k]).toBeCloseTo(resp[i * 3 + k], 12);
      expect(row[5]).toBeCloseTo(1 - resp[i * 3 + labels[i]], 12);
    }
  });

  it('standardised and log-transformed models are applied with the stored centre and scale', async () => {
    const { summary, response, model } = await importAndFit(
      data('faithful.csv'),
      ['eruptions', 'waiting'],
      2,
      {
        standardize: true,
        log: ['waiting'],
      },
    );
    const applied = await call('model.apply', { datasetId: summary.datasetId, model });
    expect(Array.from(applied.rowIndex)).toEqual(Array.from(response.rowIndex));
    expect(Array.from(applied.labels)).toEqual(Array.from(response.fit.labels));
    let err = 0;
    for (let i = 0; i < applied.resp.length; i++)
      err = Math.max(err, Math.abs(applied.resp[i] - response.fit.resp[i]));
    // The fit subtracts the mean in two parts (buildFitMatrix.ts); one rounding apart at most.
    expect(err).toBeLessThan(1e-12);
  });

  it('rows excluded for missing values get empty label cells and are counted', async () => {
    const { summary, response, model } = await importAndFit(
      csv('06_missing_tokens.csv'),
      ['reading_a', 'reading_b'],
      2,
    );
    const out = path.join(tmp, 'missing.csv');
    const result = await call('export.labels', {
      datasetId: summary.datasetId,
      model,
      path: out,
      encoding: 'utf-8',
    });
    expect(result.rows).toBe(80);
    expect(result.labelled).toBe(80 - response.droppedRows);
    expect(result.excluded).toBe(response.droppedRows);
    expect(result.excluded).toBeGreaterThan(0);
    const again = await allCells(await call('dataset.import', { path: out }));
    const width = summary.columns.length;
    const kept = new Set(response.rowIndex);
    again.forEach((row, i) => {
      if (kept.has(i)) expect(row[width]).toMatch(/^[12]$/);
      else expect(row.slice(width)).toEqual(['', '']);
    });
    // Missing-value tokens are written back as they were in the file.
    expect(await allCells(summary)).toEqual(again.map((r) => r.slice(0, width)));
  });

  it('keeps raw header names, empty and duplicated, in the original order', async () => {
    const { summary, model } = await importAndFit(
      csv('09_duplicate_empty_headers.csv'),
      ['score', 'score (2)'],
      2,
    );
    const out = path.join(tmp, 'dup.csv');
    await call('export.labels', { datasetId: summary.datasetId, model, path: out });
    const firstLine = readFileSync(out, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0];
    const rawHeader = readFileSync(csv('09_duplicate_empty_headers.csv'), 'utf8').split(/\r?\n/)[0];
    expect(firstLine).toBe(`${rawHeader},cluster,probability`);
  });

  it('the UTF-8-BOM export of the GBK Chinese file re-imports with correct Chinese headers; GBK round-trips', async () => {
    const { summary, model } = await importAndFit(csv('10_gbk_chinese.csv'), ['年龄', '年收入'], 2);
    expect(summary.encoding).toBe('gbk');
    const original = await allCells(summary);
    for (const encoding of ['utf-8-bom', 'gbk'] as const) {
      const out = path.join(tmp, `chinese-${encoding}.csv`);
      await call('export.labels', { datasetId: summary.datasetId, model, path: out, encoding });
      const again = await call('dataset.import', { path: out });
      expect(again.encoding).toBe(encoding === 'gbk' ? 'gbk' : 'utf-8');
      expect(again.columns.map((c) => c.name)).toEqual([
        '客户编号',
        '性别',
        '年龄',
        '城市',
        '年收入',
        '消费得分',
        '备注',
        'cluster',
        'probability',
      ]);
      expect((await allCells(again)).map((r) => r.slice(0, 7))).toEqual(original);
    }
  });

  it('semicolon export of a decimal-comma file: added numbers use the file’s decimal mark', async () => {
    const { summary, model } = await importAndFit(
      csv('03_semicolon_decimal_comma.csv'),
      ['Einzelpreis', 'Menge'],
      2,
    );
    const out = path.join(tmp, 'german.csv');
    await call('export.labels', {
      datasetId: summary.datasetId,
      model,
      path: out,
      delimiter: ';',
      includeUncertainty: true,
    });
    const again = await call('dataset.import', { path: out });
    expect(again.delimiter).toBe(';');
    expect(again.decimal).toBe(',');
    const width = summary.columns.length;
    expect(again.columns.slice(0, width).map((c) => [c.name, c.kind, c.sum])).toEqual(
      summary.columns.map((c) => [c.name, c.kind, c.sum]),
    );
    const probability = again.columns[width + 1];
    expect(probability.kind).toBe('numeric');
    expect(probability.min).toBeGreaterThanOrEqual(0.5);
    expect(probability.max).toBeLessThanOrEqual(1);
  });

  it('refuses a GBK export of characters GBK cannot hold, naming one, and writes nothing', async () => {
    const { summary, model } = await importAndFit(
      csv('11_utf16le_excel_unicode.txt'),
      ['Population', 'Area (km²)'],
      1,
    );
    const out = path.join(tmp, 'unicode-gbk.csv');
    const err = await call('export.labels', {
      datasetId: summary.datasetId,
      model,
      path: out,
      encoding: 'gbk',
    }).catch((e: EngineError) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).code).toBe('export_unencodable');
    expect((err as EngineError).message).toMatch(
      /^Line \d+ holds ".+" \(U\+[0-9A-F]{4,}\), which GBK cannot represent/,
    );
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('.xlsx: re-imports with the same columns, numbers as numbers, labels as numbers', async () => {
    const { summary, response, model } = await importAndFit(
      data('iris.csv'),
      ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'],
      3,
    );
    const out = path.join(tmp, 'iris.xlsx');
    const result = await call('export.labels', {
      datasetId: summary.datasetId,
      model,
      path: out,
      format: 'xlsx',
    });
    expect(result.rows).toBe(150);
    const again = await call('dataset.import', { path: out });
    expect(again.format).toBe('xlsx');
    expect(again.columns.map((c) => [c.name, c.kind])).toEqual([
      ...summary.columns.map((c) => [c.name, c.kind]),
      ['cluster', 'numeric'],
      ['probability', 'numeric'],
    ]);
    for (let j = 0; j < summary.columns.length; j++) {
      if (summary.columns[j].kind === 'numeric') expect(again.columns[j].sum).toBe(summary.columns[j].sum);
    }
    const labels = (await allCells(again)).map((r) => Number(r[summary.columns.length]));
    expect(labels).toEqual(Array.from(response.fit.labels, (l) => l + 1));
  });

  it('cancel stops the stream: no file at the target, no temporary file left', async () => {
    // 200 000 rows: long enough to cancel after the first progress report.
    const big = path.join(tmp, 'big.csv');
    const lines = ['x,y'];
    for (let i = 0; i < 200_000; i++) lines.push(`${(i % 97) / 10},${(i % 89) / 7}`);
    writeFileSync(big, lines.join('\n'));
    const { summary, model } = await importAndFit(big, ['x', 'y'], 2);
    const out = path.join(tmp, 'big-labels.csv');
    const controller = new AbortController();
    let reports = 0;
    const err = await call(
      'export.labels',
      { datasetId: summary.datasetId, model, path: out },
      {
        signal: controller.signal,
        onProgress: () => {
          if (++reports === 1) controller.abort();
        },
      },
    ).catch((e: EngineError) => e);
    expect((err as EngineError).code).toBe('cancelled');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(tmp).filter((f) => f.includes('big-labels'))).toEqual([]);
  });

  it('a model matched by name on another file lists every missing column', async () => {
    const { model } = await importAndFit(data('iris.csv'), ['sepal_length', 'petal_width'], 2);
    const other = await call('dataset.import', { path: data('faithful.csv') });
    const { columns: _columns, ...byName } = model.preprocessing;
    const err = await call('model.apply', {
      datasetId: other.datasetId,
      model: { params: model.params, preprocessing: byName },
      match: 'name',
    }).catch((e: EngineError) => e);
    expect((err as EngineError).code).toBe('model_columns_missing');
    expect((err as EngineError).message).toContain('"sepal_length", "petal_width"');
    expect((err as EngineError).message).toContain('the file has: "eruptions", "waiting"');
  });
});
