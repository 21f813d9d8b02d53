import { describe, expect, it } from 'vitest';
import { MixlabError } from '../../../../shared/api';
import type { DatasetSummary } from '../../../../shared/data/types';
import type { CovarianceType } from '../../../../shared/engine/model/types';
import type {
  SweepCell,
  SweepCellStatus,
  SweepRequest,
  SweepResponse,
} from '../../../../shared/engine/sweep/types';
import type { AppliedModel } from '../../../../shared/export/applyModel';
import type { LabelModel } from '../../../../shared/export/labelModel';
import type { MixtureModel } from '../../../../shared/engine/request/mixtureModel';
import type { StoredPrediction } from '../../../../shared/engine/request/storedModelApply';
import { useAnalysisStore } from '../../../../renderer/src/stores/analysis';
import { useDatasetStore } from '../../../../renderer/src/stores/dataset';
import { useSweepStore } from '../../../../renderer/src/stores/sweep';
import { parseSweepProgress } from '../../../../renderer/src/lib/jobProgress';
import { sortCells } from '../../../../renderer/src/lib/sweepCells';
import { createFakeApi, deferred, flush, installStores, type FakeApi } from '../../support/fakeApi';

const numeric = (index: number, name: string) => ({
  index,
  name,
  displayName: name,
  kind: 'numeric' as const,
  missing: 0,
  count: 4,
  min: 1,
  max: 5,
  mean: 3,
  std: 1,
});
const summary: DatasetSummary = {
  datasetId: 'ds-f',
  file: '/data/faithful.csv',
  format: 'csv',
  encoding: 'utf-8',
  bom: false,
  delimiter: ',',
  decimal: '.',
  thousands: null,
  header: true,
  rows: 4,
  columns: [numeric(0, 'eruptions'), numeric(1, 'waiting')],
  errors: [],
  sizeBytes: 100,
};
const VALUES: Record<number, Float64Array> = {
  0: Float64Array.of(1.8, 3.6, 4.5, 2),
  1: Float64Array.of(54, 79, 85, 50),
};

/** A cell with criteria derived from one number `v` (so the best cell is whichever has the lowest). */
function cell(
  k: number,
  covarianceType: CovarianceType,
  status: SweepCellStatus,
  v: number | null,
): SweepCell {
  const fitted = status === 'ok' || status === 'degenerate';
  return {
    k,
    covarianceType,
    status,
    message: status === 'ok' ? null : `${status} because`,
    code: status === 'failed' ? 'too_few_samples' : null,
    meanLogLikelihood: fitted ? -1 : null,
    logLikelihood: fitted ? -4 : null,
    nParameters: 5 * k,
    bic: v,
    aic: v === null ? null : v - 1,
    icl: v === null ? null : v + 1,
    sabic: v === null ? null : v - 2,
    converged: fitted ? true : null,
    nIter: fitted ? 7 : null,
    seconds: 0.01,
    minCovarianceEigenvalue: null,
    minEigenvalueComponent: null,
    minWeight: null,
    origin: fitted ? 'restarts' : null,
    params: fitted
      ? {
          covarianceType,
          nComponents: k,
          nFeatures: 2,
          weights: new Float64Array(k).fill(1 / k),
          means: Float64Array.from({ length: 2 * k }, (_, i) => i / 3),
          covariances: new Float64Array(covarianceType === 'spherical' ? k : 4 * k).fill(1),
          precisionsCholesky: new Float64Array(covarianceType === 'spherical' ? k : 4 * k).fill(1),
        }
      : null,
  };
}

// Grid full/diag × K 1..3: diag K=3 degenerate with the lowest BIC, full K=3 failed.
const CELLS: SweepCell[] = [
  cell(1, 'full', 'ok', 100),
  cell(2, 'full', 'ok', 80),
  cell(3, 'full', 'failed', null),
  cell(1, 'diag', 'ok', 101),
  cell(2, 'diag', 'ok', 90),
  cell(3, 'diag', 'degenerate', 10),
];

const preprocessing = {
  columns: [0, 1],
  columnNames: ['eruptions', 'waiting'],
  log: [false, false],
  standardize: true,
  center: [3, 70],
  scale: [1, 13],
};

function response(cells: SweepCell[]): SweepResponse {
  return {
    cells,
    best: { bic: null, aic: null, icl: null, sabic: null },
    preprocessing,
    nSamples: 4,
    droppedRows: 0,
    threads: 2,
    seconds: 0.2,
  };
}

function setup(overrides: Parameters<typeof createFakeApi>[0] = {}) {
  const api = createFakeApi({
    openSample: async () => summary,
    getColumnValues: async ({ columns }: { columns: number[] }) => ({
      columns,
      values: columns.map((c) => VALUES[c]),
    }),
    ...overrides,
  });
  installStores(api);
  return { api, dataset: useDatasetStore(), analysis: useAnalysisStore(), sweep: useSweepStore() };
}

async function openBoth(ctx: ReturnType<typeof setup>) {
  await ctx.dataset.openSample('faithful');
  await flush();
  ctx.analysis.selectAllNumeric();
  await flush();
}

/** A sweep call held open: emit cells as the engine would, then answer. */
function streamingSweep() {
  const answer = deferred<SweepResponse>();
  let jobId = '';
  let request: SweepRequest | null = null;
  return {
    answer,
    sweep: async (arg: { jobId: string; request: SweepRequest }) => {
      jobId = arg.jobId;
      request = arg.request;
      return answer.promise;
    },
    emit(api: FakeApi, done: number, c?: SweepCell) {
      api.emit({
        type: 'progress',
        jobId,
        progress: {
          done,
          total: CELLS.length,
          pass: 'fit',
          cell: c,
          elapsedSeconds: done / 10,
          etaSeconds: 1,
        },
      });
    },
    get request() {
      return request;
    },
  };
}

describe('sweep store', () => {
  it('asks for the default grid K 1..9 × all four types with the workspace columns, preprocessing and settings', async () => {
    const ctx = setup();
    await openBoth(ctx);
    ctx.analysis.setStandardize(true);
    ctx.analysis.setSetting('nInit', 4);
    ctx.analysis.setSetting('seed', 11);
    expect(ctx.sweep.state.settings).toEqual({
      kMin: 1,
      kMax: 9,
      covarianceTypes: ['full', 'tied', 'diag', 'spherical'],
    });
    expect(ctx.sweep.canRun).toBe(true);
    const req = ctx.sweep.request!;
    expect(req).toMatchObject({
      datasetId: 'ds-f',
      columns: [0, 1],
      standardize: true,
      ks: [1, 2, 3, 4, 5, 6, 7, 8, 9],
      covarianceTypes: ['full', 'tied', 'diag', 'spherical'],
    });
    expect(req.options).toMatchObject({ nInit: 4, seed: 11, init: 'kmeans' });
    expect(req.options).not.toHaveProperty('nComponents');
    expect(req.options).not.toHaveProperty('covarianceType');
  });

  it('says why Run is disabled: no columns, an empty K range, no covariance type', async () => {
    const ctx = setup();
    await ctx.dataset.openSample('faithful');
    await flush();
    expect(ctx.sweep.blockers).toContain('noColumns');
    ctx.analysis.selectAllNumeric();
    ctx.sweep.setKRange(5, 2);
    ctx.sweep.setType('full', false);
    ctx.sweep.setType('tied', false);
    ctx.sweep.setType('diag', false);
    ctx.sweep.setType('spherical', false);
    expect(ctx.sweep.blockers).toEqual(['invalidRange', 'noTypes']);
    expect(ctx.sweep.canRun).toBe(false);
    ctx.sweep.setKRange(2, 5);
    ctx.sweep.setType('diag', true);
    ctx.sweep.setType('full', true);
    expect(ctx.sweep.request!.covarianceTypes).toEqual(['full', 'diag']);
    expect(ctx.sweep.request!.ks).toEqual([2, 3, 4, 5]);
  });

  it("switches the grid between scikit-learn's four and mclust's fourteen, in the engine's order", async () => {
    const ctx = setup();
    await ctx.dataset.openSample('faithful');
    await flush();
    ctx.analysis.selectAllNumeric();
    ctx.sweep.setModelSet('mclust');
    expect(ctx.sweep.request!.covarianceTypes).toEqual([
      'EII', 'VII', 'EEI', 'VEI', 'EVI', 'VVI', 'EEE', 'VEE', 'EVE', 'VVE', 'EEV', 'VEV', 'EVV', 'VVV',
    ]); // prettier-ignore
    ctx.sweep.setType('VEV', false);
    ctx.sweep.setType('VEV', true);
    expect(ctx.sweep.request!.covarianceTypes).toHaveLength(14);
    expect(ctx.sweep.request!.covarianceTypes[11]).toBe('VEV');
    ctx.sweep.setModelSet('sklearn');
    expect(ctx.sweep.request!.covarianceTypes).toEqual(['full', 'tied', 'diag', 'spherical']);
  });

  it('varies K alone when no column is Gaussian: every covariance type would fit the same model', async () => {
    const ctx = setup();
    await ctx.dataset.openSample('faithful');
    await flush();
    ctx.analysis.selectAllNumeric();
    ctx.analysis.setFamily(0, 'categorical');
    ctx.analysis.setFamily(1, 'count');
    ctx.analysis.setSetting('covarianceType', 'tied');
    expect(ctx.analysis.covarianceApplies).toBe(false);
    expect(ctx.sweep.request!.covarianceTypes).toEqual(['full']);
    // Unchecking every type cannot block a grid that has no types to choose.
    for (const type of ['full', 'tied', 'diag', 'spherical'] as const) ctx.sweep.setType(type, false);
    expect(ctx.sweep.blockers).toEqual([]);
    expect(ctx.sweep.request!.covarianceTypes).toEqual(['full']);
    // One column back in the Gaussian block: the checked types count again.
    ctx.analysis.setFamily(1, 'gaussian');
    expect(ctx.sweep.blockers).toEqual(['noTypes']);
  });

  it('names the cells of a run without a Gaussian column by their model, not by the placeholder type', async () => {
    const ctx = setup({ sweep: async () => response(CELLS) });
    await ctx.dataset.openSample('faithful');
    await flush();
    ctx.analysis.selectAllNumeric();
    expect(ctx.sweep.covarianceSwept).toBe(true); // no run yet
    ctx.analysis.setFamily(0, 'categorical');
    ctx.analysis.setFamily(1, 'count');
    await ctx.sweep.run();
    expect(ctx.sweep.covarianceSwept).toBe(false);
    // A Gaussian column again: the next run sweeps covariance types and names them.
    ctx.analysis.setFamily(1, 'gaussian');
    expect(ctx.sweep.covarianceSwept).toBe(false); // still the last run's model
    await ctx.sweep.run();
    expect(ctx.sweep.covarianceSwept).toBe(true);
  });

  it('fills the grid as cells stream in (grid order, progress and time left), then takes the final answer', async () => {
    const s = streamingSweep();
    const ctx = setup({ sweep: s.sweep });
    await openBoth(ctx);
    const listeners = ctx.api.listenerCount();
    const running = ctx.sweep.run();
    await flush();
    expect(ctx.sweep.running).toMatchObject({ done: 0 });
    s.emit(ctx.api, 1, CELLS[4]);
    s.emit(ctx.api, 2, CELLS[0]);
    expect(ctx.sweep.cells.map((c) => `${c.covarianceType}${c.k}`)).toEqual(['full1', 'diag2']);
    expect(ctx.sweep.running).toMatchObject({ done: 2, total: 6, etaSeconds: 1 });
    // Stored as plain data: a project file keeps it as JSON.
    expect(Array.isArray(ctx.sweep.cells[0].params!.means)).toBe(true);
    expect(JSON.parse(JSON.stringify(ctx.sweep.state))).toEqual(ctx.sweep.exportState());
    // A second report of a cell (refinement) replaces the first.
    s.emit(ctx.api, 3, { ...CELLS[0], bic: 99 });
    expect(ctx.sweep.cells).toHaveLength(2);
    expect(ctx.sweep.cells[0].bic).toBe(99);
    expect(ctx.sweep.best.bic).toMatchObject({ k: 2, covarianceType: 'diag' });

    s.answer.resolve(response(CELLS));
    await running;
    expect(ctx.sweep.running).toBeNull();
    expect(ctx.sweep.state.run!.outcome).toBe('done');
    expect(ctx.sweep.cells).toHaveLength(6);
    expect(ctx.sweep.state.run!.result).toMatchObject({ nSamples: 4, threads: 2 });
    expect(ctx.api.listenerCount()).toBe(listeners);
  });

  it('picks the best cell per criterion among non-degenerate cells only', async () => {
    const ctx = setup({ sweep: async () => response(CELLS) });
    await openBoth(ctx);
    await ctx.sweep.run();
    // diag K=3 has the lowest values but is degenerate; failed full K=3 has none.
    for (const criterion of ['bic', 'aic', 'icl', 'sabic'] as const)
      expect(ctx.sweep.best[criterion]).toMatchObject({ k: 2, covarianceType: 'full' });
  });

  it('cancel keeps the cells that finished and marks the run cancelled; a late answer is ignored', async () => {
    const s = streamingSweep();
    const ctx = setup({ sweep: s.sweep });
    await openBoth(ctx);
    const running = ctx.sweep.run();
    await flush();
    s.emit(ctx.api, 1, CELLS[0]);
    await ctx.sweep.cancel();
    expect(ctx.api.calls.some((c) => c.method === 'cancelJob')).toBe(true);
    expect(ctx.sweep.running).toBeNull();
    expect(ctx.sweep.state.run!.outcome).toBe('cancelled');
    s.answer.reject(new MixlabError('cancelled', 'Cancelled.'));
    await running;
    expect(ctx.sweep.error).toBeNull();
    expect(ctx.sweep.cells).toHaveLength(1);
    // No preprocessing without the final answer: the cell cannot be used.
    expect(ctx.sweep.canAdopt(ctx.sweep.cells[0])).toBe(false);
  });

  it('an engine error reaches the user by code; the run is marked failed', async () => {
    const ctx = setup({
      sweep: async () => {
        throw new MixlabError('constant_column', 'Column "waiting" has the same value in every row.');
      },
    });
    await openBoth(ctx);
    await ctx.sweep.run();
    expect(ctx.sweep.error).toMatchObject({ code: 'constant_column' });
    expect(ctx.sweep.state.run!.outcome).toBe('failed');
    expect(ctx.sweep.running).toBeNull();
  });

  it('using a cell makes its model the current fit: labels from applyModel, K and type in the settings', async () => {
    const applied: AppliedModel = {
      columns: [0, 1],
      rowIndex: Uint32Array.of(0, 1, 2, 3),
      labels: Int32Array.of(0, 1, 1, 0),
      resp: Float64Array.of(0.9, 0.1, 0.2, 0.8, 0.3, 0.7, 1, 0),
      excludedMissing: 0,
      excludedNonPositive: 0,
    };
    let model: LabelModel | null = null;
    const ctx = setup({
      sweep: async () => response(CELLS),
      applyModel: async (arg: { model: LabelModel }) => {
        model = arg.model;
        return applied;
      },
    });
    await openBoth(ctx);
    await ctx.sweep.run();
    expect(await ctx.sweep.adopt(2, 'diag')).toBe(true);
    // The cell's params travel as typed arrays with the sweep's preprocessing; nothing is refitted.
    expect(model!.params.means).toBeInstanceOf(Float64Array);
    expect(model!.params.nComponents).toBe(2);
    expect(model!.preprocessing).toEqual(preprocessing);
    // IPC and the views' Worker clone it: no reactive proxy may travel.
    expect(() => structuredClone(model)).not.toThrow();
    expect(ctx.api.calls.some((c) => c.method === 'fit')).toBe(false);
    const current = ctx.analysis.current!;
    expect(current.source).toEqual({ kind: 'sweep', k: 2, covarianceType: 'diag' });
    expect(current.request.options).toMatchObject({ nComponents: 2, covarianceType: 'diag' });
    expect(current.response.fit.labels).toBe(applied.labels);
    expect(current.response.fit.bic).toBe(90);
    expect(current.response.fit.traces).toEqual([]);
    expect(ctx.analysis.settings).toMatchObject({ nComponents: 2, covarianceType: 'diag' });
    expect(ctx.analysis.stale).toBe(false);
    expect(ctx.sweep.state.run!.adopted).toEqual({ k: 2, covarianceType: 'diag' });
    // A failed cell has no model to use.
    expect(await ctx.sweep.adopt(3, 'full')).toBe(false);
  });

  it('using a cell of a sweep whose selected columns have missing cells labels every row through the mixture predict, as a fit does', async () => {
    // One missing cell in "waiting": with missing cells modelled (the default) the engine swept
    // mixed rows, so the plain predict (which drops that row) is not the model the cell fitted.
    const withGap: DatasetSummary = {
      ...summary,
      columns: [numeric(0, 'eruptions'), { ...numeric(1, 'waiting'), missing: 1, count: 3 }],
    };
    const predicted: StoredPrediction = {
      rowIndex: Uint32Array.of(0, 1, 2, 3),
      labels: Int32Array.of(0, 1, 1, 0),
      resp: Float64Array.of(0.9, 0.1, 0.2, 0.8, 0.3, 0.7, 1, 0),
      droppedRows: 0,
      missingCells: 1,
    };
    let model: MixtureModel | null = null;
    const ctx = setup({
      openSample: async () => withGap,
      sweep: async () => response(CELLS),
      predictMixture: async (arg: { model: MixtureModel }) => {
        model = arg.model;
        return predicted;
      },
    });
    await openBoth(ctx);
    await ctx.sweep.run();
    expect(await ctx.sweep.adopt(2, 'diag')).toBe(true);
    expect(ctx.api.calls.some((c) => c.method === 'applyModel')).toBe(false);
    expect(model!.roles.columns).toEqual([0, 1]);
    expect(model!.params.nComponents).toBe(2);
    expect(model!.preprocessing).toEqual(preprocessing);
    expect(() => structuredClone(model)).not.toThrow();
    const current = ctx.analysis.current!;
    expect(current.response.rowIndex).toEqual(predicted.rowIndex);
    expect(current.response.fit.labels).toBe(predicted.labels);
    expect(current.response.droppedRows).toBe(0);
    expect(current.response.missingCells).toBe(1);
  });

  it('a sweep with missing cells left out (rows dropped) keeps the plain predict', async () => {
    const withGap: DatasetSummary = {
      ...summary,
      columns: [numeric(0, 'eruptions'), { ...numeric(1, 'waiting'), missing: 1, count: 3 }],
    };
    const applied: AppliedModel = {
      columns: [0, 1],
      rowIndex: Uint32Array.of(0, 2, 3),
      labels: Int32Array.of(0, 1, 0),
      resp: Float64Array.of(0.9, 0.1, 0.3, 0.7, 1, 0),
      excludedMissing: 1,
      excludedNonPositive: 0,
    };
    const ctx = setup({
      openSample: async () => withGap,
      sweep: async () => response(CELLS),
      applyModel: async () => applied,
    });
    await openBoth(ctx);
    ctx.analysis.setMissing('drop');
    await ctx.sweep.run();
    expect(await ctx.sweep.adopt(2, 'diag')).toBe(true);
    expect(ctx.api.calls.some((c) => c.method === 'predictMixture')).toBe(false);
    expect(ctx.analysis.current!.response.droppedRows).toBe(1);
  });

  it('restores a saved state (a run saved while running reads as cancelled) and a new dataset clears it', async () => {
    const ctx = setup({ sweep: async () => response(CELLS) });
    await openBoth(ctx);
    await ctx.sweep.run();
    ctx.sweep.setCriterion('icl');
    const saved = ctx.sweep.exportState();
    saved.run!.outcome = 'running';
    saved.run!.request.datasetId = 'old-session';
    ctx.sweep.restoreState(saved);
    expect(ctx.sweep.state.criterion).toBe('icl');
    expect(ctx.sweep.state.run!.outcome).toBe('cancelled');
    expect(ctx.sweep.state.run!.request.datasetId).toBe('ds-f');
    ctx.dataset.summary = { ...summary, datasetId: 'ds-g' };
    await flush();
    expect(ctx.sweep.state.run).toBeNull();
  });

  it('reads progress payloads by shape', () => {
    expect(
      parseSweepProgress({ done: 1, total: 2, pass: 'fit', elapsedSeconds: 0, etaSeconds: null }),
    ).not.toBeNull();
    expect(parseSweepProgress({ iteration: 3 })).toBeNull();
    expect(parseSweepProgress({ done: 1, total: 2, pass: 'fit', cell: { nope: true } })).toBeNull();
  });

  it('sorts the table by any column, cells without a value last in either direction', () => {
    const stored = CELLS.map((c) => ({ ...c, params: null }));
    const asc = sortCells(stored, { column: 'bic', descending: false }).map((c) => c.bic);
    expect(asc).toEqual([10, 80, 90, 100, 101, null]);
    const desc = sortCells(stored, { column: 'bic', descending: true }).map((c) => c.bic);
    expect(desc).toEqual([101, 100, 90, 80, 10, null]);
    const byStatus = sortCells(stored, { column: 'status', descending: false }).map((c) => c.status);
    expect(byStatus).toEqual(['ok', 'ok', 'ok', 'ok', 'degenerate', 'failed']);
  });
});
