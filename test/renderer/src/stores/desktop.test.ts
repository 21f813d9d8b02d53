import { describe, expect, it } from 'vitest';
import type { LaunchFile, MenuState } from '../../../../shared/api';
import type { MixlabProject } from '../../../../shared/project/schema';
import type { OpenedProject } from '../../../../shared/project/status';
import { useAnalysisStore } from '../../../../renderer/src/stores/analysis';
import { useDatasetStore } from '../../../../renderer/src/stores/dataset';
import { useDesktopStore } from '../../../../renderer/src/stores/desktop';
import { useImportDialogStore } from '../../../../renderer/src/stores/importDialog';
import { usePreferencesStore } from '../../../../renderer/src/stores/preferences';
import { useProjectStore } from '../../../../renderer/src/stores/project';
import { createFakeApi, flush, installStores } from '../../support/fakeApi';

/** A project without a data source: it opens detached, with no import needed. */
const emptyProject = { dataSource: null } as unknown as MixlabProject;

function setup(launchFiles: LaunchFile[] = []) {
  const menuStates: MenuState[] = [];
  const api = createFakeApi({
    setMenuState: async (state: MenuState) => {
      menuStates.push(state);
      return { accepted: true };
    },
    takeLaunchFiles: async () => ({ files: launchFiles }),
    closeWindow: async () => ({ accepted: true }),
    chooseOpenPath: async () => null,
    openProject: async (): Promise<OpenedProject> =>
      ({ project: emptyProject, dataSource: { state: 'none', message: '' } }) as unknown as OpenedProject,
    previewDataset: async () => {
      throw new Error('preview not needed');
    },
    pathForDroppedFile: (file: { name: string }) => `/drop/${file.name}`,
  });
  installStores(api);
  const desktop = useDesktopStore();
  const called = (method: string) => api.calls.filter((c) => c.method === method).map((c) => c.arg);
  return { api, desktop, menuStates, called };
}

describe('desktop store: native menu commands', () => {
  it('theme and language commands change the preferences', async () => {
    const { api } = setup();
    const prefs = usePreferencesStore();
    api.emit({ type: 'menu', command: 'theme-dark' });
    api.emit({ type: 'menu', command: 'language-zh-CN' });
    await flush();
    expect(prefs.themeMode).toBe('dark');
    expect(prefs.locale).toBe('zh-CN');
    api.emit({ type: 'menu', command: 'theme-system' });
    await flush();
    expect(prefs.themeMode).toBe('auto');
  });

  it('Open Project asks for a project file through the same dialog as the File menu', async () => {
    const { api, called } = setup();
    api.emit({ type: 'menu', command: 'open-project' });
    await flush();
    expect(called('chooseOpenPath')).toEqual([{ purpose: 'project' }]);
  });

  it('Open Recent opens that project', async () => {
    const { api, called } = setup();
    api.emit({ type: 'menu', command: 'open-recent', path: '/p/geyser.mixlab' });
    await flush();
    expect(called('openProject')).toEqual([{ path: '/p/geyser.mixlab' }]);
  });

  it('ignores malformed menu events', async () => {
    const { api } = setup();
    const prefs = usePreferencesStore();
    api.emit({ type: 'menu', command: 'theme-purple' } as never);
    await flush();
    expect(prefs.themeMode).toBe('auto');
  });

  it('document commands wait out a modal dialog (here the import dialog); theme still changes', async () => {
    const { api, desktop, called } = setup();
    api.emit({ type: 'open-path', path: '/d/geyser.csv', kind: 'data' });
    await flush();
    expect(desktop.modalOpen).toBe(false); // the fake preview failed: the dialog closed again
    const importDialog = useImportDialogStore();
    importDialog.path = '/d/geyser.csv'; // as if the preview had succeeded
    expect(desktop.modalOpen).toBe(true);
    api.emit({ type: 'menu', command: 'open-project' });
    api.emit({ type: 'menu', command: 'theme-dark' });
    await flush();
    expect(called('chooseOpenPath')).toEqual([]);
    expect(usePreferencesStore().themeMode).toBe('dark');
  });

  it('a file from the OS while a dialog is up opens once the dialog is answered', async () => {
    const { api, called } = setup();
    const importDialog = useImportDialogStore();
    importDialog.path = '/d/geyser.csv';
    api.emit({ type: 'open-path', path: '/p/later.mixlab', kind: 'project' });
    await flush();
    expect(called('openProject')).toEqual([]);
    importDialog.close();
    await flush();
    expect(called('openProject')).toEqual([{ path: '/p/later.mixlab' }]);
  });

  it('export commands do nothing while there is no fit (the menu items are disabled then)', async () => {
    const { desktop, called } = setup();
    await desktop.run('export-model');
    await desktop.run('export-labels');
    expect(called('chooseSavePath')).toEqual([]);
  });

  it('New with unsaved work asks first, like the File menu', async () => {
    const { desktop } = setup();
    const project = useProjectStore();
    await useDatasetStore().openSample('iris');
    // Work in progress without a save: the unsaved-changes question stands between it and New.
    useAnalysisStore().toggleColumn(0);
    expect(project.dirty).toBe(true);
    const asked = desktop.run('new');
    await flush();
    expect(project.confirm).not.toBeNull();
    project.answerConfirm('cancel');
    await asked;
    expect(useDatasetStore().summary).not.toBeNull();
  });
});

describe('desktop store: closing the window', () => {
  it('with unsaved changes: asks, and tells main the answer (cancel keeps the window, discard closes)', async () => {
    const { api, called } = setup();
    const project = useProjectStore();
    await useDatasetStore().openSample('iris');
    useAnalysisStore().toggleColumn(0);
    expect(project.dirty).toBe(true);
    api.emit({ type: 'menu', command: 'close-window' });
    await flush();
    expect(project.confirm).not.toBeNull();
    // A second click on the close button while the question is up asks nothing more.
    api.emit({ type: 'menu', command: 'close-window' });
    await flush();
    project.answerConfirm('cancel');
    await flush();
    expect(called('closeWindow')).toEqual([{ proceed: false }]);
    api.emit({ type: 'menu', command: 'close-window' });
    await flush();
    project.answerConfirm('discard');
    await flush();
    expect(called('closeWindow')).toEqual([{ proceed: false }, { proceed: true }]);
  });
});

describe('desktop store: menu state', () => {
  it('tells main what the menu shows, and again when a document opens', async () => {
    const { menuStates } = setup();
    await flush();
    expect(menuStates[0]).toEqual({
      hasDocument: false,
      canSave: false,
      canExport: false,
      dirty: false,
      recent: [],
      locale: 'en',
      themeMode: 'auto',
    });
    await useDatasetStore().openSample('iris');
    await flush();
    expect(menuStates.at(-1)).toMatchObject({ hasDocument: true, canSave: true, canExport: false });
  });

  it('does not repeat an unchanged state', async () => {
    const { menuStates } = setup();
    await flush();
    usePreferencesStore().setThemeMode('auto');
    await flush();
    expect(menuStates).toHaveLength(1);
    usePreferencesStore().setThemeMode('dark');
    await flush();
    expect(menuStates.map((s) => s.themeMode)).toEqual(['auto', 'dark']);
  });
});

describe('desktop store: files from the OS and drops', () => {
  it('at start, opens the last file given before the page was ready', async () => {
    const { desktop, called } = setup([
      { path: '/d/a.csv', kind: 'data' },
      { path: '/p/b.mixlab', kind: 'project' },
    ]);
    await desktop.takeLaunchFiles();
    expect(called('openProject')).toEqual([{ path: '/p/b.mixlab' }]);
  });

  it('an open-path data file goes to the import dialog', async () => {
    const { api } = setup();
    api.emit({ type: 'open-path', path: '/d/geyser.csv', kind: 'data' });
    await flush();
    // The import dialog previews the file first (the e2e test shows the dialog itself).
    expect(api.calls.filter((c) => c.method === 'previewDataset').map((c) => c.arg)).toEqual([
      { options: { path: '/d/geyser.csv' } },
    ]);
  });

  it('a dropped .mixlab opens as a project; a dropped .csv goes to the importer', async () => {
    const { desktop, called } = setup();
    expect(await desktop.openDropped({ name: 'saved.MIXLAB' } as never)).toBe(true);
    expect(called('openProject')).toEqual([{ path: '/drop/saved.MIXLAB' }]);
    expect(await desktop.openDropped({ name: 'data.csv' } as never)).toBe(true);
    expect(called('previewDataset')).toEqual([{ options: { path: '/drop/data.csv' } }]);
  });

  it('a dropped data file over unsaved work asks first: Cancel keeps the analysis and previews nothing', async () => {
    const { desktop, called } = setup();
    const project = useProjectStore();
    await useDatasetStore().openSample('iris');
    useAnalysisStore().toggleColumn(0);
    const dropped = desktop.openDropped({ name: 'other.csv' } as never);
    await flush();
    expect(project.confirm).not.toBeNull();
    project.answerConfirm('cancel');
    expect(await dropped).toBe(true);
    expect(called('previewDataset')).toEqual([]);
    expect(useAnalysisStore().selection).toEqual([0]);
    // Don't save: the dropped file goes on to the import dialog.
    const again = desktop.openDropped({ name: 'other.csv' } as never);
    await flush();
    project.answerConfirm('discard');
    await again;
    expect(called('previewDataset')).toEqual([{ options: { path: '/drop/other.csv' } }]);
  });

  it('a file dropped while a dialog is up is ignored, as a click there would be', async () => {
    const { desktop, called } = setup();
    const project = useProjectStore();
    await useDatasetStore().openSample('iris');
    useAnalysisStore().toggleColumn(0);
    const asked = project.newProject();
    await flush();
    expect(await desktop.openDropped({ name: 'other.mixlab' } as never)).toBe(true);
    project.answerConfirm('cancel');
    await asked;
    expect(called('openProject')).toEqual([]);
  });
});

describe('project store: every way to another dataset asks about unsaved work', () => {
  it('a sample and Open file… ask first; Cancel leaves the analysis as it was', async () => {
    const { called } = setup();
    const project = useProjectStore();
    const dataset = useDatasetStore();
    await project.openSample('iris');
    useAnalysisStore().toggleColumn(0);
    const sample = project.openSample('faithful');
    await flush();
    expect(project.confirm).not.toBeNull();
    project.answerConfirm('cancel');
    await sample;
    const open = project.openData();
    await flush();
    expect(project.confirm).not.toBeNull();
    project.answerConfirm('cancel');
    await open;
    expect(called('openSample')).toHaveLength(1);
    expect(called('chooseDataFile')).toEqual([]);
    expect(dataset.summary).not.toBeNull();
    expect(useAnalysisStore().selection).toEqual([0]);
  });
});

describe('desktop store: the background model’s menu commands', () => {
  it('open the frame folder dialog or the animated GIF dialog', async () => {
    const { api, called } = setup();
    api.emit({ type: 'menu', command: 'open-frames-gif' });
    await flush();
    expect(called('chooseFrameSource')).toEqual([{ kind: 'gif' }]);
    api.emit({ type: 'menu', command: 'open-frames-folder' });
    await flush();
    expect(called('chooseFrameSource')).toEqual([{ kind: 'gif' }, { kind: 'folder' }]);
  });
});
