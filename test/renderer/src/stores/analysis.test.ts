import { describe, expect, it } from 'vitest';
import { MixlabError } from '../../../../shared/api';
import type { DatasetSummary } from '../../../../shared/data/types';
import type { FitRequest, FitResponse } from '../../../../shared/engine/model/types';
import { useAnalysisStore } from '../../../../renderer/src/stores/analysis';
import { parseFitProgress } from '../../../../renderer/src/lib/jobProgress';
import { useDatasetStore } from '../../../../renderer/src/stores/dataset';
import { DEFAULT_MODEL_SETTINGS } from '../../../../renderer/src/lib/modelSettings';
import { createFakeApi, deferred, flush, installStores } from '../../support/fakeApi';

/** Income in thousands and a score in 1..100: scales differ ~100×. Row 2 has a missing income. */
const income = Float64Array.of(15, 16, Number.NaN, 120, 125, 130);
const score = Float64Array.of(0.39, 0.81, 0.06, 0.77, 0.4, 0.76);
const age = Float64Array.of(19, 21, 20, 23, 31, 22);

const summary: DatasetSummary = {
  datasetId: 'ds-m',
  file: '/data/mall.csv',
  format: 'csv',
  encoding: 'utf-8',
  bom: false,
  delimiter: ',',
  decimal: '.',
  thousands: null,
  header: true,
  rows: 6,
  columns: [
    { index: 0, name: 'Gender', displayName: 'Gender', kind: 'categorical', missing: 0, distinct: 2 },
    {
      index: 1,
      name: 'Age',
      displayName: 'Age',
      kind: 'numeric',
      missing: 0,
      count: 6,
      min: 19,
      max: 31,
      mean: 22.67,
      std: 4.3,
    },
    {
      index: 2,
      name: 'Income',
      displayName: 'Income',
      kind: 'mixed',
      missing: 0,
      nonNumeric: 1,
      count: 5,
      min: 15,
      max: 130,
      mean: 81.2,
      std: 58,
    },
    {
      index: 3,
      name: 'Score',
      displayName: 'Score',
      kind: 'numeric',
      missing: 0,
      count: 6,
      min: 0.06,
      max: 0.81,
      mean: 0.53,
      std: 0.3,
    },
  ],
  errors: [],
  sizeBytes: 100,
};
const VALUES: Record<number, Float64Array> = { 1: age, 2: income, 3: score };

/** A fitted K=2 response for columns [2, 3] (standardised) on the 5 complete rows. */
function fakeResponse(request: FitRequest): FitResponse {
  const labels = Int32Array.of(0, 0, 1, 1, 1);
  const resp = Float64Array.of(0.95, 0.05, 0.8, 0.2, 0.1, 0.9, 0.3, 0.7, 0.0, 1.0);
  return {
    fit: {
      params: {
        covarianceType: 'full',
        nComponents: 2,
        nFeatures: 2,
        weights: Float64Array.of(0.4, 0.6),
        means: Float64Array.of(-1, 0.5, 0.7, -0.2),
        covariances: Float64Array.of(0.1, 0, 0, 0.2, 0.1, 0, 0, 0.2),
        precisionsCholesky: new Float64Array(8),
      },
      converged: true,
      nIter: 4,
      lowerBound: -2.1,
      meanLogLikelihood: -2.1,
      logLikelihood: -10.5,
      nParameters: 11,
      bic: 1,
      aic: 1,
      icl: 1,
      traces: [Float64Array.of(-3, -2.5, -2.2, -2.1)],
      bestRestart: 0,
      labels,
      resp,
      logDensity: new Float64Array(5),
      seconds: 0.01,
    },
    preprocessing: {
      columns: request.columns,
      columnNames: ['Income', 'Score'],
      log: [false, false],
      standardize: request.standardize,
      center: [81.2, 0.53],
      scale: [52, 0.27],
    },
    rowIndex: Uint32Array.of(0, 1, 3, 4, 5),
    droppedRows: 1,
  };
}

function setup(overrides: Parameters<typeof createFakeApi>[0] = {}) {
  const api = createFakeApi({
    openSample: async () => summary,
    getColumnValues: async ({ columns }: { columns: number[] }) => ({
      columns,
      values: columns.map((c) => VALUES[c]),
    }),
    fit: async ({ request }: { request: FitRequest }) => fakeResponse(request),
    ...overrides,
  });
  installStores(api);
  const dataset = useDatasetStore();
  const analysis = useAnalysisStore();
  return { api, dataset, analysis };
}

async function openAndSelect(ctx: ReturnType<typeof setup>) {
  await ctx.dataset.openSample('mall_customers');
  await flush();
  ctx.analysis.toggleColumn(2);
  ctx.analysis.toggleColumn(3);
  await flush();
}

describe('analysis store', () => {
  it('starts from the documented defaults and offers only numeric and mixed columns', async () => {
    const ctx = setup();
    await ctx.dataset.openSample('mall_customers');
    await flush();
    expect(ctx.analysis.settings).toEqual({ ...DEFAULT_MODEL_SETTINGS });
    expect(DEFAULT_MODEL_SETTINGS).toMatchObject({
      nComponents: 3,
      covarianceType: 'full',
      init: 'kmeans',
      nInit: 1,
      seed: 0,
      maxIter: 100,
      tol: 1e-3,
      regCovar: 1e-6,
    });
    expect(ctx.analysis.modelColumns.map((c) => c.index)).toEqual([1, 2, 3]);
    ctx.analysis.toggleColumn(0);
    expect(ctx.analysis.selection).toEqual([]);
    expect(ctx.analysis.blockers).toContain('noColumns');
  });

  it('fetches whole columns once for the sparklines and counts rows dropped for missing values', async () => {
    const ctx = setup();
    await openAndSelect(ctx);
    const calls = ctx.api.calls.filter((c) => c.method === 'getColumnValues');
    expect(calls).toHaveLength(1);
    expect(calls[0].arg).toEqual({ datasetId: 'ds-m', columns: [1, 2, 3] });
    expect(ctx.analysis.columnValues.get(2)).toBe(income);
    // Income's text cell (row 2) is missing: one row left out, counted exactly from the values.
    expect(ctx.analysis.dropped).toEqual({ count: 1, exact: true });
  });

  it('standardises by default when the selected scales differ more than 10×, until the user decides', async () => {
    const ctx = setup();
    await openAndSelect(ctx);
    expect(ctx.analysis.standardizeAdvised).toBe(true); // sd 58 vs 0.3
    expect(ctx.analysis.preprocessing.standardize).toBe(true);
    ctx.analysis.setStandardize(false);
    ctx.analysis.toggleColumn(1);
    await flush();
    expect(ctx.analysis.preprocessing.standardize).toBe(false);
  });

  it('selects a range with shift-click and all numeric columns at once, in dataset order', async () => {
    const ctx = setup();
    await ctx.dataset.openSample('mall_customers');
    await flush();
    ctx.analysis.toggleColumn(3);
    ctx.analysis.toggleColumn(1, { range: true });
    expect(ctx.analysis.selection).toEqual([1, 2, 3]);
    ctx.analysis.clearSelection();
    ctx.analysis.selectAllNumeric();
    expect(ctx.analysis.selection).toEqual([1, 2, 3]);
  });

  it('allows a log transform only where every value is positive', async () => {
    const ctx = setup();
    await openAndSelect(ctx);
    ctx.analysis.setLog(2, true);
    expect(ctx.analysis.preprocessing.logColumns).toEqual([2]);
    const low = { ...summary.columns[3], min: 0 };
    ctx.dataset.summary = { ...summary, columns: [...summary.columns.slice(0, 3), low] };
    await flush();
    ctx.analysis.toggleColumn(3);
    ctx.analysis.setLog(3, true);
    expect(ctx.analysis.preprocessing.logColumns).toEqual([]);
  });

  it('reports invalid settings and disables the fit with the reason', async () => {
    const ctx = setup();
    await openAndSelect(ctx);
    expect(ctx.analysis.canFit).toBe(true);
    ctx.analysis.setSetting('nComponents', 31);
    ctx.analysis.setSetting('tol', 0);
    expect(ctx.analysis.problems.map((p) => p.field)).toEqual(['nComponents', 'tol']);
    expect(ctx.analysis.blockers).toEqual(['invalidSettings']);
    ctx.analysis.setSetting('nComponents', 6);
    ctx.analysis.setSetting('tol', 1e-3);
    // 6 clusters but only 5 usable rows.
    expect(ctx.analysis.blockers).toEqual(['tooFewRows']);
    expect(ctx.analysis.canFit).toBe(false);
  });

  it('fits in the engine with the selected columns and settings, follows progress, then computes the views', async () => {
    const gate = deferred<FitResponse>();
    let sent: FitRequest | null = null;
    const ctx = setup({
      fit: ({ request }: { request: FitRequest }) => {
        sent = request;
        return gate.promise;
      },
    });
    await openAndSelect(ctx);
    ctx.analysis.setSetting('nComponents', 2);
    const fitting = ctx.analysis.fit();
    await flush();
    const job = ctx.analysis.running!;
    expect(job.jobId).toMatch(/^fit-/);
    expect(sent).toEqual({
      datasetId: 'ds-m',
      columns: [2, 3],
      standardize: true,
      options: { ...DEFAULT_MODEL_SETTINGS, nComponents: 2 },
    });
    expect(ctx.analysis.canFit).toBe(false);
    ctx.api.emit({
      type: 'progress',
      jobId: job.jobId,
      progress: { restart: 0, nRestarts: 1, iteration: 3, maxIter: 100, lowerBound: -2.2 },
    });
    ctx.api.emit({
      type: 'progress',
      jobId: 'other',
      progress: { restart: 0, nRestarts: 1, iteration: 99, maxIter: 100, lowerBound: 0 },
    });
    expect(ctx.analysis.running?.progress).toEqual({
      restart: 0,
      nRestarts: 1,
      iteration: 3,
      maxIter: 100,
      lowerBound: -2.2,
    });

    gate.resolve(fakeResponse(sent!));
    await fitting;
    await flush();
    await flush();
    expect(ctx.analysis.running).toBeNull();
    expect(ctx.analysis.current?.response.fit.nIter).toBe(4);
    const views = ctx.analysis.views!;
    expect(Array.from(views.certainty)).toEqual([0.95, 0.8, 0.9, 0.7, 1]);
    // Dataset row 2 was left out; the table maps dataset rows to fitted rows.
    expect(Array.from(views.fittedRowOf)).toEqual([0, 1, -1, 2, 3, 4]);
    // Summary in original units: cluster 1 = rows 0, 1 (income 15, 16); cluster 2 = rows 3, 4, 5.
    const incomeMeans = views.summary.columns.find((c) => c.index === 2)!.means;
    expect(incomeMeans[0]).toBeCloseTo(15.5, 12);
    expect(incomeMeans[1]).toBeCloseTo(125, 12);
    expect(views.summary.columns.find((c) => c.index === 1)).toMatchObject({ selected: false });
    expect(ctx.analysis.stale).toBe(false);
    ctx.analysis.setSetting('covarianceType', 'diag');
    expect(ctx.analysis.stale).toBe(true);
  });

  it('sorts and filters the table by cluster through the views runner', async () => {
    const ctx = setup();
    await openAndSelect(ctx);
    ctx.analysis.setSetting('nComponents', 2);
    await ctx.analysis.fit();
    await flush();
    await flush();
    ctx.analysis.setTableOrder({ sort: 'probability', descending: false });
    await flush();
    // Certainty by dataset row: 0 → .95, 1 → .8, 3 → .9, 4 → .7, 5 → 1; row 2 unlabelled last.
    expect(Array.from(ctx.analysis.tableRows!)).toEqual([4, 1, 3, 0, 5, 2]);
    ctx.analysis.setTableOrder({ sort: 'row', cluster: 1 });
    await flush();
    expect(Array.from(ctx.analysis.tableRows!)).toEqual([3, 4, 5]);
  });

  it('cancels a running fit at once and keeps the previous results', async () => {
    const gate = deferred<FitResponse>();
    const ctx = setup({ fit: () => gate.promise, cancelJob: async () => ({ cancelled: true }) });
    await openAndSelect(ctx);
    const fitting = ctx.analysis.fit();
    await flush();
    const jobId = ctx.analysis.running!.jobId;
    await ctx.analysis.cancel();
    expect(ctx.api.calls.find((c) => c.method === 'cancelJob')?.arg).toEqual({ jobId });
    expect(ctx.analysis.running).toBeNull();
    expect(ctx.analysis.cancelled).toBe(true);
    expect(ctx.analysis.canFit).toBe(true);
    // The engine's late "cancelled" answer is not shown as an error.
    gate.reject(new MixlabError('cancelled', 'The fit was cancelled.'));
    await fitting;
    expect(ctx.analysis.error).toBeNull();
    expect(ctx.analysis.current).toBeNull();
  });

  it('ends a fit the engine crashed in, keeping the data, the settings and the earlier fit; fits again', async () => {
    let gate: ReturnType<typeof deferred<FitResponse>> | null = null;
    const ctx = setup({
      fit: async ({ request }: { request: FitRequest }) => (gate ? gate.promise : fakeResponse(request)),
    });
    await openAndSelect(ctx);
    await ctx.analysis.fit();
    const earlier = ctx.analysis.current!;
    const summary = ctx.dataset.summary;
    ctx.analysis.setSetting('nComponents', 4);
    ctx.analysis.setSetting('covarianceType', 'diag');

    gate = deferred<FitResponse>();
    const fitting = ctx.analysis.fit();
    await flush();
    expect(ctx.analysis.running).not.toBeNull();
    // What the main process does when the engine dies: the crash event, then the call fails.
    ctx.api.emit({
      type: 'engine-crashed',
      message: 'ran out of memory',
      restarted: true,
      reason: 'out-of-memory',
    });
    gate.reject(new MixlabError('engine_out_of_memory', 'The computing engine ran out of memory…'));
    await fitting;

    expect(ctx.analysis.running).toBeNull();
    expect(ctx.analysis.canFit).toBe(true);
    expect(ctx.analysis.error?.code).toBe('engine_out_of_memory');
    expect(ctx.analysis.current).toBe(earlier);
    expect(ctx.analysis.settings).toMatchObject({ nComponents: 4, covarianceType: 'diag' });
    expect(ctx.analysis.selection).toEqual([2, 3]);
    expect(ctx.dataset.summary).toBe(summary);
    expect(ctx.dataset.lost).toBe(false);

    gate = null;
    await ctx.analysis.fit();
    expect(ctx.analysis.error).toBeNull();
    expect(ctx.analysis.current!.id).toBeGreaterThan(earlier.id);
    expect(ctx.analysis.current!.request.options).toMatchObject({ nComponents: 4, covarianceType: 'diag' });
  });

  it('shows an engine error by its code and details, never a stack', async () => {
    const ctx = setup({
      fit: async () => {
        throw new MixlabError('singular_component', 'Component 2 collapsed…\n    at em.ts:88', {
          component: 1,
        });
      },
    });
    await openAndSelect(ctx);
    await ctx.analysis.fit();
    expect(ctx.analysis.error).toEqual({
      code: 'singular_component',
      message: 'Component 2 collapsed…',
      details: { component: 1 },
    });
    expect(ctx.analysis.running).toBeNull();
  });

  it('exports its state as plain data and restores it over the open dataset', async () => {
    const ctx = setup();
    await openAndSelect(ctx);
    ctx.analysis.setSetting('nComponents', 4);
    ctx.analysis.view.certaintyThreshold = 0.8;
    const state = ctx.analysis.exportState();
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    ctx.analysis.clearSelection();
    ctx.analysis.setSetting('nComponents', 2);
    await ctx.analysis.restoreState({ ...state, selection: [...state.selection, 0, 99] });
    expect(ctx.analysis.selection).toEqual([2, 3]);
    expect(ctx.analysis.settings.nComponents).toBe(4);
    expect(ctx.analysis.view.certaintyThreshold).toBe(0.8);
  });

  it('reads progress payloads by shape', () => {
    expect(
      parseFitProgress({ restart: 0, nRestarts: 2, iteration: 1, maxIter: 5, lowerBound: -1 }),
    ).not.toBeNull();
    expect(parseFitProgress({ restart: 0 })).toBeNull();
    expect(parseFitProgress(null)).toBeNull();
  });
});
