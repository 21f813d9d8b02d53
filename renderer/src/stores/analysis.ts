import { defineStore } from 'pinia';
import { computed, onScopeDispose, ref, shallowRef } from 'vue';
import type { ColumnSummary } from '../../../shared/data/types';
import type { FitProgress, FitRequest } from '../../../shared/engine/model/types';
import { useClients } from '../api/clients';
import type { UserError } from '../api/userError';
import { useEngineJob, type JobState } from '../lib/engineJob';
import { parseFitProgress } from '../lib/jobProgress';
import {
  defaultAnalysisState,
  type AnalysisState,
  type AnalysisViewSettings,
  type CurrentFit,
  type PreprocessingSettings,
} from '../lib/analysisState';
import { restoredViewSettings } from '../lib/viewSettings';
import { settingsProblems, toFitOptions, type ModelSettings } from '../lib/modelSettings';
import { pixelColourColumns } from '../lib/pixelColumns';
import { droppedRows, isModelColumn, suggestStandardize } from '../lib/preprocessingAdvice';
import type { TableOrderSpec } from '../lib/tableOrder';
import { useDatasetStore } from './dataset';
import { useSessionStore } from './session';
import { useAnalysisRoles } from './analysisRoles';
import { useColumnSelection } from './analysisSelection';
import { useColumnValues } from './analysisColumnValues';
import { useFitViews } from './analysisFitViews';

export type RunningFit = JobState<FitProgress>;

/** Why the Fit button is disabled; i18n keys under `model.blocked`. */
export type FitBlocker = 'noColumns' | 'invalidSettings' | 'tooFewRows' | 'running';

/**
 * The analysis workspace: column selection, preprocessing, model settings, the fit running in the
 * engine process (progress, cancel, errors by code), the current fit and the views' settings.
 * Its parts by concern live beside it, made in this setup so it stays one store: the column roles
 * (analysisRoles.ts), the selection and its preparation (analysisSelection.ts), the fetched columns
 * (analysisColumnValues.ts) and the per-row work on a fit, off the renderer thread
 * (analysisFitViews.ts).
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
  const running = computed<RunningFit | null>(() => fitJob.state.value);
  const error = ref<UserError | null>(null);
  /** The last fit was cancelled by the user (a note, not an error). */
  const cancelled = ref(false);
  const columnData = useColumnValues({ clients, summary: () => dataset.summary });
  const { columnValues, loadColumns } = columnData;
  let fitCounter = 0;

  const columns = computed<readonly ColumnSummary[]>(() => dataset.summary?.columns ?? []);
  const modelColumns = computed(() => columns.value.filter(isModelColumn));
  const rolesState = useAnalysisRoles({
    clients,
    columns,
    selection,
    columnValues,
    summary: () => dataset.summary,
    setSelection: (next) => select.setSelection(next),
  });
  const selectedColumns = computed(() =>
    selection.value.map((i) => columns.value.find((c) => c.index === i)).filter((c) => c !== undefined),
  );
  const standardizeAdvised = computed(() => suggestStandardize(selectedColumns.value));
  const select = useColumnSelection({
    selection,
    preprocessing,
    columns,
    modelColumns,
    selectable: () => rolesState.selectableColumns.value,
    standardizeAdvised,
  });
  const fitViews = useFitViews({
    current,
    view,
    summary: () => dataset.summary,
    columns,
    modelColumns,
    columnValues,
    loadColumns,
    categoryInputs: (pre) => rolesState.categoryInputs(pre),
  });
  const { views, computeViews, applyTableOrder } = fitViews;

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

  // A new dataset starts a new analysis (its column indices mean other columns).
  onScopeDispose(session.join('analysis', { reset: resetForDataset, load: loadModelColumns }));
  // Stores are made on first use: one made after the data opened loads what startOver would have.
  if (dataset.summary) loadModelColumns();

  function resetForDataset(): void {
    const fresh = defaultAnalysisState();
    // One-column data leaves one choice: its column starts selected (if it can be modelled); an
    // image starts from its colour columns.
    const only =
      columns.value.length === 1
        ? modelColumns.value.map((c) => c.index)
        : pixelColourColumns(dataset.summary);
    selection.value = only.length > 0 ? only : fresh.selection;
    preprocessing.value = fresh.preprocessing;
    rolesState.reset();
    select.followAdvice();
    view.value = fresh.view;
    current.value = null;
    fitViews.clear();
    error.value = null;
    cancelled.value = false;
    columnData.reset();
    select.forgetAnchor();
  }

  function loadModelColumns(): void {
    void loadColumns(modelColumns.value.map((c) => c.index));
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
      fitViews.clear();
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
    fitViews.clear();
    error.value = null;
    cancelled.value = false;
    void computeViews();
  }

  /** The views' own settings (scatter axes, histogram column and bins, units, reference…); the table has setTableOrder. */
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
    select.followAdvice();
    settings.value = { ...fresh.settings, ...state.settings };
    view.value = restoredViewSettings(state.view);
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
    viewsError: fitViews.viewsError,
    running,
    error,
    cancelled,
    tableRows: fitViews.tableRows,
    tableSorting: fitViews.tableSorting,
    columnValues,
    columnValuesError: columnData.columnValuesError,
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
    toggleColumn: select.toggleColumn,
    selectAllNumeric: select.selectAllNumeric,
    clearSelection: select.clearSelection,
    ...rolesState.exposed,
    setStandardize: select.setStandardize,
    setLog: select.setLog,
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
