/**
 * The column roles part of the analysis store (lib/columnRoles.ts): each selected column's family,
 * the weight column, what happens to missing cells and the "model as categories?" advice. The
 * category codes it reads (the missing-cell count, the clusters table) live in the one categories
 * store, shared with the views. Made inside the analysis store's setup so the store stays one
 * store, and kept here so each file stays small.
 */
import { computed, ref, type ComputedRef, type Ref } from 'vue';
import type { ColumnSummary, DatasetSummary } from '../../../shared/data/types';
import type { Preprocessing } from '../../../shared/engine/model/types';
import type { Clients } from '../api/clients';
import {
  defaultColumnRoles,
  familyOf,
  isTextColumn,
  requestRoles,
  restoreRoles,
  withFamily,
  withWeights,
  type BinomialRole,
  type ColumnFamily,
  type ColumnRoles,
  type RequestRoles,
} from '../lib/columnRoles';
import {
  distinctUpTo,
  FEW_VALUES,
  missingCounts,
  type ColumnCells,
  type MissingCounts,
} from '../lib/missingCells';
import { isModelColumn } from '../lib/preprocessingAdvice';
import type { CategoryColumnInput } from '../lib/categoryShares';
import { useCategoriesStore, type ColumnCategories } from './categories';

/** A text column's levels and per-row codes (−1 = missing), as a fit codes them. */
export type CategoryColumn = ColumnCategories;

interface RoleDeps {
  clients: Clients;
  columns: ComputedRef<readonly ColumnSummary[]>;
  selection: Ref<number[]>;
  columnValues: Ref<Map<number, Float64Array>>;
  summary: () => DatasetSummary | null;
  setSelection: (next: number[]) => void;
}

export function useAnalysisRoles(deps: RoleDeps) {
  const roles = ref<ColumnRoles>(defaultColumnRoles());
  const store = useCategoriesStore();
  const categories = computed(() => store.columns);
  /** Why the codes of a selected category column could not be read (null: none failed). */
  const categoriesError = computed(
    () => deps.selection.value.map((c) => store.errors[c]).find((e) => e !== undefined) ?? null,
  );

  /** Dataset rows every fit leaves out: summary rows the import excluded. */
  const excludedRows = () =>
    new Set(
      (deps.summary()?.errors ?? [])
        .filter((e) => e.kind === 'total_row' && e.excluded === true)
        .map((e) => e.row - 1),
    );
  const byIndex = computed(() => new Map(deps.columns.value.map((c) => [c.index, c])));

  /** A column the user may select now: numeric, or a text column taken in as categories. */
  function selectable(column: ColumnSummary): boolean {
    return isModelColumn(column) || (isTextColumn(column) && roles.value.categorical.includes(column.index));
  }
  const selectableColumns = computed(() =>
    deps.columns.value.filter((c) => selectable(c) && c.index !== roles.value.weights),
  );

  const requestFields = computed<RequestRoles>(() =>
    requestRoles(roles.value, deps.selection.value, deps.columns.value),
  );

  function family(index: number): ColumnFamily {
    const column = byIndex.value.get(index);
    return column ? familyOf(roles.value, column) : 'gaussian';
  }

  /**
   * Whether the covariance type means anything: the selection has a column in the Gaussian block
   * (or nothing is selected yet). Categories, counts and trials have no covariance, so a model of
   * those alone fits the same for every type.
   */
  const covarianceApplies = computed(
    () => deps.selection.value.length === 0 || deps.selection.value.some((c) => family(c) === 'gaussian'),
  );

  /** Fetches the category codes of columns not yet cached (one engine call, in the categories store). */
  const loadCategories = (indices: number[]): Promise<void> => store.load(indices);

  /** Takes a text column into the model as categories (its one possible family) and selects it. */
  function includeAsCategories(index: number): void {
    const column = byIndex.value.get(index);
    if (!column || !isTextColumn(column)) return;
    roles.value = withFamily(roles.value, column, 'categorical');
    deps.setSelection([...deps.selection.value, index]);
    void loadCategories([index]);
  }

  function setFamily(index: number, next: ColumnFamily, trials?: BinomialRole['trials']): void {
    const column = byIndex.value.get(index);
    if (!column) return;
    roles.value = withFamily(roles.value, column, next, trials);
  }

  /** The frequency-weight column (null: none); it leaves the selection, being no model column. */
  function setWeights(index: number | null): void {
    roles.value = withWeights(roles.value, index);
    if (index !== null) deps.setSelection(deps.selection.value.filter((c) => c !== index));
  }

  function setMissing(mode: ColumnRoles['missing']): void {
    roles.value = { ...roles.value, missing: mode };
  }

  /** Missing cells of the selected columns once their values are loaded (null until then). */
  const missing = computed<MissingCounts | null>(() => {
    const cells: ColumnCells[] = [];
    for (const c of deps.selection.value) {
      const column = byIndex.value.get(c);
      if (!column) continue;
      const values = isTextColumn(column) ? categories.value.get(c)?.codes : deps.columnValues.value.get(c);
      if (!values) return null;
      cells.push(values);
    }
    return missingCounts(cells, excludedRows());
  });

  /**
   * Selected numeric columns modelled as Gaussians that hold only a handful of distinct values
   * (a 0/1 flag, a rating scale): a Gaussian collapses onto such values, categories do not.
   */
  const fewValued = computed(() =>
    deps.selection.value.filter((c) => {
      const column = byIndex.value.get(c);
      const values = deps.columnValues.value.get(c);
      return (
        column !== undefined &&
        isModelColumn(column) &&
        family(c) === 'gaussian' &&
        values !== undefined &&
        distinctUpTo(values, FEW_VALUES) <= FEW_VALUES
      );
    }),
  );

  /**
   * The category columns of the fit that the clusters table adds, with their codes loaded.
   */
  async function categoryInputs(pre: Preprocessing): Promise<CategoryColumnInput[]> {
    // Text columns have their shares in the Clusters view already (ClusterCategoryShares.vue):
    // these are the numeric columns modelled as categories (codes such as a 0/1 outcome).
    const wanted = (pre.categorical ?? [])
      .map((c) => c.column)
      .filter((c) => {
        const column = byIndex.value.get(c);
        return column !== undefined && !isTextColumn(column);
      });
    const modelled = wanted;
    await loadCategories(wanted);
    const cache = categories.value;
    return wanted
      .filter((i) => cache.has(i))
      .map((i) => ({
        index: i,
        name: byIndex.value.get(i)?.displayName ?? String(i),
        selected: modelled.includes(i),
        levels: cache.get(i)!.levels,
        codes: cache.get(i)!.codes,
      }));
  }

  function reset(): void {
    // The codes go with the dataset in the categories store, which drops them itself.
    roles.value = defaultColumnRoles();
  }

  /** Saved roles over the open dataset (columns that exist, in families they allow). */
  function restore(saved: Partial<ColumnRoles> | undefined): void {
    roles.value = restoreRoles(saved, deps.columns.value);
    const text = roles.value.categorical.filter((c) => {
      const column = byIndex.value.get(c);
      return column !== undefined && isTextColumn(column);
    });
    void loadCategories(text);
  }

  return {
    /** What the analysis store offers the components. */
    exposed: {
      roles,
      categories,
      categoriesError,
      missing,
      fewValued,
      covarianceApplies,
      family,
      selectable,
      includeAsCategories,
      setFamily,
      setWeights,
      setMissing,
    },
    roles,
    categories,
    selectableColumns,
    requestFields,
    covarianceApplies,
    family,
    missing,
    loadCategories,
    categoryInputs,
    reset,
    restore,
  };
}
