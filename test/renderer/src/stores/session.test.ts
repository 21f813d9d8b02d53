import { describe, expect, it } from 'vitest';
import { MixlabError } from '../../../../shared/api';
import type { DatasetSummary } from '../../../../shared/data/types';
import type { SweepResponse } from '../../../../shared/engine/sweep/types';
import type { MixlabProject, ProjectState } from '../../../../shared/project/schema';
import type { OpenedProject } from '../../../../shared/project/status';
import { useAnalysisStore } from '../../../../renderer/src/stores/analysis';
import { useDatasetStore } from '../../../../renderer/src/stores/dataset';
import { useNoticesStore } from '../../../../renderer/src/stores/notices';
import { usePreferencesStore } from '../../../../renderer/src/stores/preferences';
import { useProjectStore } from '../../../../renderer/src/stores/project';
import { useSessionStore } from '../../../../renderer/src/stores/session';
import { useSweepStore } from '../../../../renderer/src/stores/sweep';
import { appInfo, createFakeApi, flush, installStores, samples } from '../../support/fakeApi';

describe('session store', () => {
  it('loads the app facts and the three bundled samples, and adopts the OS locale', async () => {
    installStores(createFakeApi(), { languages: ['en-US'] });
    const session = useSessionStore();
    await session.load();
    expect(session.appInfo).toEqual(appInfo);
    expect(session.samples.map((s) => s.id)).toEqual(['iris', 'faithful', 'mall_customers']);
    expect(session.samples).toEqual(samples);
    expect(session.loaded).toBe(true);
    expect(usePreferencesStore().locale).toBe('zh-CN');
  });

  it('shows a failure to reach the main process as an error message', async () => {
    installStores(
      createFakeApi({
        listSamples: () =>
          Promise.reject(new MixlabError('engine_unavailable', 'The computing engine could not be started.')),
      }),
    );
    const session = useSessionStore();
    await session.load();
    expect(session.loaded).toBe(true);
    expect(session.samples).toEqual([]);
    expect(session.appInfo).toEqual(appInfo); // the rest of the start screen still shows
    expect(useNoticesStore().error).toMatchObject({
      code: 'engine_unavailable',
      message: 'The computing engine could not be started.',
    });
  });
});

const numeric = (index: number, name: string, std: number) => ({
  index,
  name,
  displayName: name,
  kind: 'numeric' as const,
  missing: 0,
  count: 4,
  min: 1,
  max: 90,
  mean: 30,
  std,
});
/** Scales 1 and 20 apart: the advice is to standardise. */
const summary: DatasetSummary = {
  datasetId: 'ds-s',
  file: '/data/scales.csv',
  format: 'csv',
  encoding: 'utf-8',
  bom: false,
  delimiter: ',',
  decimal: '.',
  thousands: null,
  header: true,
  rows: 4,
  columns: [numeric(0, 'small', 1), numeric(1, 'large', 20)],
  errors: [],
  sizeBytes: 40,
};
const fingerprint = { path: '/data/scales.csv', size: 40, mtimeMs: 1, sha256: 'b'.repeat(64) };

function workspace(overrides: Parameters<typeof createFakeApi>[0] = {}) {
  const saved: ProjectState[] = [];
  const api = createFakeApi({
    openSample: async () => summary,
    importDataset: async () => ({ ...summary, datasetId: 'ds-t' }),
    getColumnValues: async ({ columns }: { columns: number[] }) => ({
      columns,
      values: columns.map(() => Float64Array.of(1, 2, 3, 90)),
    }),
    sweep: async () => {
      throw new MixlabError('internal', 'not used');
    },
    chooseSavePath: async () => ({ path: '/projects/scales.mixlab' }),
    saveProject: async (arg: { path: string; state: ProjectState }) => {
      saved.push(arg.state);
      return { path: arg.path, savedAt: '', bytes: 1, dataSource: fingerprint, embedded: false };
    },
    ...overrides,
  });
  installStores(api);
  return {
    api,
    saved,
    session: useSessionStore(),
    dataset: useDatasetStore(),
    analysis: useAnalysisStore(),
    sweep: useSweepStore(),
    project: useProjectStore(),
  };
}

describe('session: the stores over the open dataset', () => {
  it('starts its members over in one fixed order, then lets them load; a member can leave', () => {
    installStores(createFakeApi());
    const session = useSessionStore();
    const log: string[] = [];
    const member = (name: string, load = false) => ({
      reset: () => log.push(`${name}.reset`),
      ...(load ? { load: () => log.push(`${name}.load`) } : {}),
    });
    // Joined in another order than they run.
    session.join('project', member('project'));
    const leave = session.join('sweep', member('sweep'));
    session.join('analysis', member('analysis', true));

    session.startOver(summary);
    expect(log).toEqual(['analysis.reset', 'sweep.reset', 'project.reset', 'analysis.load']);
    log.length = 0;
    session.startOver(null); // closed: nothing to load
    expect(log).toEqual(['analysis.reset', 'sweep.reset', 'project.reset']);
    log.length = 0;
    leave();
    session.startOver(null);
    expect(log).toEqual(['analysis.reset', 'project.reset']);
  });

  it('another dataset resets the analysis, the sweep and the document at once, not a tick later', async () => {
    const ctx = workspace({
      sweep: async (): Promise<SweepResponse> => ({
        cells: [],
        best: { bic: null, aic: null, icl: null, sabic: null },
        preprocessing: {
          columns: [0, 1],
          columnNames: [],
          log: [],
          standardize: true,
          center: [],
          scale: [],
        },
        nSamples: 4,
        droppedRows: 0,
        threads: 1,
        seconds: 0,
      }),
    });
    await ctx.dataset.openSample('faithful');
    ctx.analysis.selectAllNumeric();
    await ctx.sweep.run();
    await ctx.project.saveAs(false);
    expect(ctx.project.path).toBe('/projects/scales.mixlab');
    expect(ctx.sweep.state.run).not.toBeNull();

    ctx.dataset.summary = { ...summary, datasetId: 'ds-other' };
    expect(ctx.analysis.selection).toEqual([]);
    expect(ctx.sweep.state.run).toBeNull();
    expect(ctx.project.path).toBeNull();
    // The columns of the new dataset are asked for after the resets.
    expect(ctx.api.calls.at(-1)).toEqual({
      method: 'getColumnValues',
      arg: { datasetId: 'ds-other', columns: [0, 1] },
    });
  });

  it('New closes the data and every store starts over before it resolves', async () => {
    const ctx = workspace();
    await ctx.dataset.openSample('faithful');
    ctx.analysis.selectAllNumeric();
    await ctx.project.saveAs(false);
    await ctx.project.newProject();
    expect(ctx.dataset.summary).toBeNull();
    expect(ctx.analysis.selection).toEqual([]);
    expect(ctx.project.path).toBeNull();
    expect(ctx.project.hasDocument).toBe(false);
  });

  it('restores a project over stores that started over, with no tick to wait: saved and clean at once', async () => {
    const first = workspace();
    await first.dataset.openSample('faithful');
    first.analysis.selectAllNumeric(); // the advice standardises: scales differ 20×
    first.analysis.setSetting('seed', 5);
    await first.project.saveAs(false);
    const state = JSON.parse(JSON.stringify(first.saved[0])) as ProjectState;
    // A file whose panel disagrees with the advice: restoring follows the advice, at once.
    (state.viewState.analysis as { preprocessing: { standardize: boolean } }).preprocessing.standardize =
      false;
    const project = {
      ...state,
      format: 'mixlab-project',
      version: 1,
      savedAt: '',
      appVersion: 'test',
      dataSource: fingerprint,
    } as MixlabProject;

    const ctx = workspace({
      openProject: async ({ path }: { path: string }): Promise<OpenedProject> => ({
        path,
        project,
        dataSource: { state: 'ok', message: '', current: fingerprint },
      }),
    });
    const steps: string[] = [];
    const record = (store: string) => (call: { name: string }) => {
      if (call.name === 'startOver' || call.name === 'restoreState') steps.push(`${store}.${call.name}`);
    };
    ctx.session.$onAction(record('session'));
    ctx.analysis.$onAction(record('analysis'));
    ctx.sweep.$onAction(record('sweep'));

    await ctx.project.openPath('/projects/scales.mixlab');
    expect(steps).toEqual(['session.startOver', 'analysis.restoreState', 'sweep.restoreState']);
    expect(ctx.dataset.summary?.datasetId).toBe('ds-t');
    expect(ctx.analysis.selection).toEqual([0, 1]);
    expect(ctx.analysis.settings.seed).toBe(5);
    expect(ctx.analysis.preprocessing.standardize).toBe(true);
    expect(ctx.project.path).toBe('/projects/scales.mixlab');
    expect(ctx.project.dirty).toBe(false);
    await flush();
    expect(ctx.project.dirty).toBe(false);
  });
});
