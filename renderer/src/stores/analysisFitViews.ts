/**
 * The per-row work on the current fit, off the renderer thread (lib/fitViewsRunner.ts): the views'
 * data (scatter, histogram, certainty…) and the data table's order. Made inside the analysis
 * store's setup (as analysisRoles.ts), so the store stays one store in small files.
 */
import { onScopeDispose, ref, shallowRef, type ComputedRef, type Ref, type ShallowRef } from 'vue';
import type { ColumnSummary, DatasetSummary } from '../../../shared/data/types';
import type { Preprocessing } from '../../../shared/engine/model/types';
import { toUserError } from '../api/userError';
import type { AnalysisViewSettings, CurrentFit } from '../lib/analysisState';
import type { CategoryColumnInput } from '../lib/categoryShares';
import { certaintyInSlices } from '../lib/certaintyInSlices';
import type { FitViews } from '../lib/fitViews';
import { createFitViewsRunner, type FitViewsRunner } from '../lib/fitViewsRunner';

interface FitViewsDeps {
  current: ShallowRef<CurrentFit | null>;
  view: Ref<AnalysisViewSettings>;
  summary: () => DatasetSummary | null;
  columns: ComputedRef<readonly ColumnSummary[]>;
  modelColumns: ComputedRef<readonly ColumnSummary[]>;
  columnValues: ShallowRef<Map<number, Float64Array>>;
  loadColumns: (indices: number[]) => Promise<void>;
  categoryInputs: (preprocessing: Preprocessing) => Promise<CategoryColumnInput[]>;
}

export function useFitViews(deps: FitViewsDeps) {
  const views = shallowRef<FitViews | null>(null);
  const viewsError = ref<string | null>(null);
  /** Data table order for the current fit (dataset rows); null = file order. */
  const tableRows = shallowRef<Uint32Array | null>(null);
  const tableSorting = ref(false);
  let runner: FitViewsRunner | null = null;
  onScopeDispose(() => runner?.dispose());

  /** Runs the per-row work for the current fit (worker), after fetching the columns it needs. */
  async function computeViews(): Promise<void> {
    const fit = deps.current.value;
    const summary = deps.summary();
    if (!fit || !summary) return;
    const modelColumns = deps.modelColumns.value.map((c) => c.index);
    await deps.loadColumns(modelColumns);
    const cache = deps.columnValues.value;
    const wanted = [...new Set([...fit.request.columns, ...modelColumns])];
    const cols = wanted
      .filter((i) => cache.has(i))
      .map((i) => ({
        index: i,
        name: deps.columns.value.find((c) => c.index === i)?.displayName ?? String(i),
        values: cache.get(i)!,
      }));
    const categories = await deps.categoryInputs(fit.response.preprocessing);
    runner ??= createFitViewsRunner();
    try {
      const { resp, params } = fit.response.fit;
      const certainty = await certaintyInSlices(resp, fit.response.rowIndex.length, params.nComponents);
      if (deps.current.value?.id !== fit.id) return;
      const result = await runner.views(fit.id, {
        datasetRows: summary.rows,
        params: fit.response.fit.params,
        preprocessing: fit.response.preprocessing,
        labels: fit.response.fit.labels,
        certainty,
        rowIndex: fit.response.rowIndex,
        columns: cols,
        categories,
      });
      if (deps.current.value?.id !== fit.id) return;
      views.value = result;
      viewsError.value = null;
      await applyTableOrder();
    } catch (err) {
      if (deps.current.value?.id === fit.id) viewsError.value = toUserError(err).message;
    }
  }

  async function applyTableOrder(): Promise<void> {
    const fit = deps.current.value;
    if (!fit || !views.value || !runner) {
      tableRows.value = null;
      return;
    }
    tableSorting.value = true;
    try {
      const rows = await runner.order(fit.id, { ...deps.view.value.table });
      if (deps.current.value?.id === fit.id) tableRows.value = rows;
    } catch {
      // A newer fit replaced this one; its own order follows.
    } finally {
      tableSorting.value = false;
    }
  }

  /** A new current fit (or none): its views are computed afresh. */
  function clear(): void {
    views.value = null;
    viewsError.value = null;
    tableRows.value = null;
  }

  return { views, viewsError, tableRows, tableSorting, computeViews, applyTableOrder, clear };
}
