import { defineStore } from 'pinia';
import { computed, onScopeDispose, ref, shallowRef } from 'vue';
import type { SampleInfo } from '../../../shared/api';
import type { DatasetSummary, ImportOptions } from '../../../shared/data/types';
import { useClients } from '../api/clients';
import type { DroppedFile } from '../api/datasetClient';
import { toUserError } from '../api/userError';
import { useEngineJob } from '../lib/engineJob';
import { parseImportProgress } from '../lib/jobProgress';
import { useImportDialogStore } from './importDialog';
import { useNoticesStore } from './notices';
import { useSessionStore } from './session';

/** Where the open dataset came from, so it can be opened again after an engine restart. */
export type DataSource =
  | { kind: 'sample'; id: SampleInfo['id'] }
  /** `overrides`: the settings the user chose in the import dialog (omitted = detected). */
  | { kind: 'file'; path: string; overrides?: Omit<ImportOptions, 'path'> };

export interface OpenJob {
  jobId: string;
  /** What is being opened (the view names it: a sample's title, a file's name). */
  source: DataSource;
  /** Fraction of bytes read, 0..1; null until the first progress event (or if the size is unknown). */
  fraction: number | null;
  rowsRead: number;
  cancelling: boolean;
}

/**
 * The open dataset: its summary (columns, stats, problems — the engine keeps the data itself), the
 * import in progress with its progress and cancel, and row windows for the table. Whenever the
 * summary changes (open, reopen, close) the session's stores start over (session.ts).
 */
export const useDatasetStore = defineStore('dataset', () => {
  const clients = useClients();
  const notices = useNoticesStore();
  const session = useSessionStore();
  const importDialog = useImportDialogStore();
  const importJob = useEngineJob(clients, { kind: 'import', parseProgress: parseImportProgress });

  const current = shallowRef<DatasetSummary | null>(null);
  /** The open dataset. Writing it replaces it as an import does: the session's stores start over. */
  const summary = computed<DatasetSummary | null>({
    get: () => current.value,
    set: (next) => replace(next),
  });
  const source = ref<DataSource | null>(null);
  /** What the import job running now opens. */
  const opening = shallowRef<DataSource | null>(null);
  const openJob = computed<OpenJob | null>(() => {
    const job = importJob.state.value;
    if (!job || !opening.value) return null;
    const p = job.progress;
    return {
      jobId: job.jobId,
      source: opening.value,
      fraction: p && p.totalBytes > 0 ? Math.min(1, p.bytesRead / p.totalBytes) : null,
      rowsRead: p?.rows ?? 0,
      cancelling: job.cancelling,
    };
  });
  /**
   * True once the engine stopped for good under an open dataset (a crash loop: it was not restarted).
   * After an ordinary restart nothing is lost: the main process reads the still-open file into the new
   * engine at the next request that needs it (services.ts, engineIdOf).
   */
  const lost = ref(false);
  const busy = computed(() => openJob.value !== null);

  onScopeDispose(
    clients.events.onEngineCrashed((crash) => {
      if (current.value && !crash.restarted) lost.value = true;
    }),
  );
  // The dialog imports through this store; it does not import the store back.
  importDialog.connectImporter((path, overrides) => openPath(path, overrides));

  /** The one place the summary changes: the session's stores start over for the new one. */
  function replace(next: DatasetSummary | null): void {
    const previous = current.value;
    if (next === previous) return;
    current.value = next;
    session.startOver(next);
    // The engine holds every imported table until told otherwise: free the one the page let go.
    if (previous && previous.datasetId !== next?.datasetId) release(previous.datasetId);
  }

  function release(datasetId: string): void {
    void clients.dataset.release(datasetId).catch(() => undefined);
  }

  function openSample(id: SampleInfo['id']): Promise<void> {
    return open({ kind: 'sample', id });
  }

  /** "Open file…": the native dialog, then the import dialog; a cancelled dialog changes nothing. */
  async function openFile(): Promise<void> {
    if (busy.value) return;
    let path: string | null;
    try {
      path = await clients.dataset.chooseDataFile();
    } catch (error) {
      notices.showError(toUserError(error), 'import');
      return;
    }
    if (path) await importDialog.show(path);
  }

  /** Imports a file directly (the import dialog's confirm, a project's data file). */
  function openPath(path: string, overrides?: Omit<ImportOptions, 'path'>): Promise<void> {
    const hasOverrides = overrides !== undefined && Object.keys(overrides).length > 0;
    return open(hasOverrides ? { kind: 'file', path, overrides } : { kind: 'file', path });
  }

  /** Returns false when the bridge cannot tell the dropped file's path (the caller says so). */
  async function openDropped(file: DroppedFile): Promise<boolean> {
    const path = clients.dataset.pathForDroppedFile(file);
    if (!path) return false;
    if (!busy.value) await importDialog.show(path);
    return true;
  }

  function reopen(): Promise<void> {
    return source.value ? open(source.value) : Promise.resolve();
  }

  async function open(from: DataSource): Promise<void> {
    if (busy.value) return;
    opening.value = from;
    const outcome = await importJob.run((jobId) =>
      from.kind === 'sample'
        ? clients.dataset.openSample(from.id, jobId)
        : clients.dataset.importFile({ ...from.overrides, path: from.path }, jobId),
    );
    if (outcome.status === 'done') {
      source.value = from;
      lost.value = false;
      notices.dismissError();
      replace(outcome.value);
    } else if (outcome.status === 'failed') {
      notices.showError(outcome.error, 'import');
    } else if (outcome.status === 'abandoned' && outcome.late) {
      release(outcome.late.datasetId);
    }
  }

  /** The import stops; the start screen (or the data open before) stays, without a message. */
  async function cancelOpen(): Promise<void> {
    const outcome = await importJob.cancel();
    if (outcome.status === 'failed') notices.showError(outcome.error);
  }

  /** Back to the start screen; the engine frees the dataset. */
  function close(): void {
    source.value = null;
    lost.value = false;
    replace(null);
  }

  /** Rows [start, start + count) of the open dataset as display strings (for the virtual table). */
  async function fetchRows(start: number, count: number): Promise<string[][]> {
    const data = current.value;
    if (!data) return [];
    const result = await clients.dataset.getRows({ datasetId: data.datasetId, start, count });
    return result.cells;
  }

  /** The given dataset rows (a sorted or filtered table), in that order, as display strings. */
  async function fetchRowsAt(rows: number[]): Promise<string[][]> {
    const data = current.value;
    if (!data || rows.length === 0) return [];
    const result = await clients.dataset.getRows({ datasetId: data.datasetId, start: 0, count: 0, rows });
    return result.cells;
  }

  return {
    summary,
    source,
    openJob,
    lost,
    busy,
    openSample,
    openFile,
    openPath,
    openDropped,
    reopen,
    cancelOpen,
    close,
    fetchRows,
    fetchRowsAt,
  };
});
