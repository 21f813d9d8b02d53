import { describe, expect, it } from 'vitest';
import { MixlabError } from '../../../../shared/api';
import type { ImportOptions } from '../../../../shared/data/types';
import { parseImportProgress } from '../../../../renderer/src/lib/jobProgress';
import { useDatasetStore } from '../../../../renderer/src/stores/dataset';
import { useImportDialogStore } from '../../../../renderer/src/stores/importDialog';
import { useNoticesStore } from '../../../../renderer/src/stores/notices';
import { createFakeApi, deferred, flush, installStores, irisSummary } from '../../support/fakeApi';

describe('dataset store', () => {
  it('opens a sample through the engine and holds its summary', async () => {
    const api = createFakeApi();
    installStores(api);
    const dataset = useDatasetStore();
    await dataset.openSample('iris');
    expect(dataset.summary).toEqual(irisSummary);
    expect(dataset.source).toEqual({ kind: 'sample', id: 'iris' });
    expect(dataset.busy).toBe(false);
    const call = api.calls.find((c) => c.method === 'openSample');
    expect(call?.arg).toMatchObject({ id: 'iris', jobId: expect.stringMatching(/^import-/) });
  });

  it('shows import progress from progress events of its own job only', async () => {
    const gate = deferred<typeof irisSummary>();
    const api = createFakeApi({ importDataset: () => gate.promise });
    installStores(api);
    const dataset = useDatasetStore();
    const listenersAtRest = api.listenerCount();
    const opening = dataset.openPath('/data/big.csv');
    await flush();
    const job = dataset.openJob!;
    expect(api.listenerCount()).toBe(listenersAtRest + 1);
    expect(job.source).toEqual({ kind: 'file', path: '/data/big.csv' });
    expect(job.fraction).toBeNull();

    api.emit({
      type: 'progress',
      jobId: job.jobId,
      progress: { bytesRead: 25, totalBytes: 100, rows: 1000 },
    });
    api.emit({
      type: 'progress',
      jobId: 'someone-else',
      progress: { bytesRead: 99, totalBytes: 100, rows: 9 },
    });
    expect(dataset.openJob?.fraction).toBe(0.25);
    expect(dataset.openJob?.rowsRead).toBe(1000);

    gate.resolve(irisSummary);
    await opening;
    expect(dataset.openJob).toBeNull();
    // The job's progress subscription ends with the job.
    expect(api.listenerCount()).toBe(listenersAtRest);
  });

  it('reports an import rejection as a message with its code, and keeps the start screen', async () => {
    const api = createFakeApi({
      importDataset: async () => {
        throw new MixlabError(
          'not_text',
          'This is an Excel workbook saved with a .csv name.\n    at parse (importer.ts:12)',
        );
      },
    });
    installStores(api);
    const dataset = useDatasetStore();
    const notices = useNoticesStore();
    await dataset.openPath('/data/book.csv');
    expect(dataset.summary).toBeNull();
    expect(notices.error).toEqual({
      code: 'not_text',
      message: 'This is an Excel workbook saved with a .csv name.',
      context: 'import',
    });
  });

  it('reads errors that crossed the context bridge as plain objects', async () => {
    const api = createFakeApi({
      openSample: () => Promise.reject({ code: 'engine_crashed', message: 'The engine stopped.' }),
    });
    installStores(api);
    await useDatasetStore().openSample('faithful');
    expect(useNoticesStore().error).toMatchObject({ code: 'engine_crashed', message: 'The engine stopped.' });
  });

  it('does nothing when the user cancels the open dialog', async () => {
    const api = createFakeApi({ chooseDataFile: async () => null });
    installStores(api);
    const dataset = useDatasetStore();
    await dataset.openFile();
    expect(api.calls.map((c) => c.method)).toEqual(['chooseDataFile']);
    expect(dataset.summary).toBeNull();
    expect(useNoticesStore().error).toBeNull();
  });

  it('cancels a running import by its job id without showing an error', async () => {
    const gate = deferred<typeof irisSummary>();
    const api = createFakeApi({
      openSample: () => gate.promise,
      cancelJob: async ({ jobId }: { jobId: string }) => {
        gate.reject(new MixlabError('cancelled', `Job ${jobId} was cancelled.`));
        return { cancelled: true };
      },
    });
    installStores(api);
    const dataset = useDatasetStore();
    const opening = dataset.openSample('mall_customers');
    await flush();
    const jobId = dataset.openJob!.jobId;
    await dataset.cancelOpen();
    await opening;
    expect(api.calls.find((c) => c.method === 'cancelJob')?.arg).toEqual({ jobId });
    expect(dataset.openJob).toBeNull();
    expect(dataset.summary).toBeNull();
    expect(useNoticesStore().error).toBeNull();
  });

  it('frees an import that finished after the engine took its cancel, and keeps the data open before', async () => {
    const gate = deferred<typeof irisSummary>();
    const late = { ...irisSummary, datasetId: 'ds-late' };
    const api = createFakeApi({
      openSample: () => gate.promise,
      cancelJob: async () => {
        // The engine took the cancel, but the import finished before it looked: it holds the table.
        setTimeout(() => gate.resolve(late), 0);
        return { cancelled: true };
      },
      closeDataset: async () => ({ released: true }),
    });
    installStores(api);
    const dataset = useDatasetStore();
    const opening = dataset.openSample('mall_customers');
    await flush();
    await dataset.cancelOpen();
    expect(dataset.openJob).toBeNull();
    await opening;
    await flush();
    expect(dataset.summary).toBeNull();
    expect(api.calls.filter((c) => c.method === 'closeDataset').map((c) => c.arg)).toEqual([
      { datasetId: 'ds-late' },
    ]);
  });

  it('frees the dataset it replaces, and the last one when the page goes back to the start screen', async () => {
    let n = 0;
    const api = createFakeApi({
      openSample: async () => ({ ...irisSummary, datasetId: `ds-${++n}` }),
      closeDataset: async () => ({ released: true }),
    });
    installStores(api);
    const dataset = useDatasetStore();
    await dataset.openSample('iris');
    await dataset.openSample('faithful');
    dataset.close();
    await flush();
    expect(api.calls.filter((c) => c.method === 'closeDataset').map((c) => c.arg)).toEqual([
      { datasetId: 'ds-1' },
      { datasetId: 'ds-2' },
    ]);
  });

  it('previews a dropped file, by the path the bridge gives for it, in the import dialog', async () => {
    const api = createFakeApi({
      pathForDroppedFile: (file: unknown) => `/dropped/${(file as { name: string }).name}`,
      previewDataset: async () => ({ ...irisSummary, rows: [], complete: true }),
    });
    installStores(api);
    const dataset = useDatasetStore();
    expect(await dataset.openDropped({ name: 'sales.tsv' })).toBe(true);
    const options = (api.calls.find((c) => c.method === 'previewDataset')?.arg as { options: ImportOptions })
      .options;
    expect(options).toEqual({ path: '/dropped/sales.tsv' });
    expect(useImportDialogStore().path).toBe('/dropped/sales.tsv');
    expect(api.calls.some((c) => c.method === 'importDataset')).toBe(false);
  });

  it('says so when the bridge cannot tell a dropped file’s path', async () => {
    installStores(createFakeApi());
    expect(await useDatasetStore().openDropped({ name: 'sales.tsv' })).toBe(false);
  });

  it('keeps the open data through an engine restart (the main process reloads it into the new engine)', async () => {
    const api = createFakeApi();
    installStores(api);
    const dataset = useDatasetStore();
    await dataset.openSample('iris');
    const summary = dataset.summary;
    api.emit({ type: 'engine-crashed', message: 'exit code 9', restarted: true });
    expect(dataset.lost).toBe(false);
    expect(dataset.summary).toBe(summary);
    expect(api.calls.filter((c) => c.method === 'openSample')).toHaveLength(1);
  });

  it('marks the open data as lost when the engine could not be restarted, and reopens it from its source', async () => {
    const api = createFakeApi();
    installStores(api);
    const dataset = useDatasetStore();
    await dataset.openSample('iris');
    api.emit({ type: 'engine-crashed', message: 'exit code 9', restarted: false });
    expect(dataset.lost).toBe(true);
    await dataset.reopen();
    expect(dataset.lost).toBe(false);
    expect(api.calls.filter((c) => c.method === 'openSample')).toHaveLength(2);
  });

  it('fetches row windows of the open dataset by its id', async () => {
    const api = createFakeApi();
    installStores(api);
    const dataset = useDatasetStore();
    expect(await dataset.fetchRows(0, 3)).toEqual([]);
    await dataset.openSample('iris');
    expect(await dataset.fetchRows(10, 2)).toEqual([['10'], ['11']]);
    expect(api.calls.find((c) => c.method === 'getRows')?.arg).toEqual({
      datasetId: 'ds-1',
      start: 10,
      count: 2,
    });
  });

  it('unsubscribes from engine events when disposed', () => {
    const api = createFakeApi();
    installStores(api);
    const dataset = useDatasetStore();
    const before = api.listenerCount();
    dataset.$dispose();
    expect(api.listenerCount()).toBe(before - 1);
  });
});

describe('parseImportProgress', () => {
  it('reads the engine’s import progress by shape', () => {
    expect(parseImportProgress({ bytesRead: 1, totalBytes: 2, rows: 3 })).toEqual({
      bytesRead: 1,
      totalBytes: 2,
      rows: 3,
    });
    expect(parseImportProgress({ bytesRead: 1, totalBytes: 2 })).toEqual({
      bytesRead: 1,
      totalBytes: 2,
      rows: 0,
    });
    expect(parseImportProgress({ iteration: 4 })).toBeNull();
    expect(parseImportProgress(null)).toBeNull();
  });
});
