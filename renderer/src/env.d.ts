/// <reference types="vite/client" />
import type { MixlabApi } from '../../shared/api';

declare global {
  interface Window {
    /** The system API, exposed by the preload (electron/preload) or the e2e harness. Read only in src/api/. */
    readonly mixlab: MixlabApi;
  }
}

export {};
