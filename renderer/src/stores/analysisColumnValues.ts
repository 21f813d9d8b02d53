/**
 * The whole numeric columns the analysis store fetched from the engine, by dataset column index:
 * the rows-dropped count, the log-transform advice and the per-row views read them. Made inside
 * the analysis store's setup (as analysisRoles.ts), so the store stays one store in small files.
 */
import { ref, shallowRef } from 'vue';
import type { DatasetSummary } from '../../../shared/data/types';
import type { Clients } from '../api/clients';
import { toUserError } from '../api/userError';

export function useColumnValues(deps: { clients: Clients; summary: () => DatasetSummary | null }) {
  const columnValues = shallowRef(new Map<number, Float64Array>());
  const columnValuesError = ref<string | null>(null);

  /** Fetches whole columns not yet cached (one engine call). */
  async function loadColumns(indices: number[]): Promise<void> {
    const summary = deps.summary();
    const missing = indices.filter((i) => !columnValues.value.has(i));
    if (!summary || missing.length === 0) return;
    try {
      const result = await deps.clients.analysis.columnValues(summary.datasetId, missing);
      if (deps.summary() !== summary) return;
      const next = new Map(columnValues.value);
      result.columns.forEach((c, j) => next.set(c, result.values[j]));
      columnValues.value = next;
      columnValuesError.value = null;
    } catch (err) {
      columnValuesError.value = toUserError(err).message;
    }
  }

  /** A new dataset: its column indices mean other columns. */
  function reset(): void {
    columnValues.value = new Map();
    columnValuesError.value = null;
  }

  return { columnValues, columnValuesError, loadColumns, reset };
}
