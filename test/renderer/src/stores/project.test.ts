import { describe, expect, it } from 'vitest';
import { MixlabError } from '../../../../shared/api';
import type { DatasetSummary } from '../../../../shared/data/types';
import type { FitRequest, FitResponse } from '../../../../shared/engine/model/types';
import type { MixlabProject, ProjectState } from '../../../../shared/project/schema';
import type { OpenedProject } from '../../../../shared/project/status';
import { useAnalysisStore } from '../../../../renderer/src/stores/analysis';
import { useDatasetStore } from '../../../../renderer/src/stores/dataset';
import { useProjectStore } from '../../../../renderer/src/stores/project';
import { useSweepStore } from '../../../../renderer/src/stores/sweep';
import { useHistoryStore } from '../../../../renderer/src/stores/history';
import { useViewsStore } from '../../../../renderer/src/stores/views';
import { createFakeApi, flush, installStores } from '../../support/fakeApi';

const x = Float64Array.of(1, 1.2, 0.9, 5, 5.3, 4.8);
const y = Float64Array.of(10, 11, 9, 50, 52, 49);
const summary: DatasetSummary = {
  datasetId: 'ds-p',
  file: '/data/two.csv',
  format: 'csv',
  encoding: 'utf-8',
  bom: false,
  delimiter: ',',
  decimal: '.',
  thousands: null,
  header: true,
  rows: 6,
  columns: [
    {
      index: 0,
      name: 'x',
      displayName: 'x',
      kind: 'numeric',
      missing: 0,
      count: 6,
      min: 0.9,
      max: 5.3,
      mean: 3,
      std: 2,
    },
    {
      index: 1,
      name: 'y',
      displayName: 'y',
      kind: 'numeric',
      missing: 0,
      count: 6,
      min: 9,
      max: 52,
      mean: 30,
      std: 20,
    },
  ],
  errors: [],
  sizeBytes: 60,
};
const fingerprint = { path: '/data/two.csv', size: 60, mtimeMs: 1, sha256: 'a'.repeat(64) };
// Exact doubles a JSON round trip must keep bit for bit.
const means = Float64Array.of(1.0333333333333334, 10.000000000000002, 5.033333333333333, 50.33333333333333);
const labels = Int32Array.of(0, 0, 0, 1, 1, 1);
const resp = Float64Array.of(1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1);

function fitResponse(request: FitRequest): FitResponse {
  return {
    fit: {
      params: {
        covarianceType: 'diag',
        nComponents: 2,
        nFeatures: 2,
        weights: Float64Array.of(0.5, 0.5),
        means,
        covariances: Float64Array.of(0.0156, 0.67, 0.0422, 1.56),
        precisionsCholesky: Float64Array.of(8, 1.22, 4.87, 0.8),
      },
      converged: true,
      nIter: 3,
      lowerBound: -4.2,
      meanLogLikelihood: -4.2,
      logLikelihood: -25.2,
      nParameters: 9,
      bic: 66.5,
      aic: 68.4,
      icl: 66.5,
      traces: [Float64Array.of(-6, -4.5, -4.2)],
      bestRestart: 0,
      labels,
      resp,
      logDensity: new Float64Array(6),
      seconds: 0.01,
    },
    preprocessing: {
      columns: request.columns,
      columnNames: ['x', 'y'],
      log: [false, false],
      standardize: request.standardize,
      center: [0, 0],
      scale: [1, 1],
    },
    rowIndex: Uint32Array.of(0, 1, 2, 3, 4, 5),
    droppedRows: 0,
  };
}

function setup(overrides: Parameters<typeof createFakeApi>[0] = {}) {
  const saved: { path: string; state: ProjectState }[] = [];
  const api = createFakeApi({
    openSample: async () => summary,
    importDataset: async () => ({ ...summary, datasetId: 'ds-q' }),
    getColumnValues: async ({ columns }: { columns: number[] }) => ({
      columns,
      values: columns.map((c) => (c === 0 ? x : y)),
    }),
    fit: async ({ request }: { request: FitRequest }) => fitResponse(request),
    applyModel: async () => ({
      columns: [0, 1],
      rowIndex: Uint32Array.of(0, 1, 2, 3, 4, 5),
      labels,
      resp,
      excludedMissing: 0,
      excludedNonPositive: 0,
    }),
    chooseSavePath: async () => ({ path: '/projects/two.mixlab' }),
    autosave: async () => ({ accepted: true }),
    saveProject: async (arg: { path: string; state: ProjectState }) => {
      saved.push(arg);
      return {
        path: arg.path,
        savedAt: '2026-01-01T10:42:00Z',
        bytes: 1,
        dataSource: fingerprint,
        embedded: false,
      };
    },
    ...overrides,
  });
  installStores(api);
  const dataset = useDatasetStore();
  const analysis = useAnalysisStore();
  const sweep = useSweepStore();
  const project = useProjectStore();
  return { api, saved, dataset, analysis, sweep, project };
}

/** Opens the data, selects both columns (standardised), K = 2 diagonal, seed 7, sorts the table, fits. */
async function fitted(ctx: ReturnType<typeof setup>) {
  await ctx.dataset.openSample('faithful');
  await flush();
  ctx.analysis.selectAllNumeric();
  ctx.analysis.setStandardize(true);
  ctx.analysis.setSetting('nComponents', 2);
  ctx.analysis.setSetting('covarianceType', 'diag');
  ctx.analysis.setSetting('seed', 7);
  ctx.analysis.setTableOrder({ sort: 'cluster' });
  ctx.sweep.setKRange(1, 4);
  await ctx.analysis.fit();
  await flush();
}

/** A project file as openProject returns it, from what saveProject received. */
function asProject(state: ProjectState): MixlabProject {
  const copy = JSON.parse(JSON.stringify(state)) as ProjectState;
  const fits = copy.fits.map((f, i) => ({ ...f, params: state.fits[i].params }));
  return {
    ...copy,
    fits,
    format: 'mixlab-project',
    version: 1,
    savedAt: '2026-01-01T10:42:00Z',
    appVersion: 'test',
    dataSource: fingerprint,
  };
}

describe('project store', () => {
  it('saves the full state: settings with the seed, selection, the fit with its exact params, sweep, view', async () => {
    const ctx = setup();
    await fitted(ctx);
    expect(ctx.project.dirty).toBe(true);
    await ctx.project.saveAs(false);
    expect(ctx.saved).toHaveLength(1);
    const { path, state } = ctx.saved[0];
    expect(path).toBe('/projects/two.mixlab');
    expect(state.dataSource).toEqual({ path: '/data/two.csv' });
    expect(state.selection).toEqual({
      columns: [0, 1],
      columnNames: ['x', 'y'],
      standardize: true,
      logColumns: [],
    });
    expect(state.modelSettings).toMatchObject({ nComponents: 2, covarianceType: 'diag', seed: 7 });
    expect(state.fits).toHaveLength(1);
    expect(state.currentFitId).toBe(state.fits[0].id);
    expect(Array.from(state.fits[0].params.means)).toEqual(Array.from(means));
    expect(state.fits[0].trace).toEqual([-6, -4.5, -4.2]);
    expect((state.viewState.analysis as { view: { table: { sort: string } } }).view.table.sort).toBe(
      'cluster',
    );
    expect((state.viewState.sweep as { settings: { kMax: number } }).settings.kMax).toBe(4);
    expect(ctx.project.dirty).toBe(false);
    expect(ctx.project.name).toBe('two.mixlab');
  });

  it('marks any change after a save as unsaved and asks before New', async () => {
    const ctx = setup();
    await fitted(ctx);
    await ctx.project.saveAs(false);
    expect(ctx.project.dirty).toBe(false);
    ctx.analysis.setSetting('seed', 8);
    expect(ctx.project.dirty).toBe(true);
    expect(ctx.project.windowTitle('Mixture Lab', 'Untitled')).toBe('Mixture Lab — two.mixlab •');
    const asked = ctx.project.newProject();
    await flush();
    expect(ctx.project.confirm).not.toBeNull();
    ctx.project.answerConfirm('cancel');
    await asked;
    expect(ctx.dataset.summary).not.toBeNull();
    const again = ctx.project.newProject();
    await flush();
    ctx.project.answerConfirm('discard');
    await again;
    expect(ctx.dataset.summary).toBeNull();
    expect(ctx.project.hasDocument).toBe(false);
  });

  it('opens a project: data reopened, selection, settings, view, sweep and fit restored with labels from applyModel', async () => {
    const first = setup();
    await fitted(first);
    await first.project.saveAs(false);
    const project = asProject(first.saved[0].state);

    const ctx = setup({
      openProject: async ({ path }: { path: string }): Promise<OpenedProject> => ({
        path,
        project,
        dataSource: { state: 'ok', message: '', current: fingerprint },
      }),
    });
    await ctx.project.openPath('/projects/two.mixlab');
    await flush();
    expect(ctx.dataset.summary?.datasetId).toBe('ds-q');
    // Re-read with the settings it was imported with, not re-detected.
    const reimport = ctx.api.calls.find((c) => c.method === 'importDataset');
    expect(reimport?.arg).toMatchObject({
      options: { path: project.dataSource?.path, ...project.importOptions },
    });
    expect(Object.keys(project.importOptions)).toEqual(expect.arrayContaining(['encoding', 'decimal']));
    expect(ctx.analysis.selection).toEqual([0, 1]);
    expect(ctx.analysis.settings).toMatchObject({ nComponents: 2, covarianceType: 'diag', seed: 7 });
    expect(ctx.analysis.view.table.sort).toBe('cluster');
    expect(ctx.sweep.state.settings.kMax).toBe(4);
    expect(ctx.api.calls.some((c) => c.method === 'fit')).toBe(false);
    expect(ctx.api.calls.filter((c) => c.method === 'applyModel')).toHaveLength(1);
    const current = ctx.analysis.current!;
    expect(Array.from(current.response.fit.params.means)).toEqual(Array.from(means));
    expect(Array.from(current.response.fit.labels)).toEqual(Array.from(labels));
    expect(ctx.analysis.stale).toBe(false);
    expect(ctx.project.dirty).toBe(false);
    expect(ctx.project.recent[0]).toEqual({ path: '/projects/two.mixlab' });
  });

  it('offers locate / embedded / without data when the data file is missing', async () => {
    const first = setup();
    await fitted(first);
    await first.project.saveAs(false);
    const project = asProject(first.saved[0].state);
    const ctx = setup({
      openProject: async ({ path }: { path: string }): Promise<OpenedProject> => ({
        path,
        project,
        dataSource: { state: 'missing', message: 'The data file was not found.' },
      }),
    });
    await ctx.project.openPath('/projects/two.mixlab');
    expect(ctx.project.dataPrompt?.status.state).toBe('missing');
    expect(ctx.dataset.summary).toBeNull();
    await ctx.project.openWithoutData();
    expect(ctx.project.detached?.project.fits).toHaveLength(1);
    // Settings and the sweep's settings show without the rows.
    expect(ctx.analysis.settings).toMatchObject({ nComponents: 2, covarianceType: 'diag', seed: 7 });
    expect(ctx.sweep.state.settings.kMax).toBe(4);
    expect(ctx.project.hasDocument).toBe(true);
    // Saved again without its data, the project keeps the stored fingerprint.
    await ctx.project.save();
    expect(ctx.saved[0].state.dataSource).toEqual({ path: '/data/two.csv', known: fingerprint });
  });

  it('a project open without its data asks for the file again with the prompt it opened with', async () => {
    const first = setup();
    await fitted(first);
    await first.project.saveAs(false);
    const project = asProject(first.saved[0].state);
    const missing = { state: 'missing', message: 'The data file was not found.' } as const;
    const ctx = setup({
      openProject: async ({ path }: { path: string }): Promise<OpenedProject> => ({
        path,
        project,
        dataSource: missing,
      }),
    });
    await ctx.project.openPath('/projects/two.mixlab');
    await ctx.project.openWithoutData();
    expect(ctx.project.dataPrompt).toBeNull();
    ctx.project.promptForData();
    expect(ctx.project.dataPrompt).toEqual({
      project,
      path: '/projects/two.mixlab',
      status: missing,
      locateProblem: null,
    });
  });

  it('shows a refusal by its code and keeps what is open', async () => {
    const ctx = setup({
      openProject: async () => {
        throw new MixlabError('project_too_new', 'This project was written by version 9.');
      },
    });
    await fitted(ctx);
    await ctx.project.saveAs(false);
    await ctx.project.openPath('/projects/new.mixlab');
    expect(ctx.project.error?.code).toBe('project_too_new');
    expect(ctx.dataset.summary?.datasetId).toBe('ds-p');
    expect(ctx.analysis.current).not.toBeNull();
  });
  it('autosaves the working state only when it changed, and restores a crashed session after asking', async () => {
    const first = setup();
    await fitted(first);
    await first.project.autosaveNow();
    await first.project.autosaveNow();
    const autosaves = first.api.calls.filter((c) => c.method === 'autosave');
    expect(autosaves).toHaveLength(1);
    const state = (autosaves[0].arg as { state: ProjectState }).state;
    expect(state.currentFitId).not.toBeNull();
    const recovered = asProject(state);

    const ctx = setup({
      findRecoverable: async () => ({
        savedAt: '2026-01-01T10:42:00Z',
        summary: {
          dataFile: '/data/two.csv',
          fits: 1,
          currentFit: '2 components, diag',
          columns: ['x', 'y'],
        },
      }),
      recoverAutosave: async () => recovered,
      checkDataSource: async () => ({ state: 'ok', message: '', current: fingerprint }),
      discardAutosave: async () => ({ discarded: true }),
    });
    await ctx.project.checkRecovery();
    expect(ctx.project.recoverable?.summary.fits).toBe(1);
    await ctx.project.restoreRecovered();
    await flush();
    expect(ctx.project.recoverable).toBeNull();
    expect(ctx.api.calls.map((c) => c.method)).toContain('discardAutosave');
    expect(ctx.analysis.settings.seed).toBe(7);
    expect(Array.from(ctx.analysis.current!.response.fit.params.means)).toEqual(Array.from(means));
    // A recovered analysis has no file yet: it is unsaved work.
    expect(ctx.project.path).toBeNull();
    expect(ctx.project.dirty).toBe(true);
  });
});

describe('project store: the view showing', () => {
  const reopen = (project: MixlabProject) =>
    setup({
      openProject: async ({ path }: { path: string }): Promise<OpenedProject> => ({
        path,
        project,
        dataSource: { state: 'ok', message: '', current: fingerprint },
      }),
    });

  it('saves the active view and opens the project on it, undo starting from the opened state', async () => {
    const first = setup();
    await fitted(first);
    useViewsStore().show('certainty');
    await first.project.saveAs(false);
    const saved = asProject(first.saved[0].state);
    expect(saved.activeView).toBe('certainty');

    const ctx = reopen(saved);
    await ctx.project.openPath('/projects/two.mixlab');
    await flush();
    expect(useViewsStore().active).toBe('certainty');
    expect(useHistoryStore().canUndo).toBe(false);
    expect(ctx.project.dirty).toBe(false);
  });

  it('an older project without a view, or with a view this version lacks, opens on the default view', async () => {
    const first = setup();
    await fitted(first);
    await first.project.saveAs(false);
    const saved = asProject(first.saved[0].state);
    for (const activeView of [undefined, 'pairs-of-a-later-version']) {
      const project = { ...saved, activeView };
      const ctx = reopen(project);
      await ctx.project.openPath('/projects/two.mixlab');
      await flush();
      expect(useViewsStore().active).toBe('scatter');
      expect(ctx.analysis.selection).toEqual([0, 1]);
    }
  });

  it('one-column data: its column opens selected, on the histogram, and that is not yet unsaved work', async () => {
    const oneColumn: DatasetSummary = { ...summary, columns: [summary.columns[0]] };
    const ctx = setup({ openSample: async () => oneColumn });
    await ctx.dataset.openSample('faithful');
    await flush();
    expect(ctx.analysis.selection).toEqual([0]);
    expect(useViewsStore().active).toBe('histogram');
    expect(ctx.project.dirty).toBe(false);
    ctx.analysis.setSetting('nComponents', ctx.analysis.settings.nComponents + 2);
    expect(ctx.project.dirty).toBe(true);
  });
});
