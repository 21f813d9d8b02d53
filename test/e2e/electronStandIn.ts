/**
 * The `electron` module as the preload sees it, for the e2e harness: the harness bundles the REAL
 * electron/preload/preload.ts with `electron` resolved to this file, so the page gets the same
 * window.mixlab the app's page gets, through the same bridge rules.
 *
 * - contextBridge: the faithful stand-in (./contextBridge.ts), which copies values the way Electron
 *   does (an Error arrives as Error(message), class instances as plain objects, …).
 * - ipcRenderer: invoke and the event channel over Playwright bindings to the real main-side
 *   services; values are encoded for the binding's JSON (./wire.ts) so typed arrays arrive as the
 *   typed arrays Electron's structured clone delivers.
 * - webUtils: the test says which path a dropped file has (Electron knows it in the app).
 */
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../shared/api';
import { contextBridge } from './contextBridge';
import { decodeWire, encodeWire } from './wire';

declare global {
  interface Window {
    __mixlabInvoke(method: string, arg: unknown): Promise<unknown>;
    __mixlabDispatch(event: unknown): void;
    __mixlabDroppedPaths?: Record<string, string>;
  }
}

export { contextBridge };

type IpcListener = (event: unknown, ...args: unknown[]) => void;
const eventListeners = new Set<IpcListener>();
window.__mixlabDispatch = (event) => {
  const payload = decodeWire(event);
  for (const listener of [...eventListeners]) listener({ sender: null }, payload);
};

function unknownChannel(channel: string): Error {
  return new Error(
    `The e2e stand-in for ipcRenderer carries only the window API's channels, not "${channel}".`,
  );
}

export const ipcRenderer = {
  async invoke(channel: string, method: string, arg: unknown): Promise<unknown> {
    if (channel !== INVOKE_CHANNEL) throw unknownChannel(channel);
    return decodeWire(await window.__mixlabInvoke(method, encodeWire(arg)));
  },
  on(channel: string, listener: IpcListener): void {
    if (channel !== EVENT_CHANNEL) throw unknownChannel(channel);
    eventListeners.add(listener);
  },
  removeListener(channel: string, listener: IpcListener): void {
    if (channel === EVENT_CHANNEL) eventListeners.delete(listener);
  },
};

export const webUtils = {
  /** Electron answers '' for a File it has no path for. */
  getPathForFile: (file: File): string => window.__mixlabDroppedPaths?.[file.name] ?? '',
};
