/**
 * Preload (sandboxed): exposes exactly one object, `window.mixlab`, built from the typed contract in
 * shared/api.ts. No ipcRenderer, no generic channel, nothing else reaches the page.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  createMixlabApi,
  EVENT_CHANNEL,
  INVOKE_CHANNEL,
  type Envelope,
  type MixlabEvent,
} from '../../shared/api';

const api = createMixlabApi(
  (method, arg) => ipcRenderer.invoke(INVOKE_CHANNEL, method, arg) as Promise<Envelope<unknown>>,
  (listener) => {
    const handler = (_event: IpcRendererEvent, payload: MixlabEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
  {
    // A dropped File's path on disk is only known to the preload (Electron's webUtils).
    pathForDroppedFile: (file) => {
      try {
        return webUtils.getPathForFile(file as File) || null;
      } catch {
        return null;
      }
    },
  },
);

contextBridge.exposeInMainWorld('mixlab', api);
