import { defineStore } from 'pinia';
import { computed, onScopeDispose, ref, shallowRef } from 'vue';
import type { ColumnSummary } from '../../../shared/data/types';
import type { FitProgress, FitRequest } from '../../../shared/engine/model/types';
import { useClients } from '../api/clients';
import { toUserError, type UserError } from '../api/userError';
import type { FitViews } from '../lib/fitViews';
import { certaintyInSlices } from '../lib/certaintyInSlices';
import { useEngineJob, type JobState } from '../lib/engineJob';
import { parseFitProgress } from '../lib/jobProgress';
import { createFitViewsRunner, type FitViewsRunner } from '../lib/fitViewsRunner';
import {
  defaultAnalysisState,
  type AnalysisState,
  type AnalysisViewSettings,
  type CurrentFit,
  type PreprocessingSettings,
} from '../lib/analysisState';
import { settingsProblems, toFitOptions, type ModelSettings } from '../lib/modelSettings';
import { droppedRows, isModelColumn, logAllowed, suggestStandardize } from '../lib/preprocessingAdvice';
import type { TableOrderSpec } from '../lib/tableOrder';
import { useDatasetStore } from './dataset';
import { useSessionStore } from './session';
import { useAnalysisRoles } from './analysisRoles';

export type RunningFit = JobState<FitProgress>;

/** Why the Fit button is disabled; i18n keys under `model.blocked`. */
export type FitBlocker = 'noColumns' | 'invalidSettings' | 'tooFewRows' | 'running';

/**
 * The analysis workspace: column selection, preprocessing, model settings, the fit running in the
 * engine process (progress, cancel, errors by code), the current fit and the views' settings.
 * Per-row work on a finished fit runs off the renderer thread (lib/fitViewsRunner.ts).
 */
export const useAnalysisStore = defineStore('analysis', () => {
  const clients = useClients();
  const dataset = useDatasetStore();
  const session = useSessionStore();
  const fitJob = useEngineJob(clients, { kind: 'fit', parseProgress: parseFitProgress });

  const initial = defaultAnalysisState();
  const selection = ref<number[]>(initial.selection);
  const preprocessing = ref<PreprocessingSettings>(initial.preprocessing);
  const settings = ref<ModelSettings>(initial.settings);
  const view = ref<AnalysisViewSettings>(initial.view);

  const current = shallowRef<CurrentFit | null>(null);
  const views = shallowRef<FitViews | null>(null);
  const viewsError = ref<string | null>(null);
  const running = computed<RunningFit | null>(() => fitJob.state.value);
  const error = ref<UserError | null>(null);
  /** The last fit was cancelled by the user (a note, not an error). */
  const cancelled = ref(false);
  /** Data table order for the current fit (dataset rows); null = file order. */
  const tableRows = shallowRef<Uint32Array | null>(null);
  const tableSorting = ref(false);

  /** Whole numeric columns fetched from the engine, by dataset column index. */
  const columnValues = shallowRef(new Map<number, Float64Array>());
  const columnValuesError = ref<string | null>(null);

  let runner: FitViewsRunner | null = null;
  /** Last clicked column, the start of a shift-click range. */
  let anchor: number | null = null;
  let fitCounter = 0;
  onScopeDispose(() => runner?.dispose());

  const columns = computed<readonly ColumnSummary[]>(() => dataset.summary?.columns ?? []);
  const modelColumns = computed(() => columns.value.filter(isModelColumn));
  const rolesState = useAnalysisRoles({
    clients,
    columns,
    selection,
    columnValues,
    summary: () => dataset.summary,
    setSelection: (next) => setSelection(next),
  });
  const selectedColumns = computed(() =>
    selection.value.map((i) => columns.value.find((c) => c.index === i)).filter((c) => c !== undefined),
  );
  const standardizeAdvised = computed(() => suggestStandardize(selectedColumns.value));

  const dropped = computed(() => {
    const cache = columnValues.value;
    const values = selection.value.map((i) => cache.get(i));
    return droppedRows(
      values.every((v) => v !== undefined) ? (values as Float64Array[]) : null,
      selectedColumns.value,
    );
  });
  // Rows with every selected cell present: the Fit button asks for at least K (a conservative floor).
  const usableRows = computed(() => (dataset.summary?.rows ?? 0) - dropped.value.count);

  const problems = computed(() => settingsProblems(settings.value));
  const blockers = computed<FitBlocker[]>(() => {
    const out: FitBlocker[] = [];
    if (running.value) out.push('running');
    if (selection.value.length === 0) out.push('noColumns');
    if (problems.value.length > 0) out.push('invalidSettings');
    else if (
      selection.value.length > 0 &&
      dropped.value.exact &&
      usableRows.value < settings.value.nComponents
    )
      out.push('tooFewRows');
    return out;
  });
  const canFit = computed(() => blockers.value.length === 0 && dataset.summary !== null);

  /** The request the current settings would send (null without a dataset). */
  const request = computed<FitRequest | null>(() => {
    const summary = dataset.summary;
    if (!summary) return null;
    // A column in a discrete family cannot be logged (the engine refuses it).
    const logColumns = preprocessing.value.logColumns.filter(
      (c) => selection.value.includes(c) && rolesState.family(c) === 'gaussian',
    );
    return {
      datasetId: summary.datasetId,
      columns: [...selection.value],
      standardize: preprocessing.value.standardize,
      ...(logColumns.length > 0 ? { logColumns } : {}),
      ...rolesState.requestFields.value,
      options: toFitOptions(settings.value, rolesState.covarianceApplies.value),
    };
  });
  /** Settings changed since the current fit: its views no longer match the panel. */
  const stale = computed(() => {
    const fit = current.value;
    const req = request.value;
    if (!fit || !req) return false;
    const { datasetId: _a, ...a } = fit.request;
    const { datasetId: _b, ...b } = req;
    return JSON.stringify(a) !== JSON.stringify(b);
  });

  /**
   * Standardise by default when the selected columns' scales differ a lot, until the user decides:
   * each action that changes the selection follows a change of the advice, at once (a project
   * restore then saves its baseline without waiting for a watcher).
   */
  let advice = standardizeAdvised.value;
  function followAdvice(): void {
    if (standardizeAdvised.value === advice) return;
    advice = standardizeAdvised.value;
    if (!preprocessing.value.standardizeChosen) preprocessing.value.standardize = advice;
  }

  // A new dataset starts a new analysis (its column indices mean other columns).
  onScopeDispose(session.join('analysis', { reset: resetForDataset, load: loadModelColumns }));
  // Stores are made on first use: one made after the data opened loads what startOver would have.
  if (dataset.summary) loadModelColumns();

  function resetForDataset(): void {
    const fresh = defaultAnalysisState();
    // One-column data leaves one choice: its column starts selected (if it can be modelled).
    const only = columns.value.length === 1 ? modelColumns.value.map((c) => c.index) : [];
    selection.value = only.length > 0 ? only : fresh.selection;
    preprocessing.value = fresh.preprocessing;
    rolesState.reset();
    followAdvice();
    view.value = fresh.view;
    current.value = null;
    views.value = null;
    viewsError.value = null;
    tableRows.value = null;
    error.value = null;
    cancelled.value = false;
    columnValues.value = new Map();
    columnValuesError.value = null;
    anchor = null;
  }

  function loadModelColumns(): void {
    void loadColumns(modelColumns.value.map((c) => c.index));
  }

  /** Fetches whole columns not yet cached (one engine call). */
  async function loadColumns(indices: number[]): Promise<void> {
    const summary = dataset.summary;
    const missing = indices.filter((i) => !columnValues.value.has(i));
    if (!summary || missing.length === 0) return;
    try {
      const result = await clients.analysis.columnValues(summary.datasetId, missing);
      if (dataset.summary !== summary) return;
      const next = new Map(columnValues.value);
      result.columns.forEach((c, j) => next.set(c, result.values[j]));
      columnValues.value = next;
      columnValuesError.value = null;
    } catch (err) {
      columnValuesError.value = toUserError(err).message;
    }
  }

  // ---- selection -------------------------------------------------------------------------------

  /** Click toggles a column; shift-click selects every model column between the last click and this one. */
  function toggleColumn(index: number, options: { range?: boolean } = {}): void {
    const order = rolesState.selectableColumns.value.map((c) => c.index);
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
    setSelection(modelColumns.value.map((c) => c.index));
  }

  function clearSelection(): void {
    setSelection([]);
  }

  /** Keeps the selection in the dataset's column order (the model's feature order follows it). */
  function setSelection(next: number[]): void {
    const order = rolesState.selectableColumns.value.map((c) => c.index);
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
    const column = columns.value.find((c) => c.index === index);
    if (!column || (value && !logAllowed(column))) return;
    const rest = preprocessing.value.logColumns.filter((c) => c !== index);
    preprocessing.value.logColumns = value ? [...rest, index] : rest;
  }

  function setSetting<F extends keyof ModelSettings>(field: F, value: ModelSettings[F]): void {
    settings.value = { ...settings.value, [field]: value };
  }

  // ---- fit -------------------------------------------------------------------------------------

  async function fit(): Promise<void> {
    const req = request.value;
    if (!canFit.value || !req) return;
    error.value = null;
    cancelled.value = false;
    const outcome = await fitJob.run((jobId) => clients.analysis.fit(req, jobId));
    if (outcome.status === 'done') {
      current.value = { id: ++fitCounter, request: req, response: outcome.value };
      views.value = null;
      tableRows.value = null;
      void computeViews();
    } else if (outcome.status === 'cancelled') {
      cancelled.value = true;
    } else if (outcome.status === 'failed') {
      error.value = outcome.error;
    }
  }

  /**
   * Cancels the running fit. The engine stops at its next cancellation check (between EM
   * iterations, which at millions of rows can take longer than a second); the workspace does not
   * wait for that: once the engine has the cancel, the fit is over for the user and a new one may start.
   */
  async function cancel(): Promise<void> {
    const outcome = await fitJob.cancel();
    if (outcome.status === 'abandoned') cancelled.value = true;
    else if (outcome.status === 'failed') error.value = outcome.error;
  }

  /** Runs the per-row work for the current fit (worker), after fetching the columns it needs. */
  async function computeViews(): Promise<void> {
    const fit = current.value;
    const summary = dataset.summary;
    if (!fit || !summary) return;
    await loadColumns(modelColumns.value.map((c) => c.index));
    const cache = columnValues.value;
    const wanted = [...new Set([...fit.request.columns, ...modelColumns.value.map((c) => c.index)])];
    const cols = wanted
      .filter((i) => cache.has(i))
      .map((i) => ({
        index: i,
        name: columns.value.find((c) => c.index === i)?.displayName ?? String(i),
        values: cache.get(i)!,
      }));
    const categories = await rolesState.categoryInputs(fit.response.preprocessing);
    runner ??= createFitViewsRunner();
    try {
      const { resp, params } = fit.response.fit;
      const certainty = await certaintyInSlices(resp, fit.response.rowIndex.length, params.nComponents);
      if (current.value?.id !== fit.id) return;
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
      if (current.value?.id !== fit.id) return;
      views.value = result;
      viewsError.value = null;
      await applyTableOrder();
    } catch (err) {
      if (current.value?.id === fit.id) viewsError.value = toUserError(err).message;
    }
  }

  async function applyTableOrder(): Promise<void> {
    const fit = current.value;
    if (!fit || !views.value || !runner) {
      tableRows.value = null;
      return;
    }
    tableSorting.value = true;
    try {
      const rows = await runner.order(fit.id, { ...view.value.table });
      if (current.value?.id === fit.id) tableRows.value = rows;
    } catch {
      // A newer fit replaced this one; its own order follows.
    } finally {
      tableSorting.value = false;
    }
  }

  /**
   * Makes a fit computed elsewhere (a sweep cell) the current fit with all its views, as if the
   * Fit button had produced it; the model panel shows its K and covariance type.
   */
  function adoptFit(fit: Omit<CurrentFit, 'id'>): void {
    settings.value = {
      ...settings.value,
      nComponents: fit.request.options.nComponents,
      covarianceType: fit.request.options.covarianceType,
    };
    current.value = { id: ++fitCounter, ...fit };
    views.value = null;
    viewsError.value = null;
    tableRows.value = null;
    error.value = null;
    cancelled.value = false;
    void computeViews();
  }

  /** The views' own settings (scatter axes, histogram column, certainty threshold); the table has setTableOrder. */
  function setViewSetting<F extends Exclude<keyof AnalysisViewSettings, 'table'>>(
    field: F,
    value: AnalysisViewSettings[F],
  ): void {
    view.value[field] = value;
  }

  function setTableOrder(spec: Partial<TableOrderSpec>): void {
    view.value.table = { ...view.value.table, ...spec };
    void applyTableOrder();
  }

  // ---- project files ---------------------------------------------------------------------------

  /** A deep copy of the plain state, for a project file. */
  function exportState(): AnalysisState {
    return JSON.parse(
      JSON.stringify({
        selection: selection.value,
        preprocessing: preprocessing.value,
        settings: settings.value,
        view: view.value,
        roles: rolesState.roles.value,
      }),
    ) as AnalysisState;
  }

  /**
   * Restores a saved state over the open dataset (columns that no longer exist or are not numeric
   * are dropped) and, if given, a fit saved with it.
   */
  async function restoreState(state: AnalysisState, fit?: Omit<CurrentFit, 'id'>) {
    const fresh = defaultAnalysisState();
    rolesState.restore(state.roles);
    const valid = new Set(rolesState.selectableColumns.value.map((c) => c.index));
    selection.value = state.selection.filter((c) => valid.has(c));
    preprocessing.value = {
      ...fresh.preprocessing,
      ...state.preprocessing,
      logColumns: state.preprocessing.logColumns.filter((c) => selection.value.includes(c)),
    };
    followAdvice();
    settings.value = { ...fresh.settings, ...state.settings };
    view.value = {
      ...fresh.view,
      ...state.view,
      scatter: { ...fresh.view.scatter, ...state.view.scatter },
      table: { ...fresh.view.table, ...state.view.table },
    };
    if (fit) {
      current.value = { id: ++fitCounter, ...fit };
      views.value = null;
      await computeViews();
    }
  }

  return {
    selection,
    preprocessing,
    settings,
    view,
    current,
    views,
    viewsError,
    running,
    error,
    cancelled,
    tableRows,
    tableSorting,
    columnValues,
    columnValuesError,
    modelColumns,
    selectedColumns,
    standardizeAdvised,
    dropped,
    usableRows,
    problems,
    blockers,
    canFit,
    request,
    stale,
    loadColumns,
    toggleColumn,
    selectAllNumeric,
    clearSelection,
    ...rolesState.exposed,
    setStandardize,
    setLog,
    setSetting,
    fit,
    cancel,
    computeViews,
    adoptFit,
    setViewSetting,
    setTableOrder,
    exportState,
    restoreState,
  };
});
