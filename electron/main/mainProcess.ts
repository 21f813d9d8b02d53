/**
 * The main process of the first instance: one window, the app:// protocol, IPC, and the engine
 * process. Thin glue: the behaviour lives in services.ts, ipcRouter.ts, engineClient.ts,
 * security.ts and the desktop modules behind desktopShell.ts (appMenu, launchFiles, windowState),
 * which are tested without Electron. main.ts runs this only once it holds the single-instance lock.
 */
import { app, BrowserWindow, nativeTheme, net, protocol, session, shell } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EngineClient } from './engineClient';
import { RotatingLog } from './log';
import { Autosaver } from './autosave';
import { electronEngineSpawner } from './electronEngineSpawner';
import { createServices } from './services';
import { createIpcRouter } from './ipcRouter';
import { registerIpc, sendEvent } from './ipc';
import { resolveAppAsset } from './appProtocol';
import { DesktopShell } from './desktopShell';
import { nativeDialogs } from './nativeDialogs';
import { showWhenReady } from './windowShow';
import { logChildProcessGone, logPageProblems } from './windowDiagnostics';
import {
  APP_ENTRY_URL,
  APP_HOST,
  APP_ORIGIN,
  APP_RESPONSE_HEADERS,
  APP_SCHEME,
  installNavigationGuards,
  installPermissionGuards,
  secureWebPreferences,
} from './security';

export function startMainProcess(): void {
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

  /** The folder Help → Show logs opens: main.log (this process) and engine.log (the engine's output). */
  function logsDir(): string {
    try {
      return app.getPath('logs');
    } catch {
      return path.join(app.getPath('userData'), 'logs');
    }
  }
  const mainLog = new RotatingLog({ dir: logsDir(), name: 'main' });
  const engineLog = new RotatingLog({ dir: logsDir(), name: 'engine' });
  /** Problems the router, the navigation guards and the autosave report (never throws). */
  function log(line: string): void {
    mainLog.warn(line);
  }
  mainLog.info(
    `${app.getName()} ${app.getVersion()} starting (Electron ${process.versions.electron}, ${process.platform})`,
  );

  /** App menu, files from the OS (one instance only), the window's remembered place: desktopShell.ts. */
  const desktop = new DesktopShell({
    getWindow: () => mainWindow,
    createWindow: () => createWindow(),
    send: (event) => sendEvent(mainWindow, event),
    logsDir,
    log,
  });
  // Holds the lock already (main.ts); from here on a second launch's files arrive as its event.
  desktop.claimSingleInstance();
  logChildProcessGone(app, (line) => mainLog.error(line));

  /**
   * The engine and its worker threads run from app.asar.unpacked in the packaged app (electron-builder
   * `asarUnpack`): worker_threads cannot load their scripts from inside an asar archive.
   */
  const engineDir = path
    .join(outDir, 'engine')
    .replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  const engine = new EngineClient(
    electronEngineSpawner(path.join(engineDir, 'engine.cjs'), {
      output: (stream, line) => engineLog.write(stream === 'stderr' ? 'warn' : 'info', line),
    }),
    { log: (level, message) => mainLog.write(level, message) },
  );
  engine.onCrash((crash) => {
    mainLog.error(`engine crashed (${crash.reason}): ${crash.message}`);
    sendEvent(mainWindow, {
      type: 'engine-crashed',
      message: crash.message,
      restarted: crash.restarted,
      reason: crash.reason,
      detail: crash.detail,
    });
  });

  const autosaver = app
    .whenReady()
    .then(() =>
      Autosaver.start({ dir: path.join(app.getPath('userData'), 'autosave'), appVersion: app.getVersion() }),
    );

  const services = createServices({
    engine,
    samplesDir,
    appDataDir: app.getPath('userData'),
    autosaver,
    desktop,
    emit: (event) => sendEvent(mainWindow, event),
    appInfo: () => ({
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      locale: app.getPreferredSystemLanguages()[0] ?? app.getLocale(),
      prefersDark: nativeTheme.shouldUseDarkColors,
    }),
    dialogs: nativeDialogs(() => mainWindow),
  });

  function createWindow(): void {
    mainWindow = new BrowserWindow({
      ...desktop.windowBounds(),
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
    showWhenReady(mainWindow, { log });
    logPageProblems(mainWindow.webContents, (line) => mainLog.error(line));
    mainWindow.on('closed', () => (mainWindow = null));
    desktop.attachWindow(mainWindow);
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
    // No permission (camera, notifications, geolocation, devices, …) is ever granted to the page.
    installPermissionGuards(session.defaultSession, log);

    registerIpc(createIpcRouter(services, log), () => mainWindow, [APP_ORIGIN]);
    desktop.installMenu();
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
  // A normal quit marks the session clean, so the next start does not offer to restore it.
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault();
    quitting = true;
    void autosaver
      .then((saver) => saver.markCleanExit())
      .catch((err: Error) => log(`autosave clean-exit marker failed: ${err.message}`))
      .finally(() => {
        engine.dispose();
        app.quit();
      });
  });
}
