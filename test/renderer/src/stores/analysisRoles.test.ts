import { describe, expect, it } from 'vitest';
import type { DatasetSummary } from '../../../../shared/data/types';
import { useAnalysisStore } from '../../../../renderer/src/stores/analysis';
import { useCategoriesStore } from '../../../../renderer/src/stores/categories';
import { useDatasetStore } from '../../../../renderer/src/stores/dataset';
import { createFakeApi, flush, installStores } from '../../support/fakeApi';

/** Gender (text, one cell missing), a 1–5 rating, a count with 12 values, a weight column. */
const summary: DatasetSummary = {
  datasetId: 'ds-r',
  file: '/data/survey.csv',
  format: 'csv',
  encoding: 'utf-8',
  bom: false,
  delimiter: ',',
  decimal: '.',
  thousands: null,
  header: true,
  rows: 12,
  columns: [
    { index: 0, name: 'Gender', displayName: 'Gender', kind: 'categorical', missing: 1, distinct: 2 },
    {
      index: 1,
      name: 'Rating',
      displayName: 'Rating',
      kind: 'numeric',
      missing: 1,
      count: 5,
      min: 1,
      max: 5,
      mean: 3,
      std: 1.5,
    },
    {
      index: 2,
      name: 'Visits',
      displayName: 'Visits',
      kind: 'numeric',
      missing: 0,
      count: 6,
      min: 0,
      max: 40,
      mean: 9,
      std: 14,
    },
    {
      index: 3,
      name: 'Freq',
      displayName: 'Freq',
      kind: 'numeric',
      missing: 0,
      count: 6,
      min: 1,
      max: 4,
      mean: 2,
      std: 1,
    },
  ],
  errors: [],
  sizeBytes: 100,
};
const VALUES: Record<number, Float64Array> = {
  1: Float64Array.of(1, 2, Number.NaN, 4, 5, 3, 1, 2, 3, 4, 5, 3),
  2: Float64Array.of(0, 3, 40, 2, 7, 1, 11, 12, 13, 14, 15, 16),
  3: Float64Array.of(1, 2, 1, 4, 2, 2, 1, 1, 1, 1, 1, 1),
};
const GENDER = Int32Array.of(0, 1, -1, 0, 1, 1, 0, 0, 0, 1, 1, 1);

function setup() {
  const api = createFakeApi({
    openSample: async () => summary,
    getColumnValues: async ({ columns }: { columns: number[] }) => ({
      columns,
      values: columns.map((c) => VALUES[c]),
    }),
    getCategories: async ({ columns }: { columns: number[] }) => ({
      columns,
      levels: columns.map(() => ['Female', 'Male']),
      codes: columns.map(() => GENDER),
    }),
  });
  installStores(api);
  return { api, dataset: useDatasetStore(), analysis: useAnalysisStore() };
}

describe('analysis store: column roles', () => {
  it('takes a text column in as categories only when asked, and lists it as categorical in the request', async () => {
    const ctx = setup();
    await ctx.dataset.openSample('mall_customers');
    await flush();
    ctx.analysis.toggleColumn(0);
    expect(ctx.analysis.selection).toEqual([]);
    ctx.analysis.includeAsCategories(0);
    ctx.analysis.toggleColumn(1);
    await flush();
    expect(ctx.analysis.selection).toEqual([0, 1]);
    expect(ctx.analysis.request).toMatchObject({ columns: [0, 1], categorical: [0] });
    expect(ctx.analysis.family(0)).toBe('categorical');
    // Deselected and selected again by a click: it stays a categorical column.
    ctx.analysis.toggleColumn(0);
    ctx.analysis.toggleColumn(0);
    expect(ctx.analysis.selection).toEqual([0, 1]);
  });

  it('counts the missing cells the fit will model, text columns included', async () => {
    const ctx = setup();
    await ctx.dataset.openSample('mall_customers');
    await flush();
    ctx.analysis.includeAsCategories(0);
    ctx.analysis.toggleColumn(1);
    await flush();
    // Row 2 has both cells missing (left out); no other missing cell.
    expect(ctx.analysis.missing).toEqual({ rowsWithMissing: 1, rowsAllMissing: 1, cells: 0 });
    ctx.analysis.toggleColumn(2);
    expect(ctx.analysis.missing).toEqual({ rowsWithMissing: 1, rowsAllMissing: 0, cells: 2 });
  });

  it('suggests categories for a few-valued Gaussian column, and carries counts, weights and the missing mode', async () => {
    const ctx = setup();
    await ctx.dataset.openSample('mall_customers');
    await flush();
    ctx.analysis.selectAllNumeric();
    await flush();
    expect(ctx.analysis.fewValued).toEqual([1, 3]);
    ctx.analysis.setWeights(3);
    expect(ctx.analysis.selection).toEqual([1, 2]);
    ctx.analysis.setFamily(1, 'categorical');
    ctx.analysis.setFamily(2, 'count');
    ctx.analysis.setMissing('drop');
    expect(ctx.analysis.fewValued).toEqual([]);
    expect(ctx.analysis.request).toMatchObject({
      columns: [1, 2],
      categorical: [1],
      counts: [2],
      weights: 3,
      missing: 'drop',
    });
    // The weight column cannot be clicked into the model.
    ctx.analysis.toggleColumn(3);
    expect(ctx.analysis.selection).toEqual([1, 2]);
  });

  it('saves the roles with the state and restores them over the dataset', async () => {
    const ctx = setup();
    await ctx.dataset.openSample('mall_customers');
    await flush();
    ctx.analysis.includeAsCategories(0);
    ctx.analysis.toggleColumn(2);
    ctx.analysis.setFamily(2, 'binomial', 40);
    ctx.analysis.setWeights(3);
    const state = ctx.analysis.exportState();
    expect(state.roles).toEqual({
      categorical: [0],
      counts: [],
      binomial: [{ column: 2, trials: 40 }],
      weights: 3,
      missing: 'model',
    });
    const before = ctx.analysis.request;
    ctx.analysis.clearSelection();
    ctx.analysis.setWeights(null);
    ctx.analysis.setFamily(2, 'gaussian');
    await ctx.analysis.restoreState(state);
    expect(ctx.analysis.request).toEqual(before);
  });

  it('keeps the codes of a text column taken in as categories in the one categories store the views read', async () => {
    const ctx = setup();
    await ctx.dataset.openSample('mall_customers');
    await flush();
    ctx.analysis.includeAsCategories(0);
    await flush();
    const categories = useCategoriesStore();
    expect(categories.columns.get(0)?.codes).toEqual(GENDER);
    // The Clusters view asking for the same column finds it: the engine was asked once.
    await categories.load([0]);
    expect(ctx.api.calls.filter((c) => c.method === 'getCategories')).toHaveLength(1);
  });

  it('sends the default covariance type while no selected column is Gaussian, whatever the hidden choice', async () => {
    const ctx = setup();
    await ctx.dataset.openSample('mall_customers');
    await flush();
    expect(ctx.analysis.covarianceApplies).toBe(true);
    ctx.analysis.setSetting('covarianceType', 'spherical');
    ctx.analysis.includeAsCategories(0);
    ctx.analysis.toggleColumn(2);
    ctx.analysis.setFamily(2, 'count');
    expect(ctx.analysis.covarianceApplies).toBe(false);
    expect(ctx.analysis.request!.options.covarianceType).toBe('full');
    ctx.analysis.setSetting('covarianceType', 'tied');
    expect(ctx.analysis.request!.options.covarianceType).toBe('full');
    ctx.analysis.toggleColumn(1);
    expect(ctx.analysis.covarianceApplies).toBe(true);
    expect(ctx.analysis.request!.options.covarianceType).toBe('tied');
  });
});
