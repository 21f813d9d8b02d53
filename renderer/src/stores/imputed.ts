import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import { useClients } from '../api/clients';
import { toUserError } from '../api/userError';
import { isMixtureFit, mixtureModelOf } from '../lib/projectMixture';
import { useAnalysisStore } from './analysis';
import { useDatasetStore } from './dataset';

/**
 * The current fit's expected values of the missing cells the data table shows (the engine's
 * mixture.impute: each cell's conditional expectation given the row's observed cells, mixed by the
 * row's responsibilities; the most probable value for a category). Asked for the rows in view
 * only, once per row and fit, so scrolling a million rows never sends them all.
 */
export const useImputedStore = defineStore('imputed', () => {
  const clients = useClients();
  const analysis = useAnalysisStore();
  const dataset = useDatasetStore();

  /** "row:column" → filled value, for the current fit. */
  const cells = shallowRef(new Map<string, number | string>());
  const error = ref<string | null>(null);
  let asked = new Set<number>();
  let generation = 0;

  /** A fit whose missing cells were modelled: the table can show what it expects there. */
  const active = computed(() => {
    const fit = analysis.current;
    return fit !== null && (fit.response.missingCells ?? 0) > 0 && isMixtureFit(fit);
  });

  watch(
    () => analysis.current,
    () => {
      generation++;
      asked = new Set();
      cells.value = new Map();
      error.value = null;
    },
  );

  /** Fills the missing cells of these dataset rows (those not asked before for this fit). */
  async function request(rows: readonly number[]): Promise<void> {
    const fit = analysis.current;
    const summary = dataset.summary;
    if (!active.value || !fit || !summary || fit.request.datasetId !== summary.datasetId) return;
    const wanted = rows.filter((r) => !asked.has(r));
    if (wanted.length === 0) return;
    wanted.forEach((r) => asked.add(r));
    const mine = generation;
    try {
      const filled = await clients.analysis.imputeCells(summary.datasetId, mixtureModelOf(fit), wanted);
      if (mine !== generation) return;
      const next = new Map(cells.value);
      for (const c of filled) next.set(`${c.row}:${c.column}`, c.value);
      cells.value = next;
    } catch (err) {
      if (mine !== generation) return;
      wanted.forEach((r) => asked.delete(r));
      error.value = toUserError(err).message;
    }
  }

  function valueAt(row: number, column: number): number | string | undefined {
    return cells.value.get(`${row}:${column}`);
  }

  return { cells, error, active, request, valueAt };
});
