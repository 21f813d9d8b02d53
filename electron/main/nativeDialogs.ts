/** The native open and save dialogs behind the services' Dialogs, attached to the window when there is one. */
import { dialog, type BrowserWindow } from 'electron';
import type { SaveFilePurpose } from '../../shared/api';
import type { Dialogs } from './services';

/** Filters of the native save dialog per purpose (the extension decides the export format). */
const SAVE_FILTERS: Record<SaveFilePurpose, { name: string; extensions: string[] }> = {
  project: { name: 'Mixture Lab project', extensions: ['mixlab'] },
  'labels-csv': { name: 'CSV with cluster labels', extensions: ['csv'] },
  'labels-xlsx': { name: 'Excel workbook with cluster labels', extensions: ['xlsx'] },
  model: { name: 'Mixture model (JSON)', extensions: ['json'] },
};

export function nativeDialogs(getWindow: () => BrowserWindow | null): Dialogs {
  const open = (options: Electron.OpenDialogOptions) => {
    const window = getWindow();
    return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
  };
  return {
    async chooseDataFile() {
      const result = await open({
        title: 'Open data file',
        properties: ['openFile'],
        filters: [
          { name: 'Spreadsheets and delimited text', extensions: ['csv', 'tsv', 'txt', 'xlsx'] },
          { name: 'Images (one row per pixel)', extensions: ['png', 'jpg', 'jpeg', 'bmp', 'webp', 'gif'] },
          { name: 'All files', extensions: ['*'] },
        ],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSavePath(purpose, suggestedName) {
      const options = { defaultPath: suggestedName, filters: [SAVE_FILTERS[purpose]] };
      const window = getWindow();
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    // A folder of frames and an animated GIF take two dialogs: on Windows and Linux one open dialog
    // cannot select both files and folders (with openFile and openDirectory it shows a folder
    // selector; Electron docs/api/dialog.md).
    async chooseFrameSource(kind) {
      const result = await open(
        kind === 'folder'
          ? { title: 'Open a folder of frames', properties: ['openDirectory'] }
          : {
              title: 'Open an animated GIF',
              properties: ['openFile'],
              filters: [{ name: 'Animated GIF', extensions: ['gif'] }],
            },
      );
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseExportFolder() {
      const result = await open({
        title: 'Export masks to a folder',
        buttonLabel: 'Export here',
        // createDirectory: the button on macOS (GTK and Windows folder pickers have their own).
        properties: ['openDirectory', 'createDirectory'],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseOpenPath(purpose) {
      const filter = purpose === 'project' ? SAVE_FILTERS.project : SAVE_FILTERS.model;
      const result = await open({ properties: ['openFile'], filters: [filter] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
