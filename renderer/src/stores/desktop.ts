import { defineStore } from 'pinia';
import { computed, onScopeDispose, watch } from 'vue';
import type { LaunchFile, MenuCommand, MenuState } from '../../../shared/api';
import { useClients } from '../api/clients';
import type { DroppedFile } from '../api/datasetClient';
import { fileKindOf, type MenuRequest } from '../lib/menuCommands';
import { useDatasetStore } from './dataset';
import { useExportsStore } from './exports';
import { useImportDialogStore } from './importDialog';
import { usePreferencesStore } from './preferences';
import { useProjectStore } from './project';
import { useBackgroundStore } from './background';

/** How many recent projects the native menu lists (the page's list may be longer). */
export const MENU_RECENT_LIMIT = 10;

/**
 * The page's side of the desktop shell: native menu commands, keyboard shortcuts, files given by
 * the OS (command line, file association, second launch) and files dropped on the window all run
 * here, through the same store actions as the page's File menu — so the unsaved-changes question,
 * the import dialog and every refusal behave the same whichever way the user asked. It also tells
 * the main process what its menu should show.
 */
export const useDesktopStore = defineStore('desktop', () => {
  const clients = useClients();
  const project = useProjectStore();
  const dataset = useDatasetStore();
  const exports = useExportsStore();
  const preferences = usePreferencesStore();
  const importDialog = useImportDialogStore();
  const background = useBackgroundStore();

  /**
   * One of the page's modal dialogs is up (unsaved changes, Save As, missing data, import, export).
   * They are modal because the document must not change under them; the native menu sits outside
   * the page, so its document commands are ignored meanwhile, as a click on the page would be; a
   * file from the OS waits for the dialog to be answered.
   */
  const modalOpen = computed(
    () =>
      project.confirm !== null ||
      project.saveAsOpen ||
      project.dataPrompt !== null ||
      importDialog.open ||
      exports.dialogOpen,
  );
  /** Commands that do not touch the document: fine under a dialog. */
  const ALWAYS: ReadonlySet<MenuCommand> = new Set([
    'theme-light',
    'theme-dark',
    'theme-system',
    'language-en',
    'language-zh-CN',
    'close-window',
  ]);

  /** What the native menu shows: the same facts that enable the page's own File menu items. */
  const menuState = computed<MenuState>(() => ({
    hasDocument: project.hasDocument,
    canSave: project.hasDocument && !project.busy,
    canExport: exports.blocker === null,
    dirty: project.dirty,
    recent: project.recent
      .filter((r) => !r.missing)
      .map((r) => r.path)
      .slice(0, MENU_RECENT_LIMIT),
    locale: preferences.locale,
    themeMode: preferences.themeMode,
  }));

  /** One entry per command: the table is checked by the compiler against MENU_COMMANDS. */
  const actions: Record<MenuCommand, (path?: string) => Promise<unknown> | void> = {
    new: () => project.newProject(),
    'open-data': () => (dataset.busy ? undefined : project.openData()),
    'open-project': () => project.openProjectDialog(),
    'open-recent': (path) => (path ? project.openPath(path) : undefined),
    'open-frames-folder': () => background.openSource('folder'),
    'open-frames-gif': () => background.openSource('gif'),
    save: () => project.save(),
    'save-as': () => (project.hasDocument ? project.openSaveAs() : undefined),
    // A menu item disabled a moment ago may still send its command: the page checks again.
    'export-labels': () => (exports.blocker === null ? exports.openDialog() : undefined),
    'export-model': () => (exports.blocker === null ? exports.exportModel() : undefined),
    'theme-light': () => preferences.setThemeMode('light'),
    'theme-dark': () => preferences.setThemeMode('dark'),
    'theme-system': () => preferences.setThemeMode('auto'),
    'language-en': () => preferences.setLocale('en'),
    'language-zh-CN': () => preferences.setLocale('zh-CN'),
    'close-window': () => closeWindow(),
  };

  /**
   * The window is closing (close button, Quit) and main saw unsaved changes: the same question as
   * New, then the answer to main. Asked once even if the user clicks close again meanwhile.
   */
  async function closeWindow(): Promise<void> {
    if (project.confirm) return;
    const proceed = await project.confirmDiscard();
    await clients.desktop.closeWindow(proceed);
  }

  let deferredFile: LaunchFile | null = null;
  watch(modalOpen, (open) => {
    if (open || !deferredFile) return;
    const file = deferredFile;
    deferredFile = null;
    void openFile(file);
  });

  async function run(command: MenuCommand, path?: string): Promise<void> {
    if (modalOpen.value && !ALWAYS.has(command)) return;
    await actions[command](path);
  }

  /**
   * A file from the OS: a project opens like Open Project (after the unsaved-changes question); a
   * data file goes through the import dialog like Open Data.
   */
  async function openFile(file: LaunchFile): Promise<void> {
    if (modalOpen.value) {
      // The user asked for this file: it opens as soon as the dialog is answered.
      deferredFile = file;
      return;
    }
    if (file.kind === 'project') {
      await project.openPath(file.path);
      return;
    }
    if (dataset.busy || !(await project.confirmDiscard())) return;
    await importDialog.show(file.path);
  }

  /**
   * A file dropped on the window; false when its path is unknown (the caller says so). Dropped over
   * a modal dialog it is ignored, as a click there would be; either kind asks about unsaved changes.
   */
  async function openDropped(file: DroppedFile): Promise<boolean> {
    const path = clients.dataset.pathForDroppedFile(file);
    if (!path) return false;
    if (modalOpen.value || dataset.busy) return true;
    if (fileKindOf(path) === 'project') await project.openPath(path);
    else if (await project.confirmDiscard()) await dataset.openDropped(file);
    return true;
  }

  /**
   * The page is ready: open what the OS handed over before it loaded. One document at a time, so
   * of several files the last wins, as if they had been opened one after the other.
   */
  async function takeLaunchFiles(): Promise<void> {
    let files: LaunchFile[];
    try {
      files = await clients.desktop.takeLaunchFiles();
    } catch {
      return; // Outside the desktop app there is nothing to take.
    }
    const last = files.at(-1);
    if (last) await openFile(last);
  }

  onScopeDispose(clients.desktop.onMenu((request: MenuRequest) => void run(request.command, request.path)));
  onScopeDispose(clients.desktop.onOpenPath((file) => void openFile(file)));
  let lastSent = '';
  watch(
    menuState,
    (state) => {
      const text = JSON.stringify(state);
      if (text === lastSent) return; // e.g. busy went true and back: the menu is unchanged
      lastSent = text;
      // The menu is a convenience: a failed update must not disturb the page.
      clients.desktop.setMenuState(state).catch(() => (lastSent = ''));
    },
    { immediate: true },
  );

  return { menuState, modalOpen, run, openFile, openDropped, takeLaunchFiles };
});
