/**
 * The columns the analysis models and how they are prepared: click and shift-click selection in
 * the dataset's column order, the standardise advice followed until the user decides, and the
 * per-column log transform. Made inside the analysis store's setup (as analysisRoles.ts), so the
 * store stays one store in small files.
 */
import type { ComputedRef, Ref } from 'vue';
import type { ColumnSummary } from '../../../shared/data/types';
import type { PreprocessingSettings } from '../lib/analysisState';
import { logAllowed } from '../lib/preprocessingAdvice';

interface SelectionDeps {
  selection: Ref<number[]>;
  preprocessing: Ref<PreprocessingSettings>;
  columns: ComputedRef<readonly ColumnSummary[]>;
  modelColumns: ComputedRef<readonly ColumnSummary[]>;
  /** Columns that may be selected, in the dataset's order (analysisRoles.ts). */
  selectable: () => readonly ColumnSummary[];
  standardizeAdvised: ComputedRef<boolean>;
}

export function useColumnSelection(deps: SelectionDeps) {
  const { selection, preprocessing } = deps;
  /** Last clicked column, the start of a shift-click range. */
  let anchor: number | null = null;

  /**
   * Standardise by default when the selected columns' scales differ a lot, until the user decides:
   * each action that changes the selection follows a change of the advice, at once (a project
   * restore then saves its baseline without waiting for a watcher).
   */
  let advice = deps.standardizeAdvised.value;
  function followAdvice(): void {
    if (deps.standardizeAdvised.value === advice) return;
    advice = deps.standardizeAdvised.value;
    if (!preprocessing.value.standardizeChosen) preprocessing.value.standardize = advice;
  }

  /** Click toggles a column; shift-click selects every model column between the last click and this one. */
  function toggleColumn(index: number, options: { range?: boolean } = {}): void {
    const order = deps.selectable().map((c) => c.index);
    if (!order.includes(index)) return;
    if (options.range && anchor !== null && order.includes(anchor)) {
      const [a, b] = [order.indexOf(anchor), order.indexOf(index)].sort((p, q) => p - q);
      const range = order.slice(a, b + 1);
      setSelection([...selection.value, ...range.filter((c) => !selection.value.includes(c))]);
    } else if (selection.value.includes(index)) {
      setSelection(selection.value.filter((c) => c !== index));
    } else {
      setSelection([...selection.value, index]);
    }
    anchor = index;
  }

  function selectAllNumeric(): void {
    setSelection(deps.modelColumns.value.map((c) => c.index));
  }

  function clearSelection(): void {
    setSelection([]);
  }

  /** Keeps the selection in the dataset's column order (the model's feature order follows it). */
  function setSelection(next: number[]): void {
    const order = deps.selectable().map((c) => c.index);
    selection.value = order.filter((c) => next.includes(c));
    preprocessing.value.logColumns = preprocessing.value.logColumns.filter((c) =>
      selection.value.includes(c),
    );
    followAdvice();
  }

  function setStandardize(value: boolean): void {
    preprocessing.value.standardize = value;
    preprocessing.value.standardizeChosen = true;
  }

  function setLog(index: number, value: boolean): void {
    const column = deps.columns.value.find((c) => c.index === index);
    if (!column || (value && !logAllowed(column))) return;
    const rest = preprocessing.value.logColumns.filter((c) => c !== index);
    preprocessing.value.logColumns = value ? [...rest, index] : rest;
  }

  /** A new dataset: no shift-click range starts from a column of the old one. */
  function forgetAnchor(): void {
    anchor = null;
  }

  return {
    followAdvice,
    toggleColumn,
    selectAllNumeric,
    clearSelection,
    setSelection,
    setStandardize,
    setLog,
    forgetAnchor,
  };
}
