import { defineStore } from 'pinia';
import { computed, onScopeDispose, ref, watch } from 'vue';
import type { AnalysisState, AnalysisViewSettings } from '../lib/analysisState';
import { useAnalysisStore } from './analysis';
import { useSessionStore } from './session';

/**
 * What undo and redo step through: the column choices, the model's settings and the views' settings
 * (the data table's sort and filter are browsing, not set-up, and stay out).
 */
type Undoable = Pick<AnalysisState, 'selection' | 'preprocessing' | 'settings'> & {
  view: Omit<AnalysisViewSettings, 'table'>;
};
const GROUPS = ['preprocessing', 'settings', 'view'] as const;

/** Edits of the same number setting closer together than this are one step (typing "12" into K). */
export const COALESCE_MS = 1000;
/** Steps kept; the oldest go first. */
export const HISTORY_LIMIT = 100;

/** The fields that differ between two states, as "settings.seed", "selection"… */
function changedFields(a: Undoable, b: Undoable): string[] {
  const out: string[] = [];
  if (JSON.stringify(a.selection) !== JSON.stringify(b.selection)) out.push('selection');
  for (const group of GROUPS) {
    const x = a[group] as unknown as Record<string, unknown>;
    const y = b[group] as unknown as Record<string, unknown>;
    for (const key of new Set([...Object.keys(x), ...Object.keys(y)]))
      if (JSON.stringify(x[key]) !== JSON.stringify(y[key])) out.push(`${group}.${key}`);
  }
  return out;
}

/**
 * A setting that is a number before and after (K, seed, tolerance…: typed into a field; the
 * certainty threshold: a slider dragged).
 */
function typedNumber(a: Undoable, b: Undoable, field: string): boolean {
  const [group, key] = field.split('.');
  if (group !== 'settings' && group !== 'view') return false;
  const x = a[group] as unknown as Record<string, unknown>;
  const y = b[group] as unknown as Record<string, unknown>;
  return typeof x[key] === 'number' && typeof y[key] === 'number';
}

/**
 * Undo and redo of the analysis set-up within the session: column choices (selection, log,
 * standardise), model settings and the views' settings (axes, bins, units, reference…). Every change the panels make is a step, whatever made it — a
 * click, a shortcut, a sweep cell adopted; the history starts over with each dataset and each
 * project opened (the state it restores is the starting point, not a step). A fit is not undone:
 * undoing a setting after a fit makes the fit stale, as changing it by hand does.
 */
export const useHistoryStore = defineStore('history', () => {
  const analysis = useAnalysisStore();
  const session = useSessionStore();

  const current = computed<Undoable>(() => {
    const { table: _browsing, ...view } = analysis.view;
    return {
      selection: analysis.selection,
      preprocessing: analysis.preprocessing,
      settings: analysis.settings,
      view,
    };
  });
  const copy = (): Undoable => JSON.parse(JSON.stringify(current.value)) as Undoable;

  const past = ref<Undoable[]>([]);
  const future = ref<Undoable[]>([]);
  /** The state the history last saw (a change is measured from it). */
  let shown = copy();
  let last: { field: string; at: number } | null = null;

  watch(
    () => JSON.stringify(current.value),
    () => {
      const now = copy();
      const fields = changedFields(shown, now);
      if (fields.length === 0) return;
      const at = Date.now();
      // Only a number typed digit by digit coalesces; clicks (columns, choices) are a step each.
      const field = fields.length === 1 && typedNumber(shown, now, fields[0]) ? fields[0] : null;
      const sameEdit = field !== null && last?.field === field && at - last.at < COALESCE_MS;
      if (!sameEdit) past.value = [...past.value, shown].slice(-HISTORY_LIMIT);
      future.value = [];
      shown = now;
      last = field ? { field, at } : null;
    },
    // After the action: one click that changes the selection and, by advice, standardisation is one step.
  );

  function apply(state: Undoable): void {
    shown = state;
    last = null;
    analysis.selection = [...state.selection];
    analysis.preprocessing = { ...state.preprocessing, logColumns: [...state.preprocessing.logColumns] };
    analysis.settings = { ...state.settings };
    analysis.view = { ...JSON.parse(JSON.stringify(state.view)), table: analysis.view.table };
  }

  const canUndo = computed(() => past.value.length > 0);
  const canRedo = computed(() => future.value.length > 0);

  function undo(): boolean {
    const previous = past.value.at(-1);
    if (!previous) return false;
    past.value = past.value.slice(0, -1);
    future.value = [...future.value, shown];
    apply(previous);
    return true;
  }

  function redo(): boolean {
    const next = future.value.at(-1);
    if (!next) return false;
    future.value = future.value.slice(0, -1);
    past.value = [...past.value, shown];
    apply(next);
    return true;
  }

  /** A new starting point (another dataset, a project opened): nothing to undo or redo. */
  function clear(): void {
    past.value = [];
    future.value = [];
    shown = copy();
    last = null;
  }

  onScopeDispose(session.join('history', { reset: clear }));

  return { canUndo, canRedo, undo, redo, clear };
});
