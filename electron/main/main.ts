/**
 * Electron main process: one window, the app:// protocol, IPC, and the engine process. Thin glue:
 * the behaviour lives in services.ts, ipcRouter.ts, engineClient.ts and security.ts, which are
 * tested without Electron.
 */
import { app, BrowserWindow, dialog, nativeTheme, net, protocol, session, shell } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { appendFileSync } from 'node:fs';
import { EngineClient } from './engineClient';
import { electronEngineSpawner } from './electronEngineSpawner';
import { createServices } from './services';
import { createIpcRouter } from './ipcRouter';
import { registerIpc, sendEvent } from './ipc';
import { resolveAppAsset } from './appProtocol';
import {
  APP_ENTRY_URL,
  APP_HOST,
  APP_ORIGIN,
  APP_RESPONSE_HEADERS,
  APP_SCHEME,
  installNavigationGuards,
  secureWebPreferences,
} from './security';

protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);

const outDir = path.join(__dirname, '..');
const rendererDir = path.join(outDir, 'renderer');
const samplesDir = app.isPackaged
  ? path.join(process.resourcesPath, 'samples')
  : path.join(app.getAppPath(), 'build', 'samples');
let mainWindow: BrowserWindow | null = null;

function log(line: string): void {
  try {
    appendFileSync(path.join(app.getPath('logs'), 'main.log'), `${new Date().toISOString()} ${line}\n`);
  } catch {
    // Logging must never take the app down.
  }
}

const engine = new EngineClient(electronEngineSpawner(path.join(outDir, 'engine', 'engine.cjs')));
engine.onCrash((crash) => {
  log(`engine crashed: ${crash.message}`);
  sendEvent(mainWindow, { type: 'engine-crashed', message: crash.message, restarted: crash.restarted });
});

const services = createServices({
  engine,
  samplesDir,
  emit: (event) => sendEvent(mainWindow, event),
  appInfo: () => ({
    name: app.getName(),
    version: app.getVersion(),
    platform: process.platform,
    locale: app.getPreferredSystemLanguages()[0] ?? app.getLocale(),
    prefersDark: nativeTheme.shouldUseDarkColors,
  }),
  dialogs: {
    async chooseDataFile() {
      const options = {
        title: 'Open data file',
        properties: ['openFile'] as 'openFile'[],
        filters: [
          { name: 'Spreadsheets and delimited text', extensions: ['csv', 'tsv', 'txt', 'xlsx'] },
          { name: 'All files', extensions: ['*'] },
        ],
      };
      const result = mainWindow
        ? await dialog.showOpenDialog(mainWindow, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  },
});

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Mixture Lab',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#f7f8fa',
    webPreferences: secureWebPreferences(path.join(outDir, 'preload', 'preload.cjs')),
  });
  installNavigationGuards(mainWindow.webContents, {
    allowedOrigins: [APP_ORIGIN],
    openExternal: (url) => void shell.openExternal(url),
    log,
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadURL(APP_ENTRY_URL);
}

app.enableSandbox();

app.whenReady().then(() => {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const asset = url.host === APP_HOST ? resolveAppAsset(rendererDir, url.pathname) : null;
    if (!asset) return new Response('Not found', { status: 404 });
    const file = await net.fetch(pathToFileURL(asset.filePath).toString());
    return new Response(file.body, {
      status: file.status,
      headers: { 'Content-Type': asset.mime, ...APP_RESPONSE_HEADERS },
    });
  });
  // No permission (camera, notifications, geolocation, …) is ever granted to the page.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  registerIpc(createIpcRouter(services, log), () => mainWindow, [APP_ORIGIN]);
  void engine.start().catch((err: Error) => log(`engine start failed: ${err.message}`));
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('web-contents-created', (_event, contents) => {
  // Any other webContents (there should be none) gets the same guards.
  installNavigationGuards(contents, { allowedOrigins: [APP_ORIGIN], log });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('before-quit', () => engine.dispose());
