import { describe, expect, it, vi } from 'vitest';
import { createIpcRouter } from '../../../electron/main/ipcRouter';
import type { MixlabServices } from '../../../electron/main/services';
import { testServices } from '../../support/services';
import { EngineError, ErrorCodes } from '../../../shared/errors';
import type { EngineCaller } from '../../../electron/engine/engineCaller';
import { MIXLAB_METHODS, type MixlabMethod } from '../../../shared/api';

const fakeEngine = (
  impl: (kind: string, payload: unknown, opts?: { signal?: AbortSignal }) => Promise<unknown>,
): EngineCaller => ({
  call: impl as EngineCaller['call'],
});

const services = (engine: EngineCaller, chosen: string | null = null): MixlabServices =>
  testServices(engine, chosen, { samplesDir: '/samples' });

describe('IPC router: every call validated before it runs', () => {
  const engine = fakeEngine(async (kind, payload) => ({ kind, payload }));

  it('refuses unknown and prototype method names', async () => {
    const route = createIpcRouter(services(engine));
    for (const method of ['deleteEverything', '__proto__', 'constructor', 'toString', 42, null]) {
      const res = await route(method, {});
      expect(res).toMatchObject({ ok: false, error: { code: ErrorCodes.UnknownKind } });
    }
  });

  it('refuses arguments that do not match the schema, naming the field', async () => {
    const route = createIpcRouter(services(engine));
    const cases: [string, unknown, RegExp][] = [
      ['getRows', { datasetId: 'ds1', start: -1, count: 10 }, /start/],
      ['getRows', { datasetId: 'ds1', start: 0, count: 1e9 }, /count/],
      ['openSample', { id: '../../etc/passwd', jobId: 'j1' }, /id/],
      ['importDataset', { jobId: 'j 1', options: { path: '/a.csv' } }, /jobId/],
      ['importDataset', { jobId: 'j1', options: { path: '/a.csv', evil: true } }, /options/],
      ['getAppInfo', { extra: 1 }, /argument|extra/],
      ['cancelJob', 'j1', /argument/],
    ];
    for (const [method, arg, where] of cases) {
      const res = await route(method, arg);
      expect(res.ok, `${method} ${JSON.stringify(arg)}`).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe(ErrorCodes.InvalidPayload);
        expect(res.error.message).toMatch(where);
      }
    }
  });

  it('runs a valid call and wraps engine errors as code + message', async () => {
    const failing = fakeEngine(async () => {
      throw new EngineError('no_data_rows', 'The file has a header but no data rows.');
    });
    const route = createIpcRouter(services(failing));
    const res = await route('importDataset', { jobId: 'j1', options: { path: '/data/x.csv' } });
    expect(res).toEqual({
      ok: false,
      error: { code: 'no_data_rows', message: 'The file has a header but no data rows.' },
    });
    const ok = await createIpcRouter(services(engine))('importDataset', {
      jobId: 'j2',
      options: { path: '/d/x.csv' },
    });
    expect(ok).toEqual({ ok: true, value: { kind: 'dataset.import', payload: { path: '/d/x.csv' } } });
  });

  it('passes the import dialog’s header and summary-row choices to the engine, and refuses others', async () => {
    const route = createIpcRouter(services(engine));
    const options = { path: '/d/x.csv', header: false, totalRows: 'keep' };
    expect(await route('importDataset', { jobId: 'j3', options })).toEqual({
      ok: true,
      value: { kind: 'dataset.import', payload: options },
    });
    for (const bad of [{ header: 'no' }, { totalRows: 'drop' }]) {
      const res = await route('previewDataset', { options: { path: '/d/x.csv', ...bad } });
      expect(res).toMatchObject({ ok: false, error: { code: ErrorCodes.InvalidPayload } });
    }
  });

  it('turns an unexpected exception into an internal error without a stack', async () => {
    const log = vi.fn();
    const broken = fakeEngine(async () => {
      throw new TypeError('x is undefined');
    });
    const res = await createIpcRouter(services(broken), log)('importDataset', {
      jobId: 'j1',
      options: { path: '/d/x.csv' },
    });
    expect(res).toMatchObject({ ok: false, error: { code: ErrorCodes.Internal } });
    if (!res.ok) expect(res.error.message).not.toMatch(/\n\s+at /);
    expect(log).toHaveBeenCalled();
  });
});

describe('main services', () => {
  it('only imports absolute paths', async () => {
    const route = createIpcRouter(services(fakeEngine(async () => ({}))));
    const res = await route('importDataset', { jobId: 'j1', options: { path: 'relative/x.csv' } });
    expect(res).toMatchObject({ ok: false, error: { code: ErrorCodes.InvalidPayload } });
  });

  it('cancels a running job by its id and reports progress on it', async () => {
    const emitted: unknown[] = [];
    const engine = fakeEngine(
      (_kind, _payload, opts) =>
        new Promise((_resolve, reject) => {
          opts?.signal?.addEventListener('abort', () =>
            reject(new EngineError(ErrorCodes.Cancelled, 'Cancelled.')),
          );
        }),
    );
    const svc = testServices(engine, null, { samplesDir: '/samples', emit: (e) => emitted.push(e) });
    const running = svc.openSample({ id: 'iris', jobId: 'job-1' });
    expect(await svc.cancelJob({ jobId: 'job-1' })).toEqual({ cancelled: true });
    await expect(running).rejects.toMatchObject({ code: ErrorCodes.Cancelled });
    expect(await svc.cancelJob({ jobId: 'job-1' })).toEqual({ cancelled: false });
  });

  it('passes the dialog answer through, null when the user cancels', async () => {
    expect(
      await services(
        fakeEngine(async () => ({})),
        '/home/a/data.csv',
      ).chooseDataFile({}),
    ).toEqual({ path: '/home/a/data.csv' });
    expect(
      await services(
        fakeEngine(async () => ({})),
        null,
      ).chooseDataFile({}),
    ).toBeNull();
  });
});

describe('datasets across an engine restart', () => {
  it('reads the still-open file again into a replaced engine, keeping the id the renderer holds', async () => {
    const calls: [string, unknown][] = [];
    let next = 1;
    const engine = {
      generation: 1,
      call: (async (kind: string, payload: unknown) => {
        calls.push([kind, payload]);
        if (kind === 'dataset.import') return { datasetId: `ds${next++}` };
        if (kind === 'dataset.rows') return { rows: payload };
        return {};
      }) as EngineCaller['call'],
    };
    const svc = services(engine);
    const summary = await svc.importDataset({
      jobId: 'j1',
      options: { path: '/data/a.csv', delimiter: ';' },
    });
    expect(summary.datasetId).toBe('ds1');
    await svc.getRows({ datasetId: 'ds1', start: 0, count: 2 });
    expect(calls.at(-1)).toEqual(['dataset.rows', { datasetId: 'ds1', start: 0, count: 2 }]);

    engine.generation = 2; // the engine crashed and was replaced
    await svc.getRows({ datasetId: 'ds1', start: 0, count: 2 });
    expect(calls.slice(-2)).toEqual([
      ['dataset.import', { path: '/data/a.csv', delimiter: ';' }],
      ['dataset.rows', { datasetId: 'ds2', start: 0, count: 2 }],
    ]);
    await expect(svc.getRows({ datasetId: 'nope', start: 0, count: 1 })).rejects.toMatchObject({
      code: ErrorCodes.UnknownDataset,
    });
  });
});

describe('datasets across an engine restart: one re-read for calls at once', () => {
  it('reads the file once for two calls arriving together, and again on the next call if that read failed', async () => {
    const imports: unknown[] = [];
    let next = 1;
    let failNext = false;
    let release: () => void = () => {};
    const engine = {
      generation: 1,
      call: (async (kind: string, payload: unknown) => {
        if (kind === 'dataset.import') {
          imports.push(payload);
          if (imports.length > 1) await new Promise<void>((r) => (release = r));
          if (failNext) {
            failNext = false;
            throw Object.assign(new Error('The file was not found.'), { code: 'file_not_found' });
          }
          return { datasetId: `ds${next++}` };
        }
        return { rows: payload };
      }) as EngineCaller['call'],
    };
    const svc = services(engine);
    await svc.importDataset({ jobId: 'j1', options: { path: '/data/a.csv' } });

    engine.generation = 2;
    const both = Promise.all([
      svc.getRows({ datasetId: 'ds1', start: 0, count: 1 }),
      svc.getRows({ datasetId: 'ds1', start: 1, count: 1 }),
    ]);
    await new Promise((r) => setTimeout(r, 10));
    release();
    const rows = (await both) as unknown as { rows: { datasetId: string } }[];
    expect(imports).toHaveLength(2); // the first import, then ONE re-read
    expect(rows.map((r) => r.rows.datasetId)).toEqual(['ds2', 'ds2']);

    engine.generation = 3;
    failNext = true;
    const failed = svc.getRows({ datasetId: 'ds1', start: 0, count: 1 });
    await new Promise((r) => setTimeout(r, 10));
    release();
    await expect(failed).rejects.toThrow(/not found/);
    const retried = svc.getRows({ datasetId: 'ds1', start: 0, count: 1 });
    await new Promise((r) => setTimeout(r, 10));
    release();
    expect(((await retried) as unknown as { rows: { datasetId: string } }).rows.datasetId).toBe('ds3');
    expect(imports).toHaveLength(4);
  });

  it('a cancelled caller stops waiting for the re-read at once', async () => {
    let release: () => void = () => {};
    const engine = {
      generation: 1,
      call: (async (kind: string, payload: unknown) => {
        if (kind === 'dataset.import') {
          if (engine.generation > 1) await new Promise<void>((r) => (release = r));
          return { datasetId: 'ds1' };
        }
        return payload;
      }) as EngineCaller['call'],
    };
    const svc = services(engine);
    await svc.importDataset({ jobId: 'j1', options: { path: '/data/a.csv' } });
    engine.generation = 2;
    const fit = svc.fit({ jobId: 'f1', request: { datasetId: 'ds1' } as never });
    await new Promise((r) => setTimeout(r, 10));
    await svc.cancelJob({ jobId: 'f1' });
    await expect(fit).rejects.toMatchObject({ code: ErrorCodes.Cancelled });
    release();
  });
});

describe('every window.mixlab method has an argument schema that refuses wrong types', () => {
  /** Services that record calls: a refused argument must never reach one. */
  const ran: string[] = [];
  const recording = new Proxy({} as MixlabServices, {
    get: (_target, name) => async () => {
      ran.push(String(name));
      return null;
    },
  });
  const route = createIpcRouter(recording);

  /** One field of the right name with the wrong type, per method that has fields. */
  const wrongField: Partial<Record<MixlabMethod, unknown>> = {
    openSample: { id: 'iris', jobId: 42 },
    importDataset: { jobId: 'j1', options: { path: 42 } },
    previewDataset: { options: { path: ['/a.csv'] } },
    getRows: { datasetId: 'd1', start: '0', count: 1 },
    getColumnValues: { datasetId: 'd1', columns: ['0'] },
    fit: { jobId: 'j1', request: 'fit' },
    sweep: { jobId: 'j1', request: 7 },
    closeDataset: { datasetId: 5 },
    cancelJob: { jobId: {} },
    chooseSavePath: { purpose: 'passwd' },
    chooseOpenPath: { purpose: 1 },
    exportLabels: { jobId: 'j1', datasetId: 'd1', model: 'model', path: '/x.csv' },
    applyModel: { datasetId: 'd1', model: null },
    exportModel: { path: 5, model: {} },
    loadModel: { path: true },
    saveProject: { path: '/a.mixlab', state: 'state' },
    openProject: { path: ['/a.mixlab'] },
    checkDataSource: { dataSource: 'x' },
    extractEmbeddedData: { path: null },
    autosave: { state: 5 },
    chooseFrameSource: { kind: 'video' },
    runBackground: { jobId: 'j1', source: 'relative/frames' },
    getBackgroundFrame: { runId: 'run-1', index: 0, box: { maxWidth: 4096, maxHeight: 10 } },
    exportBackgroundMasks: { jobId: 'j1', runId: 'run-1', folder: 7 },
    closeBackgroundRun: { runId: '/tmp' },
  };

  it.each([...MIXLAB_METHODS])(
    '%s: a number, a string, null, an array, an unknown key or a wrong-typed field is refused',
    async (method) => {
      const args: unknown[] = [42, 'x', null, [], { unexpected: true }];
      if (wrongField[method] !== undefined) args.push(wrongField[method]);
      for (const arg of args) {
        const res = await route(method, arg);
        expect(res, `${method}(${JSON.stringify(arg)})`).toMatchObject({
          ok: false,
          error: { code: ErrorCodes.InvalidPayload },
        });
      }
      expect(ran).toEqual([]);
    },
  );
});
