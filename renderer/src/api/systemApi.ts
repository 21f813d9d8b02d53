import type { MixlabApi } from '../../../shared/api';

/**
 * The one place that reads `window.mixlab` (exposed by the preload in Electron, by the harness in the
 * e2e tests). Clients call it only when no api is passed, so unit tests never touch a global.
 * Read through globalThis so this module type-checks without the DOM library (tests run in Node).
 */
export function systemApi(): MixlabApi {
  const api = (globalThis as { mixlab?: MixlabApi }).mixlab;
  if (!api) throw new Error('window.mixlab is missing: the page is not running inside Mixture Lab.');
  return api;
}
