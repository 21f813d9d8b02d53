import { defineStore } from 'pinia';
import { ref, shallowRef, watch } from 'vue';
import { useClients } from '../api/clients';
import { toUserError } from '../api/userError';
import { useDatasetStore } from './dataset';

/** One column read as categories: its levels and each dataset row's level code (−1 = missing). */
export interface ColumnCategories {
  levels: string[];
  codes: Int32Array;
}

/**
 * The one cache of columns read as categories, as a fit codes them: the text columns a model takes
 * in (the missing-cell count, the clusters table, the bar view), the numeric columns modelled as
 * categories, the Compare view's reference column. Fetched from the engine once per dataset and
 * column, and the reference column the user chose. Everything belongs to the open dataset and is
 * dropped the moment another one opens (column indices would mean other columns).
 */
export const useCategoriesStore = defineStore('categories', () => {
  const clients = useClients();
  const dataset = useDatasetStore();

  const columns = shallowRef(new Map<number, ColumnCategories>());
  const loading = ref<number[]>([]);
  const errors = ref<Record<number, string>>({});
  /** Dataset column index of the reference label; null = none chosen. */
  const reference = ref<number | null>(null);
  /** The engine call fetching each column in flight, so a second caller waits for the same one. */
  let pending = new Map<number, Promise<void>>();

  // Synchronous: a project restored right after its dataset opened loads its columns at once, and
  // a reset run later by the scheduler would throw them away.
  watch(
    () => dataset.summary?.datasetId,
    () => {
      columns.value = new Map();
      loading.value = [];
      errors.value = {};
      reference.value = null;
      pending = new Map();
    },
    { flush: 'sync' },
  );

  /** Fetches the columns not cached yet (one engine call); resolves once every one asked for is in. */
  async function load(indices: number[]): Promise<void> {
    const summary = dataset.summary;
    if (!summary) return;
    const waiting = indices.filter((c) => pending.has(c)).map((c) => pending.get(c)!);
    const missing = [...new Set(indices)].filter((c) => !columns.value.has(c) && !pending.has(c));
    if (missing.length > 0) {
      const call = fetchColumns(summary, missing);
      const mine = pending;
      for (const c of missing) mine.set(c, call);
      void call.finally(() => {
        for (const c of missing) if (mine.get(c) === call) mine.delete(c);
      });
      waiting.push(call);
    }
    await Promise.all(waiting);
  }

  async function fetchColumns(summary: NonNullable<typeof dataset.summary>, missing: number[]) {
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
    reference.value = column;
    if (column !== null) void load([column]);
  }

  return { columns, loading, errors, reference, load, setReference };
});
