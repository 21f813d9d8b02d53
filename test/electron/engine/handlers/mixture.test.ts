/**
 * A stored mixed-type model back in the engine: mixture.predict gives the fit's own labels and
 * responsibilities again (one E-step at the stored parameters, never a refit), mixture.impute fills
 * exactly the missing cells of the rows asked for with the fit's expected values, in the columns'
 * units, and dataset.categories codes a column as the fit does. The file is mixed_sim_missing (two
 * numeric columns, two text columns, a count column, 8 % of the cells missing).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EngineCore } from '../../../../electron/engine/engineCore';
import { RequestTracker } from '../../../../electron/engine/requestTracker';
import type { EngineCaller } from '../../../../electron/engine/engineCaller';
import { parseFromEngineMessage } from '../../../../shared/protocol';
import type { FitRequest } from '../../../../shared/engine/model/types';
import type { MixtureModel } from '../../../../shared/engine/request/mixtureModel';
import { predictMixed } from '../../../../shared/engine/model/predictMixed';
import { imputeMissing } from '../../../../shared/engine/families/impute';
import { buildMixedRows } from '../../../../shared/engine/request/buildMixedRows';
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

/** height, score (Gaussian, standardised, score logged), colour, member (text), visits (count). */
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
  const { options: _o, threads: _t, datasetId: _d, ...roles } = request;
  const model: MixtureModel = {
    roles,
    params: response.fit.params,
    preprocessing: response.preprocessing,
  };
  return { store, call, summary, response, model };
}

describe('mixture.predict and mixture.impute', () => {
  it('predict gives the fit’s rows, labels and responsibilities back at the stored parameters', async () => {
    const { call, summary, response, model } = await fitted();
    expect(response.missingCells).toBe(240);
    expect(response.droppedRows).toBe(0);
    const predicted = await call('mixture.predict', { datasetId: summary.datasetId, model });
    expect(Array.from(predicted.rowIndex)).toEqual(Array.from(response.rowIndex));
    expect(Array.from(predicted.labels)).toEqual(Array.from(response.fit.labels));
    let worst = 0;
    for (let e = 0; e < predicted.resp.length; e++)
      worst = Math.max(worst, Math.abs(predicted.resp[e] - response.fit.resp[e]));
    expect(worst).toBeLessThan(1e-9);
    expect(predicted.missingCells).toBe(240);
    expect(predicted.droppedRows).toBe(0);
  });

  it('impute fills exactly the missing cells of the rows asked for, in the columns’ own units', async () => {
    const { store, call, summary, response, model } = await fitted();
    const table = store.get(summary.datasetId);
    const rows = [0, 5, 17, 42, 43, 598, 599];
    const { cells } = await call('mixture.impute', { datasetId: summary.datasetId, model, rows });
    const missing = rows.flatMap((r) =>
      [0, 1, 2, 3, 4].filter((c) => table.text(c, r).trim() === '').map((c) => `${r}:${c}`),
    );
    expect(missing.length).toBeGreaterThan(0);
    expect(cells.map((c) => `${c.row}:${c.column}`).sort()).toEqual(missing.sort());

    // The oracle: the whole table's rows as the fit built them, imputed in model units, then undone.
    const built = buildMixedRows(table, { ...model.roles, standardize: true });
    const resp = predictMixed(model.params, built.rows).resp;
    const full = imputeMissing(model.params, built.rows, resp);
    const pre = response.preprocessing;
    const levels = pre.categorical!.map((c) => c.levels);
    for (const cell of cells) {
      const i = Array.from(response.rowIndex).indexOf(cell.row);
      if (cell.column === 0 || cell.column === 1) {
        const j = pre.columns.indexOf(cell.column);
        const t = pre.center[j] + pre.scale[j] * full.X[i * 2 + j];
        const want = pre.log[j] ? Math.exp(t) : t;
        expect(Math.abs((cell.value as number) - want)).toBeLessThan(1e-9 * Math.max(1, Math.abs(want)));
        if (cell.column === 1) expect(cell.value as number).toBeGreaterThan(0);
      } else if (cell.column === 2 || cell.column === 3) {
        const j = cell.column - 2;
        expect(cell.value).toBe(levels[j][full.codes[i * 2 + j]]);
      } else {
        expect(Math.abs((cell.value as number) - full.counts[i])).toBeLessThan(1e-9);
      }
    }
  });

  it('predict labels a numeric-only model with modelled missing cells on every row with an observed cell, as its fit does', async () => {
    // The path an adopted sweep cell over numeric columns with gaps takes: no discrete families,
    // missing cells modelled (the default), so rows with one missing cell keep their label.
    const { store, call } = engine();
    const summary = await call('dataset.import', { path: file });
    const table = store.get(summary.datasetId);
    const roles = { columns: [0, 1], standardize: true };
    const response = await call('fit', {
      datasetId: summary.datasetId,
      ...roles,
      options: {
        nComponents: 2,
        covarianceType: 'full',
        init: 'kmeans',
        nInit: 1,
        seed: 3,
        maxIter: 200,
        tol: 1e-8,
        regCovar: 1e-6,
      },
      threads: 1,
    });
    const gaps = [];
    const empty = [];
    for (let r = 0; r < summary.rows; r++) {
      const n = [0, 1].filter((c) => table.text(c, r).trim() === '').length;
      if (n === 1) gaps.push(r);
      if (n === 2) empty.push(r);
    }
    expect(gaps.length).toBeGreaterThan(0);
    const model: MixtureModel = { roles, params: response.fit.params, preprocessing: response.preprocessing };
    const predicted = await call('mixture.predict', { datasetId: summary.datasetId, model });
    expect(Array.from(predicted.rowIndex)).toEqual(Array.from(response.rowIndex));
    expect(Array.from(predicted.labels)).toEqual(Array.from(response.fit.labels));
    expect(predicted.rowIndex.length).toBe(summary.rows - empty.length);
    for (const r of gaps) expect(predicted.rowIndex.includes(r)).toBe(true);
    expect(predicted.missingCells).toBe(gaps.length);
  });

  it('refuses a model whose categories the data does not have', async () => {
    const { call, summary, model } = await fitted();
    const categorical = model.preprocessing.categorical!.map((c, j) =>
      j === 0 ? { ...c, levels: c.levels.map((l) => `${l}!`) } : c,
    );
    await expect(
      call('mixture.predict', {
        datasetId: summary.datasetId,
        model: { ...model, preprocessing: { ...model.preprocessing, categorical } },
      }),
    ).rejects.toMatchObject({ code: 'model_columns_changed', message: expect.stringMatching(/colour/) });
  });

  it('refuses parameters whose shapes do not match the model, before any work', async () => {
    const { call, summary, model } = await fitted();
    const discrete = model.params.discrete!;
    const bad = {
      ...model,
      params: { ...model.params, discrete: { ...discrete, poisson: discrete.poisson.subarray(1) } },
    };
    await expect(call('mixture.predict', { datasetId: summary.datasetId, model: bad })).rejects.toMatchObject(
      {
        code: 'invalid_payload',
        message: expect.stringMatching(/poisson/),
      },
    );
    await expect(
      call('mixture.impute', { datasetId: summary.datasetId, model, rows: [-1] }),
    ).rejects.toMatchObject({ code: 'invalid_payload' });
  });
});

describe('dataset.categories', () => {
  it('codes a text column and a numeric column as the fit does (levels in the model’s order)', async () => {
    const { call, summary, response } = await fitted();
    const out = await call('dataset.categories', { datasetId: summary.datasetId, columns: [2, 4] });
    expect(out.columns).toEqual([2, 4]);
    expect(out.levels[0]).toEqual(response.preprocessing.categorical![0].levels);
    // The count column's levels are its distinct numbers, ascending.
    const numbers = out.levels[1].map(Number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(out.codes[0]).toHaveLength(summary.rows);
    expect(Array.from(out.codes[0]).filter((c) => c === -1)).toHaveLength(48);
    await expect(
      call('dataset.categories', { datasetId: summary.datasetId, columns: [9] }),
    ).rejects.toMatchObject({
      code: 'invalid_payload',
    });
  });
});
