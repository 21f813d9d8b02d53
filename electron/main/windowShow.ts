/**
 * The window is created hidden and shown once the page has painted ('ready-to-show'), so the user
 * never sees a blank frame. That event is not reliable: it has been missed on some machines
 * (electron/electron#7779, #25253; Electron now also emits it after 'did-finish-load', #25448) and
 * never comes when the page fails to load or its renderer dies. A window that never appears looks
 * like an app that did not start, so it is shown after a timeout regardless — blank, perhaps, but
 * there, with the reason in main.log (windowDiagnostics.ts).
 */

/** The part of a BrowserWindow this needs (Electron's BrowserWindow satisfies it). */
export interface ShowableWindow {
  once(event: 'ready-to-show' | 'closed', listener: () => void): unknown;
  show(): void;
  isDestroyed(): boolean;
}

/** How long to wait for 'ready-to-show': a first start on a slow disk paints well within it. */
export const SHOW_FALLBACK_MS = 5000;

export function showWhenReady(
  window: ShowableWindow,
  options: { timeoutMs?: number; log?: (line: string) => void } = {},
): void {
  const timeoutMs = options.timeoutMs ?? SHOW_FALLBACK_MS;
  let done = false;
  const show = (late: boolean) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    if (window.isDestroyed()) return;
    if (late) options.log?.(`the window was not ready to show after ${timeoutMs} ms; showing it anyway`);
    window.show();
  };
  const timer = setTimeout(() => show(true), timeoutMs);
  window.once('ready-to-show', () => show(false));
  window.once('closed', () => {
    done = true;
    clearTimeout(timer);
  });
}
