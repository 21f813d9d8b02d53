import { describe, expect, it } from 'vitest';
import { MixlabError } from '../../../../shared/api';
import { useCategoriesStore } from '../../../../renderer/src/stores/categories';
import { useDatasetStore } from '../../../../renderer/src/stores/dataset';
import { createFakeApi, flush, installStores, irisSummary } from '../../support/fakeApi';

const species = { levels: ['setosa', 'versicolor'], codes: Int32Array.of(0, 1, -1) };

describe('categories store', () => {
  it('fetches a chosen reference column once and keeps its levels and codes', async () => {
    const api = createFakeApi({
      getCategories: async ({ columns }: { columns: number[] }) => ({
        columns,
        levels: columns.map(() => species.levels),
        codes: columns.map(() => species.codes),
      }),
    });
    installStores(api);
    const dataset = useDatasetStore();
    dataset.summary = irisSummary;
    const store = useCategoriesStore();
    store.setReference(4);
    expect(store.loading).toEqual([4]);
    await flush();
    expect(store.columns.get(4)).toEqual(species);
    expect(store.loading).toEqual([]);
    await store.load([4]);
    expect(api.calls.filter((c) => c.method === 'getCategories')).toHaveLength(1);
  });

  it('reports a failed read as a message for that column', async () => {
    const api = createFakeApi({
      getCategories: async () => {
        throw new MixlabError('internal', 'engine gone');
      },
    });
    installStores(api);
    useDatasetStore().summary = irisSummary;
    const store = useCategoriesStore();
    await store.load([4]);
    expect(store.errors[4]).toMatch(/engine gone/);
    expect(store.columns.has(4)).toBe(false);
  });

  it('forgets everything when another dataset opens', async () => {
    const api = createFakeApi({
      getCategories: async ({ columns }: { columns: number[] }) => ({
        columns,
        levels: [species.levels],
        codes: [species.codes],
      }),
    });
    installStores(api);
    const dataset = useDatasetStore();
    dataset.summary = irisSummary;
    const store = useCategoriesStore();
    store.setReference(4);
    await flush();
    dataset.summary = { ...irisSummary, datasetId: 'other' };
    await flush();
    expect(store.reference).toBeNull();
    expect(store.columns.size).toBe(0);
  });

  it('a second caller of a column in flight waits for the same engine call and then finds it', async () => {
    let release: () => void = () => {};
    const api = createFakeApi({
      getCategories: ({ columns }: { columns: number[] }) =>
        new Promise((resolve) => {
          release = () =>
            resolve({
              columns,
              levels: columns.map(() => species.levels),
              codes: columns.map(() => species.codes),
            });
        }),
    });
    installStores(api);
    useDatasetStore().summary = irisSummary;
    const store = useCategoriesStore();
    const first = store.load([4]);
    let secondDone = false;
    const second = store.load([4]).then(() => {
      secondDone = true;
      return store.columns.get(4);
    });
    await flush();
    expect(secondDone).toBe(false);
    release();
    await first;
    await expect(second).resolves.toEqual(species);
    expect(api.calls.filter((c) => c.method === 'getCategories')).toHaveLength(1);
  });
});
