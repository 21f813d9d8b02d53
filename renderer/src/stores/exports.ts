import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import {
  DEFAULT_LABEL_EXPORT_OPTIONS,
  type LabelExportOptions,
  type LabelExportProgress,
  type LabelExportSummary,
} from '../../../shared/export/labelExport';
import type { LabelModel } from '../../../shared/export/labelModel';
import { useClients } from '../api/clients';
import { isCancelled, toUserError, type UserError } from '../api/userError';
import { useEngineJob, type JobOutcome, type JobState } from '../lib/engineJob';
import { parseExportProgress, parseImportProgress } from '../lib/jobProgress';
import { baseName } from '../lib/projectState';
import { useAnalysisStore } from './analysis';
import { useDatasetStore } from './dataset';

/** Why export is not possible now; i18n keys under `exports.blocked`. */
export type ExportBlocker = 'noData' | 'noFit' | 'running';

export type ExportRun = JobState<LabelExportProgress>;

/** What the summary dialog shows after a label export (this dataset or another file). */
export interface ExportOutcome {
  summary: LabelExportSummary;
  /** Set for "apply model to another file": the file the labels are for. */
  source?: string;
}

/**
 * Export labels (CSV / .xlsx, written by the engine process with progress), export the model as
 * JSON, and apply a model file to another data file. Labels always come from the stored model's
 * predict (engine `model.apply`), so an export matches what the workspace shows.
 */
export const useExportsStore = defineStore('exports', () => {
  const clients = useClients();
  const dataset = useDatasetStore();
  const analysis = useAnalysisStore();
  const exportJob = useEngineJob(clients, { kind: 'export', parseProgress: parseExportProgress });
  /** The data file "apply model" imports beside the open one (its progress is not shown). */
  const otherImport = useEngineJob(clients, { kind: 'import', parseProgress: parseImportProgress });

  const dialogOpen = ref(false);
  const options = ref<LabelExportOptions>({ ...DEFAULT_LABEL_EXPORT_OPTIONS });
  const running = computed<ExportRun | null>(() => exportJob.state.value);
  const outcome = ref<ExportOutcome | null>(null);
  const modelSaved = ref<{ path: string } | null>(null);
  const error = ref<UserError | null>(null);

  const blocker = computed<ExportBlocker | null>(() => {
    if (running.value) return 'running';
    if (!dataset.summary) return 'noData';
    if (!analysis.current) return 'noFit';
    return null;
  });

  /** The current fit as the model export and apply requests carry it. */
  const model = computed<LabelModel | null>(() => {
    const fit = analysis.current;
    if (!fit) return null;
    // The fit's missing-cell mode travels with the model, so rows it kept with missing cells are
    // labelled (and can be imputed) in an export as in the workspace.
    const missing = fit.request.missing ?? 'model';
    return { params: fit.response.fit.params, preprocessing: { ...fit.response.preprocessing, missing } };
  });

  function stem(file: string | undefined): string {
    return file ? baseName(file).replace(/\.[^.]*$/, '') : 'data';
  }

  /** Asks where to write the labels of `file` in the chosen format (the extension names the format). */
  function chooseLabelsPath(file: string | undefined): Promise<string | null> {
    const format = options.value.format;
    return clients.project.chooseSavePath(`labels-${format}`, `${stem(file)}_labels.${format}`);
  }

  /** Whether the open dataset is an image, so its label image (PNG) can be written. */
  const canWriteImage = computed(() => dataset.summary?.image !== undefined);

  function openDialog(): void {
    // A label image needs an image dataset: another dataset's export falls back to CSV.
    if (options.value.format === 'png' && !canWriteImage.value) setOption('format', 'csv');
    error.value = null;
    outcome.value = null;
    dialogOpen.value = true;
  }

  function closeDialog(): void {
    if (running.value) return;
    dialogOpen.value = false;
    outcome.value = null;
    error.value = null;
  }

  function setOption<F extends keyof LabelExportOptions>(field: F, value: LabelExportOptions[F]): void {
    options.value = { ...options.value, [field]: value };
  }

  /** Runs one export job with progress; the caller has the path already. */
  function runExport(
    datasetId: string,
    labelModel: LabelModel,
    path: string,
    match: 'index' | 'name',
  ): Promise<JobOutcome<LabelExportSummary>> {
    return exportJob.run((jobId) =>
      clients.project.exportLabels({
        jobId,
        datasetId,
        model: labelModel,
        match,
        path,
        options: options.value,
      }),
    );
  }

  /** The dialog's Export: the save dialog, then the export with progress, then the summary. */
  async function exportLabels(): Promise<boolean> {
    const summary = dataset.summary;
    const labelModel = model.value;
    if (!summary || !labelModel || blocker.value) return false;
    error.value = null;
    let path: string | null;
    try {
      path = await chooseLabelsPath(summary.file);
    } catch (err) {
      const userError = toUserError(err);
      if (!isCancelled(userError)) error.value = userError;
      return false;
    }
    if (!path) return false;
    const exported = await runExport(summary.datasetId, labelModel, path, 'index');
    if (exported.status === 'done') outcome.value = { summary: exported.value };
    else if (exported.status === 'failed') error.value = exported.error;
    return exported.status === 'done';
  }

  /** Stops the label export; a cancel that fails changes nothing (the export reports as usual). */
  async function cancel(): Promise<void> {
    await exportJob.cancel();
  }

  /** Export model…: the current fit's params and preprocessing as a JSON file. */
  async function exportModel(): Promise<void> {
    const labelModel = model.value;
    if (!labelModel) return;
    error.value = null;
    try {
      const path = await clients.project.chooseSavePath('model', `${stem(dataset.summary?.file)}_model.json`);
      if (!path) return;
      modelSaved.value = { path: (await clients.project.exportModel(path, labelModel)).path };
    } catch (err) {
      error.value = toUserError(err);
    }
  }

  /**
   * Apply model to another file: pick a model file, then the data file (imported beside the open
   * one, columns matched by name), then where to write the labels; the dialog shows the summary.
   */
  async function applyModelToFile(): Promise<void> {
    error.value = null;
    let otherId: string | null = null;
    const fail = (userError: UserError) => {
      error.value = userError;
      dialogOpen.value = true;
    };
    try {
      const modelPath = await clients.project.chooseOpenPath('model');
      if (!modelPath) return;
      const loaded = await clients.project.loadModel(modelPath);
      const dataPath = await clients.dataset.chooseDataFile();
      if (!dataPath) return;
      dialogOpen.value = true;
      outcome.value = null;
      const other = await otherImport.run((jobId) => clients.project.importOther(dataPath, jobId));
      if (other.status === 'failed') fail(other.error);
      if (other.status !== 'done') return;
      otherId = other.value.datasetId;
      const target = await chooseLabelsPath(dataPath);
      if (!target) {
        dialogOpen.value = false;
        return;
      }
      const exported = await runExport(otherId, loaded, target, 'name');
      if (exported.status === 'done') outcome.value = { summary: exported.value, source: dataPath };
      else if (exported.status === 'failed') fail(exported.error);
    } catch (err) {
      const userError = toUserError(err);
      if (!isCancelled(userError)) fail(userError);
    } finally {
      if (otherId) void clients.project.closeDataset(otherId).catch(() => undefined);
    }
  }

  function dismissError(): void {
    error.value = null;
  }

  function dismissModelSaved(): void {
    modelSaved.value = null;
  }

  return {
    dialogOpen,
    options,
    running,
    outcome,
    modelSaved,
    error,
    blocker,
    canWriteImage,
    model,
    openDialog,
    closeDialog,
    setOption,
    exportLabels,
    cancel,
    exportModel,
    applyModelToFile,
    dismissError,
    dismissModelSaved,
  };
});
