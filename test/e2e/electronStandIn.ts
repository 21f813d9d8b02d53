/**
 * The `electron` module as the preload sees it, for the e2e harness: the harness bundles the REAL
 * electron/preload/preload.ts with `electron` resolved to this file, so the page gets the same
 * window.mixlab the app's page gets, through the same bridge rules.
 *
 * - contextBridge: the faithful stand-in (./contextBridge.ts), which copies values the way Electron
 *   does (an Error arrives as Error(message), class instances as plain objects, …).
 * - ipcRenderer: invoke and the event channel over Playwright bindings to the real main-side
 *   services; values are encoded for the binding's JSON (./wire.ts) so typed arrays arrive as the
 *   typed arrays Electron's structured clone delivers; failures, listeners and return values as
 *   Electron's (docs/api/ipc-renderer.md, docs/api/structures/ipc-renderer-event.md).
 * - webUtils: the test says which path a dropped file has (Electron knows it in the app); anything
 *   but a File throws, as in Electron (docs/api/web-utils.md).
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
/** Listeners by channel. Electron's ipcRenderer is an EventEmitter: any channel may be listened to. */
const listeners = new Map<string, Set<IpcListener>>();
window.__mixlabDispatch = (event) => {
  const payload = decodeWire(event);
  // An IpcRendererEvent: the ipcRenderer that emitted it and the ports sent along (none here).
  const ipcEvent = { sender: ipcRenderer, ports: [] };
  for (const listener of [...(listeners.get(EVENT_CHANNEL) ?? [])]) listener(ipcEvent, payload);
};

/**
 * ipcRenderer as Electron's: `invoke` rejects, for a channel without a handler or a handler that
 * throws, with a new Error naming the channel and carrying the main side's error only as text
 * (lib/renderer/api/ipc-renderer.ts); `on` and `removeListener` return the ipcRenderer.
 */
interface IpcRendererStandIn {
  invoke(channel: string, method: string, arg: unknown): Promise<unknown>;
  on(channel: string, listener: IpcListener): IpcRendererStandIn;
  removeListener(channel: string, listener: IpcListener): IpcRendererStandIn;
}

export const ipcRenderer: IpcRendererStandIn = {
  async invoke(channel: string, method: string, arg: unknown): Promise<unknown> {
    const failed = (reason: string) => new Error(`Error invoking remote method '${channel}': ${reason}`);
    if (channel !== INVOKE_CHANNEL) throw failed(`Error: No handler registered for '${channel}'`);
    let answer: unknown;
    try {
      answer = await window.__mixlabInvoke(method, encodeWire(arg));
    } catch (err) {
      throw failed(String(err));
    }
    return decodeWire(answer);
  },
  on(channel: string, listener: IpcListener): IpcRendererStandIn {
    const set = listeners.get(channel) ?? new Set<IpcListener>();
    set.add(listener);
    listeners.set(channel, set);
    return ipcRenderer;
  },
  removeListener(channel: string, listener: IpcListener): IpcRendererStandIn {
    listeners.get(channel)?.delete(listener);
    return ipcRenderer;
  },
};

export const webUtils = {
  /**
   * Electron throws for anything but a File, and answers '' for a File it has no path for (one
   * made in script); the test says which path a dropped file has.
   */
  getPathForFile(file: File): string {
    if (!(file instanceof File)) throw new TypeError('getPathForFile expects a File');
    return window.__mixlabDroppedPaths?.[file.name] ?? '';
  },
};
