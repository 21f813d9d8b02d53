import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EngineClient } from '../../../electron/main/engineClient';
import { nodeEngineSpawner } from '../../../electron/main/nodeEngineSpawner';
import { enginePath } from '../../support/paths';
import { createIpcRouter } from '../../../electron/main/ipcRouter';
import { createServices } from '../../../electron/main/services';
import { Autosaver } from '../../../electron/main/autosave';
import type { ApiResultOf, ArgOf, MixlabEvent, MixlabMethod } from '../../../shared/api';
import type { FitResponse } from '../../../shared/engine/model/types';
import type { ProjectState } from '../../../shared/project/schema';

const irisCsv = fileURLToPath(new URL('../../fixtures/data/iris.csv', import.meta.url));
let tmp: string;
const events: MixlabEvent[] = [];
let route: ReturnType<typeof createIpcRouter>;
/** What the stand-in native Save dialog answers next (the user's choice). */
let nextSavePath: string | null = null;
// The engine as the app runs it: a separate process (the built bundle), messages and transfers.
const engine = new EngineClient(nodeEngineSpawner(enginePath));

/** Calls a window.mixlab method through the validating router, as the renderer's invoke does. */
async function api<M extends MixlabMethod>(method: M, arg: ArgOf<M>): Promise<ApiResultOf<M>> {
  const envelope = await route(method, arg);
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
  return envelope.value as ApiResultOf<M>;
}

/** The user picks `file` in the native Save dialog: the only way a path becomes writable. */
async function chooseSave(file: string): Promise<string> {
  nextSavePath = file;
  const chosen = await api('chooseSavePath', { purpose: 'project' });
  nextSavePath = null;
  return chosen!.path;
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-services-'));
  const services = createServices({
    engine,
    dialogs: { chooseDataFile: async () => null, chooseSavePath: async () => nextSavePath },
    samplesDir: '/nowhere',
    appInfo: () => ({
      name: 'Mixture Lab',
      version: '0.1.0-test',
      platform: 'linux',
      locale: 'en',
      prefersDark: false,
    }),
    emit: (e) => events.push(e),
    appDataDir: path.join(tmp, 'appdata'),
    autosaver: Autosaver.start({ dir: path.join(tmp, 'appdata', 'autosave'), appVersion: '0.1.0-test' }),
  });
  route = createIpcRouter(services);
});
afterAll(() => {
  engine.dispose();
  rmSync(tmp, { recursive: true, force: true });
});

const columns = [0, 1, 2, 3];
const options = {
  nComponents: 3,
  covarianceType: 'full' as const,
  init: 'kmeans' as const,
  nInit: 2,
  seed: 7,
  maxIter: 100,
  tol: 1e-3,
  regCovar: 1e-6,
};

function stateOf(fit: FitResponse, dataPath: string): ProjectState {
  const { fit: r } = fit;
  return {
    dataSource: { path: dataPath },
    importOptions: {},
    selection: { columns, columnNames: fit.preprocessing.columnNames, standardize: true, logColumns: [] },
    modelSettings: options,
    fits: [
      {
        id: 'f1',
        settings: options,
        params: r.params,
        summary: {
          converged: r.converged,
          nIter: r.nIter,
          lowerBound: r.lowerBound,
          meanLogLikelihood: r.meanLogLikelihood,
          logLikelihood: r.logLikelihood,
          nParameters: r.nParameters,
          bic: r.bic,
          aic: r.aic,
          icl: r.icl,
          nSamples: r.labels.length,
          droppedRows: fit.droppedRows,
          seconds: r.seconds,
        },
        preprocessing: fit.preprocessing,
        trace: Array.from(r.traces[r.bestRestart]),
      },
    ],
    currentFitId: 'f1',
    sweep: null,
    viewState: { view: 'scatter', x: 2, y: 3 },
  };
}

describe('window.mixlab: fit, export labels, save, reopen, recompute', () => {
  it('round trip through the services: same parameters and the same labels after reopening', async () => {
    const data = path.join(tmp, 'iris.csv');
    writeFileSync(data, readFileSync(irisCsv));
    const summary = await api('importDataset', { jobId: 'imp', options: { path: data } });
    const fit = await api('fit', {
      jobId: 'fit',
      request: { datasetId: summary.datasetId, columns, standardize: true, options, threads: 1 },
    });
    const model = { params: fit.fit.params, preprocessing: fit.preprocessing };

    const out = await chooseSave(path.join(tmp, 'labels.csv'));
    const exported = await api('exportLabels', {
      jobId: 'exp',
      datasetId: summary.datasetId,
      model,
      path: out,
      options: { includeProbabilities: true },
    });
    expect(exported).toMatchObject({ rows: 150, labelled: 150, excluded: 0 });
    expect(events.some((e) => e.type === 'progress' && e.jobId === 'exp')).toBe(true);

    const projectPath = await chooseSave(path.join(tmp, 'iris.mixlab'));
    const saved = await api('saveProject', { path: projectPath, state: stateOf(fit, data) });
    expect(saved.dataSource?.sha256).toMatch(/^[0-9a-f]{64}$/);

    // "Quit and reopen": a fresh import of the data file and the stored model, nothing refitted.
    const opened = await api('openProject', { path: projectPath });
    expect(opened.dataSource.state).toBe('ok');
    const stored = opened.project.fits[0];
    expect(Array.from(stored.params.means)).toEqual(Array.from(fit.fit.params.means));
    const again = await api('importDataset', { jobId: 'imp2', options: { path: data } });
    const applied = await api('applyModel', {
      datasetId: again.datasetId,
      model: { params: stored.params, preprocessing: stored.preprocessing },
    });
    expect(Array.from(applied.labels)).toEqual(Array.from(fit.fit.labels));
    const csvLabels = readFileSync(out, 'utf8')
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => Number(l.split(',')[5]));
    expect(csvLabels).toEqual(Array.from(applied.labels, (l) => l + 1));
  });

  it('apply a model file to another file: columns matched by name, in any order', async () => {
    const data = path.join(tmp, 'iris2.csv');
    writeFileSync(data, readFileSync(irisCsv));
    const summary = await api('importDataset', { jobId: 'i3', options: { path: data } });
    const fit = await api('fit', {
      jobId: 'f3',
      request: { datasetId: summary.datasetId, columns, standardize: true, options, threads: 1 },
    });
    const modelPath = await chooseSave(path.join(tmp, 'iris-model.json'));
    await api('exportModel', {
      path: modelPath,
      model: { params: fit.fit.params, preprocessing: fit.preprocessing },
    });
    const loaded = await api('loadModel', { path: modelPath });
    expect(loaded.preprocessing.columns).toBeUndefined();

    // Another file: the last 50 rows, columns reversed, an extra column.
    const [header, ...rows] = readFileSync(irisCsv, 'utf8').trim().split('\n');
    const flip = (line: string) => ['x', ...line.split(',').reverse()].join(',');
    const other = path.join(tmp, 'other.csv');
    writeFileSync(other, [flip(header), ...rows.slice(100).map(flip)].join('\n'));
    const otherSummary = await api('importDataset', { jobId: 'i4', options: { path: other } });
    const out = await chooseSave(path.join(tmp, 'other-labels.csv'));
    const result = await api('exportLabels', {
      jobId: 'e4',
      datasetId: otherSummary.datasetId,
      model: loaded,
      match: 'name',
      path: out,
      options: { encoding: 'utf-8' },
    });
    expect(result).toMatchObject({ rows: 50, labelled: 50 });
    const labels = readFileSync(out, 'utf8')
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => Number(l.split(',').at(-2)));
    // Stored centre and scale are used on the new rows: the same labels as those rows had in the fit.
    expect(labels).toEqual(Array.from(fit.fit.labels.slice(100), (l) => l + 1));

    const wrong = await api('applyModel', {
      datasetId: otherSummary.datasetId,
      model: {
        ...loaded,
        preprocessing: { ...loaded.preprocessing, columnNames: ['a', 'petal_width', 'b', 'c'] },
      },
      match: 'name',
    }).catch((e) => e);
    expect(wrong.code).toBe('model_columns_missing');
    expect(wrong.message).toContain('columns "a", "b", "c" that the model needs');
  });

  it('the router refuses relative paths and invalid models before anything runs', async () => {
    const bad = await route('openProject', { path: 'relative.mixlab' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(bad.ok || bad.error.message).toContain('expected an absolute path');
    const model = await route('exportModel', {
      path: path.join(tmp, 'm.json'),
      model: {
        params: {
          covarianceType: 'diag',
          nComponents: 2,
          nFeatures: 1,
          weights: [0.9, 0.9],
          means: [0, 1],
          covariances: [1, 1],
          precisionsCholesky: [1, 1],
        },
        preprocessing: { columnNames: ['x'], log: [false], standardize: false, center: [0], scale: [1] },
      },
    });
    expect(model).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(model.ok || model.error.message).toContain('weights must lie in [0, 1] and sum to 1');
  });

  it('autosave through the services: accepted, and nothing to recover in a fresh session', async () => {
    expect(await api('findRecoverable', {})).toBeNull();
    expect(await api('autosave', { state: null })).toEqual({ accepted: true });
    const err = await api('recoverAutosave', {}).catch((e) => e);
    expect(err.message).toBe('There is no unsaved analysis to restore.');
  });
});

describe('window.mixlab writes only to files the user chose (a compromised page cannot pick them)', () => {
  /** A project without data: enough to save. */
  const bare: ProjectState = {
    dataSource: null,
    importOptions: {},
    selection: null,
    modelSettings: null,
    fits: [],
    currentFitId: null,
    sweep: null,
    viewState: {},
  };
  const model = {
    params: {
      covarianceType: 'diag' as const,
      nComponents: 1,
      nFeatures: 1,
      weights: [1],
      means: [0],
      covariances: [1],
      precisionsCholesky: [1],
    },
    preprocessing: { columnNames: ['x'], log: [false], standardize: false, center: [0], scale: [1] },
  };

  it('refuses saveProject, exportModel and exportLabels to a path no Save dialog gave, leaving the file as it was', async () => {
    const victim = path.join(tmp, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    const summary = await api('importDataset', { jobId: 'g1', options: { path: irisCsv } });
    const attempts: [MixlabMethod, unknown][] = [
      ['saveProject', { path: victim, state: bare }],
      ['exportModel', { path: victim, model }],
      ['exportLabels', { jobId: 'g2', datasetId: summary.datasetId, model: { ...model }, path: victim }],
    ];
    for (const [method, arg] of attempts) {
      const res = await route(method, arg);
      expect(res, method).toMatchObject({ ok: false, error: { code: 'path_not_granted' } });
      expect(res.ok || res.error.message).toMatch(/"victim\.txt" was not chosen in a Save dialog/);
    }
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
  });

  it('a path chosen in the Save dialog stays writable (File → Save again), and only that path', async () => {
    const target = await chooseSave(path.join(tmp, 'chosen.mixlab'));
    await api('saveProject', { path: target, state: bare });
    await api('saveProject', { path: target, state: { ...bare, viewState: { view: 'bic' } } });
    const sibling = await route('saveProject', { path: path.join(tmp, 'sibling.mixlab'), state: bare });
    expect(sibling).toMatchObject({ ok: false, error: { code: 'path_not_granted' } });
    const sneaky = await route('saveProject', {
      path: path.join(tmp, 'sub', '..', '..', 'escape.mixlab'),
      state: bare,
    });
    expect(sneaky).toMatchObject({ ok: false, error: { code: 'path_not_granted' } });
  });

  it('a project that opened is its own Save target in a new session; a file that failed to open is not', async () => {
    const file = await chooseSave(path.join(tmp, 'reopen.mixlab'));
    await api('saveProject', { path: file, state: bare });
    const notProject = path.join(tmp, 'notes.mixlab');
    writeFileSync(notProject, 'my notes');
    // A fresh session (new services, same engine): nothing chosen yet.
    const fresh = createIpcRouter(
      createServices({
        engine,
        dialogs: { chooseDataFile: async () => notProject, chooseOpenPath: async () => notProject },
        samplesDir: '/nowhere',
        appInfo: () => ({ name: 'M', version: 't', platform: 'linux', locale: 'en', prefersDark: false }),
        emit: () => {},
      }),
    );
    expect(await fresh('saveProject', { path: file, state: bare })).toMatchObject({
      ok: false,
      error: { code: 'path_not_granted' },
    });
    expect(await fresh('openProject', { path: file })).toMatchObject({ ok: true });
    expect(await fresh('saveProject', { path: file, state: bare })).toMatchObject({ ok: true });

    // Open dialogs choose files to READ: they never make a file writable.
    await fresh('chooseOpenPath', { purpose: 'project' });
    await fresh('chooseDataFile', {});
    expect(await fresh('openProject', { path: notProject })).toMatchObject({
      ok: false,
      error: { code: 'project_corrupt' },
    });
    expect(await fresh('saveProject', { path: notProject, state: bare })).toMatchObject({
      ok: false,
      error: { code: 'path_not_granted' },
    });
    expect(readFileSync(notProject, 'utf8')).toBe('my notes');
  });
});

describe('window.mixlab embeds only the analysis’s own data file (main decides, not the page)', () => {
  const bareWith = (dataPath: string): ProjectState => ({
    dataSource: { path: dataPath },
    importOptions: {},
    selection: null,
    modelSettings: null,
    fits: [],
    currentFitId: null,
    sweep: null,
    viewState: {},
  });

  it('refuses to embed a file the page names but main never opened, writing nothing', async () => {
    const secret = path.join(tmp, 'secret.txt');
    writeFileSync(secret, 'id_rsa\n');
    const target = await chooseSave(path.join(tmp, 'exfiltrate.mixlab'));
    const res = await route('saveProject', { path: target, state: bareWith(secret), embedData: true });
    expect(res).toMatchObject({ ok: false, error: { code: 'embed_not_open' } });
    expect(res.ok || res.error.message).toBe(
      'Mixture Lab embeds only the data file of the open analysis, and "secret.txt" is not open. Save without embedding the data, or open the data file first.',
    );
    const noData = await route('saveProject', {
      path: target,
      state: { ...bareWith(secret), dataSource: null },
      embedData: true,
    });
    expect(noData).toMatchObject({ ok: false, error: { code: 'embed_not_open' } });
    expect(() => readFileSync(target)).toThrow();
  });

  it('embeds the data file of a dataset it imported, which unpacks byte for byte', async () => {
    const data = path.join(tmp, 'embed-me.csv');
    writeFileSync(data, readFileSync(irisCsv));
    await api('importDataset', { jobId: 'emb', options: { path: data } });
    const target = await chooseSave(path.join(tmp, 'embedded.mixlab'));
    const saved = await api('saveProject', { path: target, state: bareWith(data), embedData: true });
    expect(saved.embedded).toBe(true);
    const unpacked = await api('extractEmbeddedData', { path: target });
    expect(readFileSync(unpacked.path).equals(readFileSync(irisCsv))).toBe(true);
  });
});
