/**
 * The window.mixlab calls of the desktop integration: the page reports what the native menu should
 * show, and asks for the files the OS handed over before it was ready. The Electron side (menu,
 * launch queue) is injected, so the e2e harness runs the same services with its own stand-in.
 */
import type { ApiResultOf, ArgOf, LaunchFile, MenuState } from '../../shared/api';

export interface DesktopHooks {
  /** Rebuild the app menu for this state. */
  setMenuState(state: MenuState): void;
  /** Files queued for the page; the page is ready for more from now on. */
  takeLaunchFiles(): LaunchFile[];
  /** The page's answer to 'close-window': close (and quit, if that was asked) or stay. */
  closeWindow(proceed: boolean): void;
}

type DesktopMethod = 'setMenuState' | 'takeLaunchFiles' | 'closeWindow';

/** Typed like ProjectServices, from the contract: services.ts imports this file, not the reverse. */
export type DesktopServices = { [M in DesktopMethod]: (arg: ArgOf<M>) => Promise<ApiResultOf<M>> };

/** Without a desktop (the CLI, a test): no menu to update, no files to open. */
const NO_DESKTOP: DesktopHooks = { setMenuState: () => {}, takeLaunchFiles: () => [], closeWindow: () => {} };

export function createDesktopServices(hooks: DesktopHooks = NO_DESKTOP): DesktopServices {
  return {
    async setMenuState(state) {
      hooks.setMenuState(state);
      return { accepted: true };
    },
    async takeLaunchFiles() {
      return { files: hooks.takeLaunchFiles() };
    },
    async closeWindow({ proceed }) {
      hooks.closeWindow(proceed);
      return { accepted: true };
    },
  };
}
