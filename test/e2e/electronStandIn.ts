/**
 * Stand-in for electron/preload/preload.ts in the e2e harness: builds `window.mixlab` with the same
 * createMixlabApi, over Playwright bindings to the real main-side services instead of Electron IPC.
 * Bundled to an IIFE and injected before any page script runs.
 */
import { createMixlabApi, type Envelope, type MixlabEvent } from '../../shared/api';
import { decodeWire, encodeWire } from './wire';

declare global {
  interface Window {
    __mixlabInvoke(method: string, arg: unknown): Promise<unknown>;
    __mixlabDispatch(event: unknown): void;
    __mixlabDroppedPaths?: Record<string, string>;
  }
}

const listeners = new Set<(event: MixlabEvent) => void>();
window.__mixlabDispatch = (event) => {
  const decoded = decodeWire(event) as MixlabEvent;
  for (const listener of listeners) listener(decoded);
};

const api = createMixlabApi(
  async (method, arg) =>
    decodeWire(await window.__mixlabInvoke(method, encodeWire(arg))) as Envelope<unknown>,
  (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  {
    // The test says which path a dropped file has (Electron's webUtils knows it in the app).
    pathForDroppedFile: (file) => window.__mixlabDroppedPaths?.[(file as File).name] ?? null,
  },
);

Object.defineProperty(window, 'mixlab', { value: api, writable: false, configurable: false });
