import { describe, expect, it } from 'vitest';
import { MixlabError } from '../../../../shared/api';
import type { ImportOptions, PreviewResult } from '../../../../shared/data/types';
import { useDatasetStore } from '../../../../renderer/src/stores/dataset';
import {
  PREVIEW_DEBOUNCE_MS,
  previewProblems,
  useImportDialogStore,
} from '../../../../renderer/src/stores/importDialog';
import { useNoticesStore } from '../../../../renderer/src/stores/notices';
import { createFakeApi, deferred, flush, installStores, irisSummary } from '../../support/fakeApi';

/** What the engine previews for a semicolon file read with the given decimal mark. */
function previewOf(options: ImportOptions): PreviewResult {
  const comma = (options.decimal ?? ',') === ',';
  return {
    file: options.path,
    format: 'csv',
    encoding: options.encoding ?? 'utf-8',
    bom: false,
    delimiter: ';',
    decimal: comma ? ',' : '.',
    thousands: comma ? '.' : null,
    header: ['Menge', 'Preis'],
    rows: [
      ['5', '1.234,5'],
      ['7', '2,5'],
    ],
    columns: [
      { index: 0, name: 'Menge', displayName: 'Menge', kind: 'numeric', missing: 0, mean: 6 },
      comma
        ? { index: 1, name: 'Preis', displayName: 'Preis', kind: 'numeric', missing: 0, mean: 618.5 }
        : { index: 1, name: 'Preis', displayName: 'Preis', kind: 'categorical', missing: 0, distinct: 2 },
    ],
    sizeBytes: 40,
    complete: true,
  };
}

const waitForDebounce = () => new Promise((resolve) => setTimeout(resolve, PREVIEW_DEBOUNCE_MS + 50));
const previewCalls = (api: ReturnType<typeof createFakeApi>) =>
  api.calls
    .filter((c) => c.method === 'previewDataset')
    .map((c) => (c.arg as { options: ImportOptions }).options);

describe('import dialog store', () => {
  it('shows the preview of the file the user picked, and imports nothing yet', async () => {
    const api = createFakeApi({
      chooseDataFile: async () => ({ path: '/data/de.csv' }),
      previewDataset: async ({ options }: { options: ImportOptions }) => previewOf(options),
    });
    installStores(api);
    await useDatasetStore().openFile();
    const dialog = useImportDialogStore();
    expect(dialog.open).toBe(true);
    expect(dialog.path).toBe('/data/de.csv');
    expect(dialog.preview?.decimal).toBe(',');
    expect(dialog.preview?.columns.map((c) => c.kind)).toEqual(['numeric', 'numeric']);
    expect(previewCalls(api)).toEqual([{ path: '/data/de.csv' }]);
    expect(api.calls.some((c) => c.method === 'importDataset')).toBe(false);
  });

  it('previews again with a changed setting, after a pause, and keeps only the latest answer', async () => {
    const api = createFakeApi({
      previewDataset: async ({ options }: { options: ImportOptions }) => previewOf(options),
    });
    installStores(api);
    const dialog = useImportDialogStore();
    await dialog.show('/data/de.csv');
    dialog.setOverride('encoding', 'windows-1252');
    dialog.setOverride('decimal', '.');
    expect(previewCalls(api)).toHaveLength(1); // debounced: nothing asked yet
    await waitForDebounce();
    await flush();
    expect(previewCalls(api)).toEqual([
      { path: '/data/de.csv' },
      { path: '/data/de.csv', encoding: 'windows-1252', decimal: '.' },
    ]);
    expect(dialog.preview?.decimal).toBe('.');
    expect(dialog.preview?.encoding).toBe('windows-1252');
    expect(dialog.preview?.columns[1]?.kind).toBe('categorical');
    expect(dialog.loading).toBe(false);
  });

  it('imports with the settings the user chose when they confirm', async () => {
    const api = createFakeApi({
      previewDataset: async ({ options }: { options: ImportOptions }) => previewOf(options),
    });
    installStores(api);
    const dialog = useImportDialogStore();
    const dataset = useDatasetStore();
    await dialog.show('/data/de.csv');
    dialog.setOverride('decimal', '.');
    await waitForDebounce();
    await dialog.confirm();
    expect(dialog.open).toBe(false);
    const imported = api.calls.find((c) => c.method === 'importDataset')?.arg as { options: ImportOptions };
    expect(imported.options).toEqual({ path: '/data/de.csv', decimal: '.' });
    expect(dataset.summary).toEqual(irisSummary);
    // An engine restart reads the file again with the same settings.
    expect(dataset.source).toEqual({ kind: 'file', path: '/data/de.csv', overrides: { decimal: '.' } });
  });

  it('imports nothing when the user cancels', async () => {
    const api = createFakeApi({
      previewDataset: async ({ options }: { options: ImportOptions }) => previewOf(options),
    });
    installStores(api);
    const dialog = useImportDialogStore();
    await dialog.show('/data/de.csv');
    dialog.setOverride('decimal', '.');
    dialog.close();
    await waitForDebounce();
    expect(dialog.open).toBe(false);
    expect(dialog.preview).toBeNull();
    expect(previewCalls(api)).toHaveLength(1); // the pending re-preview was dropped
    expect(api.calls.some((c) => c.method === 'importDataset')).toBe(false);
    expect(useDatasetStore().summary).toBeNull();
  });

  it('reports a file rejected outright in the error banner, by its code, without a dialog', async () => {
    const api = createFakeApi({
      previewDataset: async () => {
        throw new MixlabError('empty_file', 'The file is empty (0 bytes).');
      },
    });
    installStores(api);
    const dialog = useImportDialogStore();
    await dialog.show('/data/empty.csv');
    expect(dialog.open).toBe(false);
    expect(useNoticesStore().error).toEqual({
      code: 'empty_file',
      message: 'The file is empty (0 bytes).',
      context: 'import',
    });
  });

  it('shows a failure of the user’s settings in the dialog and blocks nothing else', async () => {
    const api = createFakeApi({
      previewDataset: async ({ options }: { options: ImportOptions }) => {
        if (options.encoding === 'utf-16le') throw new MixlabError('not_text', 'Not text in UTF-16LE.');
        return previewOf(options);
      },
    });
    installStores(api);
    const dialog = useImportDialogStore();
    await dialog.show('/data/de.csv');
    dialog.setOverride('encoding', 'utf-16le');
    await waitForDebounce();
    await flush();
    expect(dialog.open).toBe(true);
    expect(dialog.error?.code).toBe('not_text');
    expect(dialog.preview?.encoding).toBe('utf-8'); // the last good preview stays on screen
    dialog.setOverride('encoding', 'utf-8');
    await waitForDebounce();
    await flush();
    expect(dialog.error).toBeNull();
  });

  it('drops a preview answer that arrives after the dialog moved on', async () => {
    const slow = deferred<PreviewResult>();
    let first = true;
    const api = createFakeApi({
      previewDataset: ({ options }: { options: ImportOptions }) => {
        if (first) {
          first = false;
          return slow.promise;
        }
        return Promise.resolve(previewOf(options));
      },
    });
    installStores(api);
    const dialog = useImportDialogStore();
    const showing = dialog.show('/data/a.csv');
    dialog.close();
    slow.resolve(previewOf({ path: '/data/a.csv' }));
    await showing;
    expect(dialog.open).toBe(false);
    expect(dialog.preview).toBeNull();
  });
});

describe('previewProblems', () => {
  it('lists text in number columns, infinite values and renamed headers', () => {
    const preview = previewOf({ path: '/x.csv' });
    preview.columns = [
      { index: 0, name: '', displayName: 'Column 1', kind: 'numeric', missing: 0 },
      { index: 1, name: 'x', displayName: 'x', kind: 'mixed', missing: 0, nonNumeric: 3, nonfinite: 1 },
    ];
    expect(previewProblems(preview)).toEqual([
      { kind: 'renamed', column: 'Column 1', name: '' },
      { kind: 'mixed', column: 'x', count: 3 },
      { kind: 'nonfinite', column: 'x', count: 1 },
    ]);
    expect(previewProblems(previewOf({ path: '/x.csv' }))).toEqual([]);
  });
});

describe('import dialog store: the first line and summary rows', () => {
  it('lists summary rows found in the preview, and previews again with the header choice', async () => {
    const headerless = (options: ImportOptions): PreviewResult => ({
      ...previewOf(options),
      header: options.header ? ['5', '1.234,5'] : [],
      hasHeader: options.header ?? false,
      totalRows: 2,
    });
    const api = createFakeApi({
      chooseDataFile: async () => ({ path: '/data/n.csv' }),
      previewDataset: async ({ options }: { options: ImportOptions }) => headerless(options),
    });
    installStores(api);
    await useDatasetStore().openFile();
    const dialog = useImportDialogStore();
    expect(dialog.preview?.hasHeader).toBe(false);
    expect(dialog.problems[0]).toEqual({ kind: 'totalRows', count: 2 });
    dialog.setOverride('header', true);
    await waitForDebounce();
    expect(previewCalls(api).at(-1)).toEqual({ path: '/data/n.csv', header: true });
    expect(dialog.preview?.hasHeader).toBe(true);
  });
});

describe('import dialog store: an image', () => {
  it('keeps the colour space and x, y as one image option, previews with it and imports with it', async () => {
    const api = createFakeApi({
      previewDataset: async ({ options }: { options: ImportOptions }) => ({
        ...previewOf(options),
        format: 'png',
        image: { type: 'png', width: 4, height: 2, channels: 3, maxValue: 255 },
      }),
    });
    installStores(api);
    const dialog = useImportDialogStore();
    useDatasetStore(); // connects the importer
    await dialog.show('/photos/leaf.png');
    dialog.setImageOption('colour', 'lab');
    dialog.setImageOption('xy', true);
    await waitForDebounce();
    await flush();
    expect(previewCalls(api).at(-1)).toEqual({
      path: '/photos/leaf.png',
      image: { colour: 'lab', xy: true },
    });
    dialog.setImageOption('colour', 'both');
    await waitForDebounce();
    await dialog.confirm();
    const imported = api.calls.find((c) => c.method === 'importDataset')?.arg as { options: ImportOptions };
    expect(imported.options).toEqual({ path: '/photos/leaf.png', image: { colour: 'both', xy: true } });
  });
});
