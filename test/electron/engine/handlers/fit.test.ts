import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EngineCore } from '../../../../electron/engine/engineCore';
import { RequestTracker } from '../../../../electron/engine/requestTracker';
import type { EngineCaller } from '../../../../electron/engine/engineCaller';
import { parseFromEngineMessage } from '../../../../shared/protocol';
import { EngineError } from '../../../../shared/errors';
import type { DataTable } from '../../../../shared/data/table';
import type { DatasetSummary } from '../../../../shared/data/types';
import type { FitProgress, FitRequest } from '../../../../shared/engine/model/types';

const fixtureDir = new URL('../../../fixtures/', import.meta.url);
const readJson = (rel: string) => JSON.parse(readFileSync(fileURLToPath(new URL(rel, fixtureDir)), 'utf8'));

/** An engine core fed directly (as the CLI's in-process engine), with its store reachable. */
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

/** A DataTable from named columns; a column of strings is categorical, NaN is missing. */
function table(names: string[], columns: (Float64Array | string[])[]): DataTable {
  const rowCount = columns[0].length;
  const summary = {
    datasetId: 'test',
    rows: rowCount,
    columns: names.map((name, index) => ({
      index,
      name,
      displayName: name,
      kind: columns[index] instanceof Float64Array ? 'numeric' : 'categorical',
      missing: 0,
    })),
  } as unknown as DatasetSummary;
  return {
    summary,
    rowCount,
    numeric: (c) => (columns[c] instanceof Float64Array ? (columns[c] as Float64Array) : null),
    text: (c, r) => String(columns[c][r]),
  };
}

/** A fixture CSV (plain comma-separated, header row) as a table; non-numeric columns categorical. */
function csvTable(file: string, extraRows: string[][] = []): DataTable {
  const [header, ...rows] = readFileSync(fileURLToPath(new URL(`data/${file}`, fixtureDir)), 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  const all = [...rows, ...extraRows];
  const columns = header.map((_, j) => {
    const cells = all.map((r) => r[j]);
    return cells.some((c) => c !== '' && !Number.isFinite(Number(c)))
      ? cells
      : Float64Array.from(cells, (c) => (c === '' ? NaN : Number(c)));
  });
  return table(header, columns);
}

const relErr = (a: ArrayLike<number>, b: number[]) => {
  let err = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    err = Math.max(err, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return err / scale;
};

describe('fit request', () => {
  it('fits a fixture from its explicit start, skipping rows with a missing value and mapping rows back', async () => {
    const fx = readJson('em/iris__full__k3.json');
    const { store, call } = engine();
    // Three extra rows, each missing one of the fitted columns, interleaved at the end of the file.
    store.put(
      'iris',
      csvTable('iris.csv', [
        ['', '3', '1', '0.2', 'setosa'],
        ['5', '3', '1', '', 'setosa'],
        ['5', '', '', '', 'setosa'],
      ]),
    );
    const progress: FitProgress[] = [];
    const response = await call(
      'fit',
      {
        datasetId: 'iris',
        columns: [0, 1, 2, 3],
        standardize: false,
        options: {
          nComponents: 3,
          covarianceType: 'full',
          init: 'kmeans',
          initParams: { weights: fx.init.weights, means: fx.init.means, precisions: fx.init.precisions },
          nInit: 1,
          seed: 0,
          maxIter: fx.final.n_iter,
          tol: 0,
          regCovar: 1e-6,
        },
        threads: 1,
        // Rows with a missing cell are left out (the fixture is scikit-learn's, on complete rows).
        missing: 'drop',
      },
      { onProgress: (p) => progress.push(p) },
    );
    expect(response.droppedRows).toBe(3);
    expect(response.rowIndex.length).toBe(150);
    expect(response.rowIndex[149]).toBe(149);
    expect(response.preprocessing.columnNames).toEqual(fx.columns);
    const { fit } = response;
    expect(fit.nIter).toBe(fx.final.n_iter);
    expect(Math.abs(fit.bic / fx.final.bic - 1)).toBeLessThan(1e-8);
    expect(Math.abs(fit.meanLogLikelihood / fx.final.mean_log_likelihood - 1)).toBeLessThan(1e-8);
    expect(relErr(fit.params.means, fx.final.means.flat())).toBeLessThan(1e-7);
    expect(relErr(fit.params.covariances, fx.final.covariances.flat(2))).toBeLessThan(1e-7);
    expect(Array.from(fit.labels)).toEqual(fx.final.labels);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({
      restart: expect.any(Number),
      iteration: expect.any(Number),
      lowerBound: expect.any(Number),
    });
  });

  it('fits standardised columns and reports the center and scale it used', async () => {
    const { store, call } = engine();
    store.put('f', csvTable('faithful.csv'));
    const response = await call('fit', {
      datasetId: 'f',
      columns: [0, 1],
      standardize: true,
      options: {
        nComponents: 2,
        covarianceType: 'diag',
        init: 'kmeans',
        nInit: 1,
        seed: 0,
        maxIter: 100,
        tol: 1e-3,
        regCovar: 1e-6,
      },
      threads: 1,
    } as FitRequest);
    const { center, scale, standardize } = response.preprocessing;
    expect(standardize).toBe(true);
    // faithful: eruptions mean 3.4878, waiting mean 70.897; population sd 1.1393, 13.570.
    expect(center[0]).toBeCloseTo(3.487783, 5);
    expect(center[1]).toBeCloseTo(70.897059, 5);
    expect(scale[0]).toBeCloseTo(1.139271, 5);
    expect(scale[1]).toBeCloseTo(13.56996, 5);
    // After an M-step Σ_k w_k μ_k is the data mean (Σ_k n_k μ_k = Σ_i x_i): 0 for z-scores.
    const { weights, means } = response.fit.params;
    for (let j = 0; j < 2; j++)
      expect(Math.abs(weights[0] * means[j] + weights[1] * means[2 + j])).toBeLessThan(1e-9);
  });

  it('rejects an invalid payload before fitting, naming the field', async () => {
    const { store, call } = engine();
    store.put('f', csvTable('faithful.csv'));
    const err = await call('fit', {
      datasetId: 'f',
      columns: [0, 1],
      standardize: false,
      options: { nComponents: 0 },
    } as unknown as FitRequest).catch((e) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect(err.code).toBe('invalid_payload');
    expect(err.message).toMatch(/options\.nComponents/);
  });

  it('reports an unknown dataset and a non-numeric column with their codes', async () => {
    const { store, call } = engine();
    store.put('iris', csvTable('iris.csv'));
    const request = { columns: [0], standardize: false, options: { nComponents: 2 } };
    await expect(call('fit', { ...request, datasetId: 'nope' } as FitRequest)).rejects.toMatchObject({
      code: 'unknown_dataset',
    });
    await expect(
      call('fit', { ...request, columns: [4], datasetId: 'iris' } as FitRequest),
    ).rejects.toMatchObject({
      code: 'invalid_payload',
      message: expect.stringMatching(/"species" is not a numeric column/),
    });
  });

  it('passes the engine’s own error codes through (too few rows left after dropping)', async () => {
    const { store, call } = engine();
    store.put('t', table(['x'], [Float64Array.from([1, NaN, NaN])]));
    const err = await call('fit', {
      datasetId: 't',
      columns: [0],
      standardize: false,
      options: { nComponents: 1 },
    } as FitRequest).catch((e) => e);
    expect(err.code).toBe('too_few_samples');
  });

  it('names a constant column the engine refuses by its column name', async () => {
    const { store, call } = engine();
    store.put(
      't',
      table(['height', 'width'], [Float64Array.from([1, 2, 3, 4]), Float64Array.from([5, 5, 5, 5])]),
    );
    const err = await call('fit', {
      datasetId: 't',
      columns: [0, 1],
      standardize: false,
      options: { nComponents: 2 },
    } as FitRequest).catch((e) => e);
    expect(err.code).toBe('constant_column');
    expect(err.message).toMatch(/\(column "width"\)$/);
    expect(err.details).toMatchObject({ columns: [1], columnNames: ['width'] });
  });

  it('stops with code cancelled when the caller aborts mid-fit', async () => {
    const { store, call } = engine();
    // 20 000 rows, 3 features: long enough at tol 0 that the abort lands mid-fit.
    const n = 20_000;
    const cols = [0, 1, 2].map((j) =>
      Float64Array.from({ length: n }, (_, i) => Math.sin(i * (j + 1.3)) + (i % 3) * 2),
    );
    store.put('big', table(['a', 'b', 'c'], cols));
    const controller = new AbortController();
    const err = await call(
      'fit',
      {
        datasetId: 'big',
        columns: [0, 1, 2],
        standardize: false,
        options: { nComponents: 4, maxIter: 100_000, tol: 0 },
        threads: 1,
      } as FitRequest,
      { signal: controller.signal, onProgress: (p) => p.iteration >= 3 && controller.abort() },
    ).catch((e) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect(err.code).toBe('cancelled');
  });
});
