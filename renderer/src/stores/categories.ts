import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import { useClients } from '../api/clients';
import { toUserError } from '../api/userError';
import { useAnalysisStore } from './analysis';
import { useDatasetStore } from './dataset';

/** One column read as categories: its levels and each dataset row's level code (−1 = missing). */
export interface ColumnCategories {
  levels: string[];
  codes: Int32Array;
}

/**
 * Columns read as categories, for the views that compare clusters with a label (the Compare view's
 * reference column, the Clusters view's text columns): fetched from the engine once per dataset and
 * column, and the reference column the user chose — a view setting, kept with the others in the
 * analysis store so a project saves it and undo steps through it. Everything belongs to the open
 * dataset and is dropped when another one opens (column indices would mean other columns).
 */
export const useCategoriesStore = defineStore('categories', () => {
  const clients = useClients();
  const dataset = useDatasetStore();
  const analysis = useAnalysisStore();

  const columns = shallowRef(new Map<number, ColumnCategories>());
  const loading = ref<number[]>([]);
  const errors = ref<Record<number, string>>({});
  /** Dataset column index of the reference label; null = none chosen. */
  const reference = computed(() => analysis.view.compareReference);

  watch(
    () => dataset.summary?.datasetId,
    () => {
      columns.value = new Map();
      loading.value = [];
      errors.value = {};
      if (reference.value !== null) analysis.setViewSetting('compareReference', null);
    },
    // At once: a project restored right after its data opened sets its reference, which must stay.
    { flush: 'sync' },
  );

  /** Fetches the columns not cached yet (one engine call). */
  async function load(indices: number[]): Promise<void> {
    const summary = dataset.summary;
    const missing = indices.filter((c) => !columns.value.has(c) && !loading.value.includes(c));
    if (!summary || missing.length === 0) return;
    loading.value = [...loading.value, ...missing];
    try {
      const result = await clients.analysis.categories(summary.datasetId, missing);
      if (dataset.summary !== summary) return;
      const next = new Map(columns.value);
      result.columns.forEach((c, j) => next.set(c, { levels: result.levels[j], codes: result.codes[j] }));
      columns.value = next;
      const rest = { ...errors.value };
      for (const c of missing) delete rest[c];
      errors.value = rest;
    } catch (err) {
      if (dataset.summary !== summary) return;
      const message = toUserError(err).message;
      errors.value = { ...errors.value, ...Object.fromEntries(missing.map((c) => [c, message])) };
    } finally {
      loading.value = loading.value.filter((c) => !missing.includes(c));
    }
  }

  function setReference(column: number | null): void {
    analysis.setViewSetting('compareReference', column);
  }
  // However the reference was set (chosen, restored from a project, undone), its levels are fetched.
  watch(
    reference,
    (column) => {
      if (column !== null) void load([column]);
    },
    { immediate: true, flush: 'sync' },
  );

  return { columns, loading, errors, reference, load, setReference };
});
