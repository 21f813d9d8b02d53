import { describe, expect, it } from 'vitest';
import type { DatasetSummary } from '../../../../shared/data/types';
import type { FitRequest, FitResponse } from '../../../../shared/engine/model/types';
import { useAnalysisStore } from '../../../../renderer/src/stores/analysis';
import { useDatasetStore } from '../../../../renderer/src/stores/dataset';
import { useImputedStore } from '../../../../renderer/src/stores/imputed';
import { createFakeApi, flush, installStores } from '../../support/fakeApi';

const summary: DatasetSummary = {
  datasetId: 'ds-i',
  file: '/data/holes.csv',
  format: 'csv',
  encoding: 'utf-8',
  bom: false,
  delimiter: ',',
  decimal: '.',
  thousands: null,
  header: true,
  rows: 4,
  columns: [
    {
      index: 0,
      name: 'a',
      displayName: 'a',
      kind: 'numeric',
      missing: 1,
      count: 3,
      min: 1,
      max: 9,
      mean: 5,
      std: 3,
    },
    {
      index: 1,
      name: 'b',
      displayName: 'b',
      kind: 'numeric',
      missing: 1,
      count: 3,
      min: 1,
      max: 9,
      mean: 5,
      std: 3,
    },
  ],
  errors: [],
  sizeBytes: 40,
};
const VALUES: Record<number, Float64Array> = {
  0: Float64Array.of(1, Number.NaN, 8, 9),
  1: Float64Array.of(2, 3, Number.NaN, 9),
};

function response(request: FitRequest, missingCells: number): FitResponse {
  return {
    fit: {
      params: {
        covarianceType: 'diag',
        nComponents: 1,
        nFeatures: 2,
        weights: Float64Array.of(1),
        means: Float64Array.of(5, 5),
        covariances: Float64Array.of(9, 9),
        precisionsCholesky: Float64Array.of(1 / 3, 1 / 3),
      },
      converged: true,
      nIter: 2,
      lowerBound: -3,
      meanLogLikelihood: -3,
      logLikelihood: -12,
      nParameters: 5,
      bic: 1,
      aic: 1,
      icl: 1,
      traces: [Float64Array.of(-3)],
      bestRestart: 0,
      labels: Int32Array.of(0, 0, 0, 0),
      resp: Float64Array.of(1, 1, 1, 1),
      logDensity: new Float64Array(4),
      seconds: 0.01,
    },
    preprocessing: {
      columns: request.columns,
      columnNames: ['a', 'b'],
      log: [false, false],
      standardize: false,
      center: [0, 0],
      scale: [1, 1],
    },
    rowIndex: Uint32Array.of(0, 1, 2, 3),
    droppedRows: 0,
    missingCells,
  };
}

function setup() {
  let missingCells = 2;
  const api = createFakeApi({
    openSample: async () => summary,
    getColumnValues: async ({ columns }: { columns: number[] }) => ({
      columns,
      values: columns.map((c) => VALUES[c]),
    }),
    fit: async ({ request }: { request: FitRequest }) => response(request, missingCells),
    imputeCells: async ({ rows }: { rows: number[] }) => ({
      cells: rows.flatMap((row) =>
        row === 1 ? [{ row, column: 0, value: 4.5 }] : row === 2 ? [{ row, column: 1, value: 6.25 }] : [],
      ),
    }),
  });
  installStores(api);
  return {
    api,
    dataset: useDatasetStore(),
    analysis: useAnalysisStore(),
    imputed: useImputedStore(),
    setMissingCells: (n: number) => (missingCells = n),
  };
}

describe('imputed cells for the data table', () => {
  it('asks the engine once per row and fit for the rows in view, and forgets them when the fit changes', async () => {
    const ctx = setup();
    await ctx.dataset.openSample('mall_customers');
    await flush();
    ctx.analysis.selectAllNumeric();
    ctx.analysis.setSetting('nComponents', 1);
    await ctx.analysis.fit();
    await flush();
    expect(ctx.imputed.active).toBe(true);
    await ctx.imputed.request([0, 1, 2]);
    await ctx.imputed.request([1, 2]);
    const calls = ctx.api.calls.filter((c) => c.method === 'imputeCells');
    expect(calls).toHaveLength(1);
    expect(calls[0].arg).toMatchObject({
      datasetId: 'ds-i',
      rows: [0, 1, 2],
      model: { roles: { columns: [0, 1] } },
    });
    expect(ctx.imputed.valueAt(1, 0)).toBe(4.5);
    expect(ctx.imputed.valueAt(2, 1)).toBe(6.25);
    expect(ctx.imputed.valueAt(0, 0)).toBeUndefined();

    // A fit that modelled no missing cell (rows dropped instead) fills nothing.
    ctx.setMissingCells(0);
    ctx.analysis.setMissing('drop');
    await ctx.analysis.fit();
    await flush();
    expect(ctx.imputed.active).toBe(false);
    expect(ctx.imputed.valueAt(1, 0)).toBeUndefined();
    await ctx.imputed.request([1]);
    expect(ctx.api.calls.filter((c) => c.method === 'imputeCells')).toHaveLength(1);
  });
});
