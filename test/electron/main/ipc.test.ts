import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';

// ipc.ts registers on Electron's ipcMain; a stand-in records the handler so the test can invoke it.
const handlers = new Map<string, (event: unknown, method: unknown, arg: unknown) => unknown>();
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: never) => handlers.set(channel, handler) },
}));
const { isTrustedSender, registerIpc } = await import('../../../electron/main/ipc');
const { INVOKE_CHANNEL } = await import('../../../shared/api');

const APP = ['app://mixlab'];

/** A window with its main frame, and invoke events as Electron builds them from a sender frame. */
function fakeWindow(url = 'app://mixlab/index.html') {
  const mainFrame = { url };
  const webContents = { mainFrame };
  let destroyed = false;
  const window = { webContents, isDestroyed: () => destroyed } as unknown as BrowserWindow;
  return { window, webContents, mainFrame, destroy: () => (destroyed = true) };
}
const eventFrom = (sender: unknown, senderFrame: unknown) =>
  ({ sender, senderFrame }) as unknown as IpcMainInvokeEvent;

describe('isTrustedSender: only the app page in the main frame of our window', () => {
  it('accepts the main frame of the window showing the app page', () => {
    const w = fakeWindow();
    expect(isTrustedSender(eventFrom(w.webContents, w.mainFrame), w.window, APP)).toBe(true);
  });

  it('refuses a subframe, another webContents, a foreign or file:// page, a missing frame', () => {
    const w = fakeWindow();
    const iframe = { url: 'app://mixlab/index.html' };
    expect(isTrustedSender(eventFrom(w.webContents, iframe), w.window, APP)).toBe(false);
    const other = fakeWindow();
    expect(isTrustedSender(eventFrom(other.webContents, other.mainFrame), w.window, APP)).toBe(false);
    for (const url of ['https://evil.example/', 'file:///home/a/x.html', 'app://evil/index.html']) {
      const navigated = fakeWindow(url);
      expect(
        isTrustedSender(eventFrom(navigated.webContents, navigated.mainFrame), navigated.window, APP),
        url,
      ).toBe(false);
    }
    expect(isTrustedSender(eventFrom(w.webContents, null), w.window, APP)).toBe(false);
  });

  it('refuses when there is no window or it was destroyed', () => {
    const w = fakeWindow();
    expect(isTrustedSender(eventFrom(w.webContents, w.mainFrame), null, APP)).toBe(false);
    w.destroy();
    expect(isTrustedSender(eventFrom(w.webContents, w.mainFrame), w.window, APP)).toBe(false);
  });
});

describe('registerIpc: the sender is checked before the router sees the call', () => {
  beforeEach(() => handlers.clear());

  it('answers an untrusted sender with untrusted_sender and never runs the router', async () => {
    const w = fakeWindow();
    const router = vi.fn(async () => ({ ok: true as const, value: 'ran' }));
    registerIpc(router, () => w.window, APP);
    const handle = handlers.get(INVOKE_CHANNEL)!;
    const iframe = { url: 'app://mixlab/index.html' };
    expect(await handle(eventFrom(w.webContents, iframe), 'getAppInfo', {})).toMatchObject({
      ok: false,
      error: { code: 'untrusted_sender' },
    });
    expect(router).not.toHaveBeenCalled();
    expect(await handle(eventFrom(w.webContents, w.mainFrame), 'getAppInfo', {})).toEqual({
      ok: true,
      value: 'ran',
    });
    expect(router).toHaveBeenCalledWith('getAppInfo', {});
  });

  it('turns a router that throws into an internal error envelope without details', async () => {
    const w = fakeWindow();
    registerIpc(
      async () => {
        throw new Error('secret /home/a/path');
      },
      () => w.window,
      APP,
    );
    const res = await handlers.get(INVOKE_CHANNEL)!(eventFrom(w.webContents, w.mainFrame), 'x', {});
    expect(res).toEqual({
      ok: false,
      error: { code: 'internal', message: 'The request failed unexpectedly.' },
    });
  });
});
