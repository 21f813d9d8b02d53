import type { LaunchFile, MenuState, MixlabApi } from '../../../shared/api';
import { readMenuEvent, readOpenPathEvent, type MenuRequest } from '../lib/menuCommands';
import { systemApi } from './systemApi';

/** The desktop shell around the page: the native menu and files the OS opens. */
export interface DesktopClient {
  /** Native menu choices, validated; returns the unsubscribe function. */
  onMenu(listener: (request: MenuRequest) => void): () => void;
  /** Files the OS hands over while the page is open; returns the unsubscribe function. */
  onOpenPath(listener: (file: LaunchFile) => void): () => void;
  setMenuState(state: MenuState): Promise<void>;
  /** Files given before the page was ready (once); later ones come through onOpenPath. */
  takeLaunchFiles(): Promise<LaunchFile[]>;
  /** Answers main's 'close-window': close (true) or keep the window open (false). */
  closeWindow(proceed: boolean): Promise<void>;
}

export function createDesktopClient(api: MixlabApi = systemApi()): DesktopClient {
  return {
    onMenu: (listener) =>
      api.onEvent((event) => {
        const request = readMenuEvent(event);
        if (request) listener(request);
      }),
    onOpenPath: (listener) =>
      api.onEvent((event) => {
        const file = readOpenPathEvent(event);
        if (file) listener(file);
      }),
    setMenuState: async (state) => {
      await api.setMenuState(state);
    },
    takeLaunchFiles: async () => (await api.takeLaunchFiles({})).files,
    closeWindow: async (proceed) => {
      await api.closeWindow({ proceed });
    },
  };
}
