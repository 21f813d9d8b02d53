/**
 * Electron transport of the window.mixlab contract: one invoke channel, one event channel. Every
 * call is refused unless it comes from the app's own page in the window's main frame; then the
 * router validates the method and its argument.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type MixlabEvent } from '../../shared/api';
import { ErrorCodes } from '../../shared/errors';
import type { IpcRouter } from './ipcRouter';
import { isAppUrl } from './security';

export function isTrustedSender(
  event: IpcMainInvokeEvent,
  window: BrowserWindow | null,
  allowedOrigins: readonly string[],
): boolean {
  const frame = event.senderFrame;
  if (!frame || !window || window.isDestroyed()) return false;
  return (
    event.sender === window.webContents &&
    frame === window.webContents.mainFrame &&
    isAppUrl(frame.url, allowedOrigins)
  );
}

export function registerIpc(
  router: IpcRouter,
  getWindow: () => BrowserWindow | null,
  allowedOrigins: readonly string[],
): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, arg: unknown) => {
    if (!isTrustedSender(event, getWindow(), allowedOrigins)) {
      return {
        ok: false,
        error: {
          code: 'untrusted_sender',
          message: 'Request refused: it did not come from the Mixture Lab window.',
        },
      };
    }
    return router(method, arg).catch(() => ({
      ok: false,
      error: { code: ErrorCodes.Internal, message: 'The request failed unexpectedly.' },
    }));
  });
}

export function sendEvent(window: BrowserWindow | null, event: MixlabEvent): void {
  if (window && !window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
}
