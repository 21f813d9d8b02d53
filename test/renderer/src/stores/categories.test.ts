import { describe, expect, it } from 'vitest';
import { MixlabError } from '../../../../shared/api';
import { useAnalysisStore } from '../../../../renderer/src/stores/analysis';
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
  it("keeps the reference with the views' settings, and fetches the levels of one restored there", async () => {
    const api = createFakeApi({
      getCategories: async ({ columns }: { columns: number[] }) => ({
        columns,
        levels: [species.levels],
        codes: [species.codes],
      }),
    });
    installStores(api);
    useDatasetStore().summary = irisSummary;
    const store = useCategoriesStore();
    const analysis = useAnalysisStore();
    store.setReference(4);
    expect(analysis.view.compareReference).toBe(4);
    await flush();
    analysis.view = { ...analysis.view, compareReference: null };
    store.columns = new Map();
    analysis.view = { ...analysis.view, compareReference: 4 };
    expect(store.reference).toBe(4);
    await flush();
    expect(store.columns.get(4)).toEqual(species);
  });
});
