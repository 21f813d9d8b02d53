/**
 * export.labels and model.apply with a mixed-type model (mixed_sim_missing: two numeric columns,
 * score logged, all standardised; two text columns; a count column; 240 missing cells, no row
 * dropped): the labels are the fit's own, whether the model comes straight from the fit (columns
 * by index) or through a model file (format 2, columns by name); includeImputed adds exactly the
 * columns with missing cells, their filled values equal to imputeMissing on the fit's rows in the
 * columns' units, and flags that mark exactly the empty cells.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EngineCore } from '../../../../electron/engine/engineCore';
import { RequestTracker } from '../../../../electron/engine/requestTracker';
import type { EngineCaller } from '../../../../electron/engine/engineCaller';
import { parseFromEngineMessage } from '../../../../shared/protocol';
import type { FitRequest } from '../../../../shared/engine/model/types';
import type { LabelModel } from '../../../../shared/export/labelModel';
import { predictMixed } from '../../../../shared/engine/model/predictMixed';
import { imputeMissing } from '../../../../shared/engine/families/impute';
import { buildMixedRows } from '../../../../shared/engine/request/buildMixedRows';
import { parseModelFile, serializeModelFile } from '../../../../shared/project/modelFile';
import { fixturesDir } from '../../../support/paths';

function engine() {
  let deliver: (raw: unknown) => void = () => {};
  const tracker = new RequestTracker((m) => queueMicrotask(() => deliver(m)));
  const core = new EngineCore(
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
  const call: EngineCaller['call'] = (kind, payload, options) => tracker.call(kind, payload, options);
  return { store: core.store, call };
}

const file = path.join(fixturesDir, 'lca', 'mixed_sim_missing.csv');
const tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-export-families-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function fitted() {
  const { store, call } = engine();
  const summary = await call('dataset.import', { path: file });
  const request: FitRequest = {
    datasetId: summary.datasetId,
    columns: [0, 1, 2, 3, 4],
    standardize: true,
    logColumns: [1],
    categorical: [2, 3],
    counts: [4],
    options: {
      nComponents: 3,
      covarianceType: 'full',
      init: 'kmeans',
      nInit: 2,
      seed: 1,
      maxIter: 200,
      tol: 1e-8,
      regCovar: 1e-6,
    },
    threads: 1,
  };
  const response = await call('fit', request);
  const model: LabelModel = {
    params: response.fit.params,
    preprocessing: { ...response.preprocessing, missing: 'model' },
  };
  return { store, call, summary, request, response, model };
}

/** The export's rows as cells (no quoting in this file's values). */
function readCsv(target: string): string[][] {
  return readFileSync(target, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((l) => l.split(','));
}

describe('export.labels with a mixed-type model', () => {
  it('labels every row as the fit did, by index and through a model file matched by name', async () => {
    const { call, summary, response, model } = await fitted();
    const byIndex = path.join(tmp, 'index.csv');
    const a = await call('export.labels', { datasetId: summary.datasetId, model, path: byIndex });
    expect([a.rows, a.labelled, a.excluded]).toEqual([600, 600, 0]);
    const fromFile = parseModelFile(serializeModelFile(model, new Date(0)));
    expect(fromFile.preprocessing.missing).toBe('model');
    const byName = path.join(tmp, 'name.csv');
    await call('export.labels', {
      datasetId: summary.datasetId,
      model: fromFile,
      match: 'name',
      path: byName,
    });
    const want = Array.from(response.fit.labels, (k) => String(k + 1));
    expect(
      readCsv(byIndex)
        .slice(1)
        .map((r) => r[5]),
    ).toEqual(want);
    expect(
      readCsv(byName)
        .slice(1)
        .map((r) => r[5]),
    ).toEqual(want);
    const applied = await call('model.apply', {
      datasetId: summary.datasetId,
      model: fromFile,
      match: 'name',
    });
    expect(Array.from(applied.labels)).toEqual(Array.from(response.fit.labels));
  });

  it('includeImputed: <column>_filled equals imputeMissing in the column’s units, <column>_imputed flags the empty cells', async () => {
    const { store, call, summary, request, response, model } = await fitted();
    const table = store.get(summary.datasetId);
    const target = path.join(tmp, 'imputed.csv');
    const result = await call('export.labels', {
      datasetId: summary.datasetId,
      model,
      path: target,
      includeImputed: true,
    });
    const names = ['height', 'score', 'colour', 'member', 'visits'];
    expect(result.addedColumns).toEqual([
      'cluster',
      'probability',
      ...names.flatMap((n) => [`${n}_filled`, `${n}_imputed`]),
    ]);
    const [header, ...rows] = readCsv(target);
    expect(header.slice(0, 5)).toEqual(names);

    // The oracle: the fit's own rows, imputed in model units, then the preprocessing undone.
    const { options: _o, threads: _t, datasetId: _d, ...roles } = request;
    const built = buildMixedRows(table, roles);
    const full = imputeMissing(model.params, built.rows, predictMixed(model.params, built.rows).resp);
    const pre = response.preprocessing;
    let filledCells = 0;
    rows.forEach((row, i) => {
      for (let c = 0; c < 5; c++) {
        const empty = row[c] === '';
        const value = row[7 + 2 * c];
        expect(row[8 + 2 * c], `row ${i} ${names[c]}`).toBe(empty ? '1' : '0');
        if (!empty) {
          expect(Number(value) === Number(row[c]) || value === row[c]).toBe(true);
          continue;
        }
        filledCells++;
        if (c < 2) {
          const t = pre.center[c] + pre.scale[c] * full.X[i * 2 + c];
          const want = pre.log[c] ? Math.exp(t) : t;
          expect(Math.abs(Number(value) - want)).toBeLessThan(1e-12 * Math.max(1, Math.abs(want)));
        } else if (c < 4) expect(value).toBe(pre.categorical![c - 2].levels[full.codes[i * 2 + c - 2]]);
        else expect(Math.abs(Number(value) - full.counts[i])).toBeLessThan(1e-12 * full.counts[i]);
      }
    });
    expect(filledCells).toBe(240);
  });

  it('includeImputed on an .xlsx export writes the same added columns', async () => {
    const { call, summary, model } = await fitted();
    const target = path.join(tmp, 'imputed.xlsx');
    const result = await call('export.labels', {
      datasetId: summary.datasetId,
      model,
      path: target,
      format: 'xlsx',
      includeImputed: true,
    });
    expect(result.addedColumns).toContain('visits_imputed');
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(target);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['height', 'score', 'colour', 'member', 'visits', ...result.addedColumns]);
    // Row 2 (first data row) has visits missing: filled with a number, flagged 1.
    const first = (sheet.getRow(2).values as unknown[]).slice(1);
    const at = header.indexOf('visits_filled');
    expect(typeof first[at]).toBe('number');
    expect(first[at + 1]).toBe(1);
  });
});
