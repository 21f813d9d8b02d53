import { defineStore } from 'pinia';
import { computed, onScopeDispose, ref, shallowRef } from 'vue';
import type { SampleInfo } from '../../../shared/api';
import type { MixlabProject } from '../../../shared/project/schema';
import type { DataSourceStatus } from '../../../shared/project/status';
import { useClients } from '../api/clients';
import { toUserError, type UserError } from '../api/userError';
import { useBrowserEnv } from '../platform/browserEnv';
import { baseName, buildProjectState, stateWithoutData } from '../lib/projectState';
import { addRecent, markMissing, readRecent, writeRecent, type RecentProject } from '../lib/recentProjects';
import { useAnalysisStore } from './analysis';
import { useDatasetStore } from './dataset';
import { useHistoryStore } from './history';
import { useSessionStore } from './session';
import { restoreWithData, restoreWithoutData } from './restoreProject';
import { useProjectRecovery } from './projectRecovery';
import { useSweepStore } from './sweep';
import { useViewsStore } from './views';

/** A project whose data file could not be used as it stands: the dialog offers the ways on. */
export interface DataPrompt {
  project: MixlabProject;
  /** The project file (null: a recovered autosave). */
  path: string | null;
  status: DataSourceStatus;
  /** Why the file the user located was not accepted. */
  locateProblem: DataSourceStatus | null;
}

/** A project open without its data: models, settings and the sweep show, rows do not. */
export interface Detached {
  project: MixlabProject;
  status: DataSourceStatus;
}

export type ConfirmChoice = 'save' | 'discard' | 'cancel';

export { AUTOSAVE_INTERVAL_MS } from './projectRecovery';

/**
 * The analysis as a document: Save / Save As / Open / New, the dirty marker, the unsaved-changes
 * question, recent projects, autosave and crash recovery (projectRecovery.ts). The page's File menu
 * and the native app menu (stores/desktop.ts) call these actions; the dialogs read the prompts here.
 */
export const useProjectStore = defineStore('project', () => {
  const clients = useClients();
  const env = useBrowserEnv();
  const dataset = useDatasetStore();
  const analysis = useAnalysisStore();
  const sweep = useSweepStore();
  const session = useSessionStore();
  const history = useHistoryStore();
  const views = useViewsStore();
  const restoreTargets = { clients, dataset, analysis, sweep, views };

  const path = ref<string | null>(null);
  const busy = ref(false);
  /** A refusal or failure to show (open, save, restore), by code and message. */
  const error = ref<UserError | null>(null);
  const dataPrompt = shallowRef<DataPrompt | null>(null);
  const detached = shallowRef<Detached | null>(null);
  const confirm = ref<{ resolve: (choice: ConfirmChoice) => void } | null>(null);
  const saveAsOpen = ref(false);
  const recent = ref<RecentProject[]>(readRecent(env.storage));
  /** Fingerprint of the state when last saved or opened; null = never saved. */
  const baseline = ref<string | null>(null);
  /** Fingerprint of a new analysis as it opened (a lone column comes selected): nothing to lose yet. */
  const pristine = ref<string | null>(null);
  /** True while this store replaces the dataset itself (a project's data is reopened). */
  let restoring = false;

  const name = computed(() => (path.value ? baseName(path.value) : null));

  /** Everything a save would write, as one comparable string (cell params included). */
  const fingerprint = computed(() =>
    JSON.stringify({
      file: dataset.summary?.file ?? null,
      analysis: analysis.exportState(),
      fit: analysis.current?.id ?? null,
      sweep: sweep.state,
    }),
  );
  /** Work that would be lost: a change since the last save, or an unsaved analysis with something in it. */
  const dirty = computed(() => {
    if (detached.value) return false;
    if (!dataset.summary) return false;
    if (baseline.value !== null) return fingerprint.value !== baseline.value;
    if (fingerprint.value === pristine.value) return false;
    return analysis.selection.length > 0 || analysis.current !== null || sweep.state.run !== null;
  });
  const hasDocument = computed(() => dataset.summary !== null || detached.value !== null);

  /** "Mixture Lab — name.mixlab •" */
  function windowTitle(appName: string, untitled: string): string {
    if (!hasDocument.value) return appName;
    return `${appName} — ${name.value ?? untitled}${dirty.value ? ' •' : ''}`;
  }

  // Another data file opened from anywhere (start screen, drag and drop): a new, untitled analysis.
  // A restore opens the project's own data: the document it restores stays.
  onScopeDispose(
    session.join('project', {
      reset: () => {
        if (restoring) return;
        path.value = null;
        baseline.value = null;
        pristine.value = dataset.summary ? fingerprint.value : null;
        detached.value = null;
      },
    }),
  );

  function currentState() {
    if (detached.value) return stateWithoutData(detached.value.project);
    return buildProjectState(
      {
        summary: dataset.summary,
        analysis: analysis.exportState(),
        current: analysis.current,
        sweep: sweep.exportState(),
        activeView: views.active,
      },
      undefined,
    );
  }

  // ---- save ------------------------------------------------------------------------------------

  /** Save: to the project's file, or Save As when it has none. Resolves true once written. */
  async function save(): Promise<boolean> {
    if (!hasDocument.value || busy.value) return false;
    if (!path.value) {
      saveAsOpen.value = true;
      return false;
    }
    return writeTo(path.value, false);
  }

  /** Save As…: the dialog that asks whether to embed the data (then saveAs). */
  function openSaveAs(): void {
    saveAsOpen.value = true;
  }

  function closeSaveAs(): void {
    saveAsOpen.value = false;
  }

  /** Save As: the native dialog, then write (with the data embedded if asked). */
  async function saveAs(embedData: boolean): Promise<boolean> {
    saveAsOpen.value = false;
    if (!hasDocument.value || busy.value) return false;
    let target: string | null;
    try {
      target = await clients.project.chooseSavePath('project', suggestedProjectName());
    } catch (err) {
      error.value = toUserError(err);
      return false;
    }
    return target ? writeTo(target, embedData) : false;
  }

  function suggestedProjectName(): string {
    if (name.value) return name.value;
    const file = dataset.summary?.file ?? detached.value?.project.dataSource?.path;
    return `${file ? baseName(file).replace(/\.[^.]*$/, '') : 'analysis'}.mixlab`;
  }

  async function writeTo(target: string, embedData: boolean): Promise<boolean> {
    busy.value = true;
    error.value = null;
    const snapshot = fingerprint.value;
    try {
      await clients.project.save(target, currentState(), embedData);
      path.value = target;
      baseline.value = snapshot;
      remember(target);
      return true;
    } catch (err) {
      error.value = toUserError(err);
      return false;
    } finally {
      busy.value = false;
    }
  }

  // ---- unsaved changes -------------------------------------------------------------------------

  /** Asks Save / Don't save / Cancel when there are unsaved changes; true = go ahead. */
  async function confirmDiscard(): Promise<boolean> {
    if (!dirty.value) return true;
    const choice = await new Promise<ConfirmChoice>((resolve) => (confirm.value = { resolve }));
    confirm.value = null;
    if (choice === 'cancel') return false;
    if (choice === 'discard') return true;
    return save();
  }

  function answerConfirm(choice: ConfirmChoice): void {
    confirm.value?.resolve(choice);
  }

  /** New: back to the start screen with nothing open. */
  async function newProject(): Promise<void> {
    if (!(await confirmDiscard())) return;
    dataset.close();
    reset();
  }

  /** Closing the data file closes the analysis. */
  async function closeFile(): Promise<void> {
    await newProject();
  }

  /** Open data…: a new analysis on another file. */
  async function openData(): Promise<void> {
    if (dataset.busy || !(await confirmDiscard())) return;
    await dataset.openFile();
  }

  /** A sample: a new analysis on it, after the same question as any other file. */
  async function openSample(id: SampleInfo['id']): Promise<void> {
    if (dataset.busy || !(await confirmDiscard())) return;
    await dataset.openSample(id);
  }

  function reset(): void {
    path.value = null;
    baseline.value = null;
    detached.value = null;
    dataPrompt.value = null;
    error.value = null;
  }

  // ---- open ------------------------------------------------------------------------------------

  /** Open project…: the native dialog, then open. */
  async function openProjectDialog(): Promise<void> {
    if (!(await confirmDiscard())) return;
    let chosen: string | null;
    try {
      chosen = await clients.project.chooseOpenPath('project');
    } catch (err) {
      error.value = toUserError(err);
      return;
    }
    if (chosen) await openPath(chosen, { confirmed: true });
  }

  /** Opens a project file; a refusal (corrupt, foreign, too new…) changes nothing open now. */
  async function openPath(target: string, options: { confirmed?: boolean } = {}): Promise<void> {
    if (busy.value) return;
    if (!options.confirmed && !(await confirmDiscard())) return;
    busy.value = true;
    error.value = null;
    try {
      const opened = await clients.project.open(target);
      remember(target);
      await continueWith(opened.project, target, opened.dataSource);
    } catch (err) {
      const userError = toUserError(err);
      if (userError.code === 'file_not_found') {
        recent.value = markMissing(recent.value, target);
        writeRecent(env.storage, recent.value);
      }
      error.value = userError;
    } finally {
      busy.value = false;
    }
  }

  /** With the data file usable, restore; otherwise ask how to go on. */
  async function continueWith(project: MixlabProject, file: string | null, status: DataSourceStatus) {
    if (status.state === 'ok' && project.dataSource) {
      await restore(project, file, project.dataSource.path);
    } else if (status.state === 'none') {
      await openDetached(project, file, status);
    } else {
      dataPrompt.value = { project, path: file, status, locateProblem: null };
    }
  }

  /** "Locate the file…": the file the user points at must be the project's data (same hash). */
  async function locateData(): Promise<void> {
    const prompt = dataPrompt.value;
    if (!prompt?.project.dataSource) return;
    let chosen: string | null;
    try {
      chosen = await clients.dataset.chooseDataFile();
      if (!chosen) return;
      const status = await clients.project.checkDataSource(prompt.project.dataSource, chosen);
      if (status.state !== 'ok') {
        dataPrompt.value = { ...prompt, locateProblem: status };
        return;
      }
    } catch (err) {
      error.value = toUserError(err);
      return;
    }
    dataPrompt.value = null;
    await restore(prompt.project, prompt.path, chosen);
  }

  /** "Use the embedded copy": unpacked to the app's data folder, then opened like the original. */
  async function useEmbedded(): Promise<void> {
    const prompt = dataPrompt.value;
    if (!prompt?.path || !prompt.project.embeddedData) return;
    try {
      const extracted = await clients.project.extractEmbeddedData(prompt.path);
      dataPrompt.value = null;
      await restore(prompt.project, prompt.path, extracted);
    } catch (err) {
      error.value = toUserError(err);
    }
  }

  async function openWithoutData(): Promise<void> {
    const prompt = dataPrompt.value;
    if (!prompt) return;
    dataPrompt.value = null;
    await openDetached(prompt.project, prompt.path, prompt.status);
  }

  function cancelDataPrompt(): void {
    dataPrompt.value = null;
  }

  /** "Locate the data file" from a project open without it: the same prompt as at opening. */
  function promptForData(): void {
    const withoutData = detached.value;
    if (!withoutData) return;
    const { project, status } = withoutData;
    dataPrompt.value = { project, path: path.value, status, locateProblem: null };
  }

  /** Without rows: the settings and the sweep (chart and table) are restored, nothing is labelled. */
  async function openDetached(project: MixlabProject, file: string | null, status: DataSourceStatus) {
    restoring = true;
    try {
      await restoreWithoutData(restoreTargets, project);
      history.clear();
      detached.value = { project, status };
      path.value = file;
      baseline.value = null;
    } finally {
      restoring = false;
    }
  }

  /** Reopens the data and restores the analysis over it (restoreProject.ts); then the document is this project. */
  async function restore(project: MixlabProject, file: string | null, dataPath: string): Promise<void> {
    restoring = true;
    try {
      detached.value = null;
      if (!(await restoreWithData(restoreTargets, project, dataPath))) return;
      // The project's state is where undo starts, not a step to undo.
      history.clear();
      path.value = file;
      baseline.value = file ? fingerprint.value : null;
    } catch (err) {
      error.value = toUserError(err);
    } finally {
      restoring = false;
    }
  }

  function remember(file: string): void {
    recent.value = addRecent(recent.value, file);
    writeRecent(env.storage, recent.value);
  }

  // ---- autosave and recovery (projectRecovery.ts) -------------------------------------------------

  const recovery = useProjectRecovery({
    clients,
    autosaveKey: () => (hasDocument.value ? fingerprint.value + (detached.value ? 'detached' : '') : null),
    currentState,
    busy,
    error,
    continueWith,
  });
  const { recoverable } = recovery;

  function dismissError(): void {
    error.value = null;
  }

  return {
    path,
    name,
    busy,
    error,
    dataPrompt,
    detached,
    confirm,
    saveAsOpen,
    recoverable,
    recent,
    dirty,
    hasDocument,
    fingerprint,
    windowTitle,
    currentState,
    save,
    openSaveAs,
    closeSaveAs,
    saveAs,
    confirmDiscard,
    answerConfirm,
    newProject,
    closeFile,
    openData,
    openSample,
    openProjectDialog,
    openPath,
    locateData,
    useEmbedded,
    openWithoutData,
    cancelDataPrompt,
    promptForData,
    autosaveNow: recovery.autosaveNow,
    startAutosave: recovery.startAutosave,
    checkRecovery: recovery.checkRecovery,
    restoreRecovered: recovery.restoreRecovered,
    discardRecovered: recovery.discardRecovered,
    dismissError,
  };
});
