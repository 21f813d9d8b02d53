/**
 * Electron glue of the desktop integration: the app menu, the single-instance lock and the files the
 * OS hands over, and the window's remembered place. The decisions live in pure, tested modules
 * (appMenu.ts, launchFiles.ts, windowState.ts); this file only connects them to Electron's events.
 */
import {
  app,
  dialog,
  Menu,
  screen,
  shell,
  type BrowserWindow,
  type MenuItemConstructorOptions,
} from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { LaunchFile, MenuState, MixlabEvent } from '../../shared/api';
import {
  buildAppMenu,
  documentationTarget,
  initialMenuState,
  toElectronTemplate,
  type MenuAction,
} from './appMenu';
import { menuLocaleFor } from './appMenuLabels';
import type { DesktopHooks } from './desktopServices';
import { filesFromArgv, launchFileKind, LaunchQueue, readForwardedLaunch } from './launchFiles';
import { isAllowedExternalUrl } from './security';
import {
  loadWindowState,
  MIN_SIZE,
  placeWindow,
  saveWindowState,
  WINDOW_STATE_FILE,
  type WindowPlacement,
} from './windowState';

export interface DesktopShellOptions {
  getWindow(): BrowserWindow | null;
  /** Opens the main window again (macOS keeps running with none; a file or command needs one). */
  createWindow(): void;
  send(event: MixlabEvent): void;
  /** The folder Help → Show logs opens. */
  logsDir(): string;
  log(line: string): void;
}

export class DesktopShell implements DesktopHooks {
  private readonly queue = new LaunchQueue();
  /** What the page last reported; null until it has (the menu then shows nothing open). */
  private state: MenuState | null = null;
  private placement: WindowPlacement | null = null;
  /** The page said yes to closing with unsaved changes (or there were none to ask about). */
  private closeApproved = false;
  /** Quit was chosen: once the window has closed, the app quits too (macOS would keep running). */
  private quitAfterClose = false;
  /**
   * A quit not started by our Quit item (the macOS dock, OS shutdown) is already under way when the
   * window closes (main.ts has marked the session clean and stops the engine): too late to ask.
   */
  private quitting = false;

  constructor(private readonly options: DesktopShellOptions) {
    // Files on our own command line wait for the page (it asks with takeLaunchFiles once loaded).
    this.queue.offer(this.filesOf(process.argv, process.cwd()));
    app.on('before-quit', () => (this.quitting = true));
    // macOS sends files (Finder, the dock, `open -a`) as events, also before 'ready': listen now.
    app.on('open-file', (event, file) => {
      event.preventDefault();
      const kind = launchFileKind(file);
      if (kind && path.isAbsolute(file)) this.deliver([{ path: file, kind }]);
    });
  }

  /**
   * True for the first instance. A second launch hands its argv and working directory to the first
   * (which opens its files in the window it already has) and must quit.
   */
  claimSingleInstance(): boolean {
    const primary = app.requestSingleInstanceLock({ argv: process.argv, cwd: process.cwd() });
    if (!primary) return false;
    app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
      const forwarded = readForwardedLaunch(additionalData) ?? { argv, cwd: workingDirectory };
      this.focusWindow();
      this.deliver(this.filesOf(forwarded.argv, forwarded.cwd));
    });
    return true;
  }

  private filesOf(argv: readonly string[], cwd: string): LaunchFile[] {
    return filesFromArgv(argv, { defaultApp: process.defaultApp === true, cwd });
  }

  private deliver(files: LaunchFile[]): void {
    if (files.length === 0) return;
    this.options.log(`open requested: ${files.map((f) => f.path).join(', ')}`);
    for (const file of this.queue.offer(files)) this.options.send({ type: 'open-path', ...file });
    if (app.isReady() && !this.options.getWindow()) this.options.createWindow();
  }

  private focusWindow(): void {
    const window = this.options.getWindow();
    if (!window) {
      if (app.isReady()) this.options.createWindow();
      return;
    }
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }

  // ---- DesktopHooks (window.mixlab calls) --------------------------------------------------------

  setMenuState(state: MenuState): void {
    this.state = state;
    this.installMenu();
    // macOS: the dot in the close button says "unsaved changes".
    if (process.platform === 'darwin') this.options.getWindow()?.setDocumentEdited(state.dirty);
  }

  takeLaunchFiles(): LaunchFile[] {
    return this.queue.takePending();
  }

  closeWindow(proceed: boolean): void {
    if (!proceed) {
      this.quitAfterClose = false;
      return;
    }
    this.closeApproved = true;
    this.options.getWindow()?.close();
  }

  // ---- menu ------------------------------------------------------------------------------------

  installMenu(): void {
    if (!app.isReady()) return;
    const spec = buildAppMenu({
      platform: process.platform,
      isPackaged: app.isPackaged,
      appName: app.getName(),
      // Before the page reports: nothing open, in the OS language (asked once the app is ready).
      state: this.state ?? initialMenuState(menuLocaleFor(app.getPreferredSystemLanguages())),
    });
    const template = toElectronTemplate(spec, (action) => this.run(action));
    Menu.setApplicationMenu(Menu.buildFromTemplate(template as MenuItemConstructorOptions[]));
  }

  private run(action: MenuAction): void {
    switch (action.kind) {
      case 'command':
        if (!this.options.getWindow()) this.options.createWindow();
        this.options.send({ type: 'menu', command: action.command, path: action.path });
        return;
      case 'about':
        void this.showAbout();
        return;
      case 'documentation':
        this.openDocumentation();
        return;
      case 'show-logs':
        void shell.openPath(this.options.logsDir()).then((error) => error && this.options.log(error));
        return;
      case 'quit': {
        this.quitAfterClose = true;
        const window = this.options.getWindow();
        if (window) window.close();
        else app.quit();
        return;
      }
    }
  }

  private async showAbout(): Promise<void> {
    const window = this.options.getWindow();
    const options = {
      type: 'info' as const,
      title: app.getName(),
      message: `${app.getName()} ${app.getVersion()}`,
      detail: `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
    };
    await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
  }

  private openDocumentation(): void {
    const target = documentationTarget({
      // The README beside the app in development; in a packaged app, a copy in resources/ if shipped.
      localFiles: [path.join(app.getAppPath(), 'README.md'), path.join(process.resourcesPath, 'README.md')],
      exists: existsSync,
      url: null,
      isAllowedUrl: isAllowedExternalUrl,
    });
    if (target?.kind === 'file') void shell.openPath(target.path);
    else if (target?.kind === 'url') void shell.openExternal(target.url);
    else void this.showAbout();
  }

  // ---- window state ----------------------------------------------------------------------------

  private stateFile(): string {
    return path.join(app.getPath('userData'), WINDOW_STATE_FILE);
  }

  /** Size and position for the new window: the saved ones, fitted to the displays attached now. */
  windowBounds(): {
    x?: number;
    y?: number;
    width: number;
    height: number;
    minWidth: number;
    minHeight: number;
  } {
    const primary = screen.getPrimaryDisplay();
    const areas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map(
      (d) => d.workArea,
    );
    this.placement = placeWindow(loadWindowState(this.stateFile()), areas);
    const { maximized: _maximized, ...bounds } = this.placement;
    return { ...bounds, minWidth: MIN_SIZE.width, minHeight: MIN_SIZE.height };
  }

  /**
   * Maximises it if it was, holds files while it loads, asks the page before closing over unsaved
   * changes, and remembers its place when it closes.
   */
  attachWindow(window: BrowserWindow): void {
    // Maximised once ready to show: maximize() would show the window before the page has painted.
    if (this.placement?.maximized) window.once('ready-to-show', () => window.maximize());
    this.closeApproved = false;
    window.webContents.on('did-start-loading', () => {
      this.queue.notReady();
      if (this.state) this.state = { ...this.state, dirty: false }; // a reloaded page has nothing unsaved
    });
    window.on('close', (event) => {
      // Only a live page can answer; a crashed or loading one must not keep the window open.
      const canAsk = this.queue.pageReady && !window.webContents.isCrashed();
      if (this.state?.dirty && !this.closeApproved && !this.quitting && canAsk) {
        event.preventDefault();
        this.options.send({ type: 'menu', command: 'close-window' });
        return;
      }
      saveWindowState(this.stateFile(), {
        bounds: window.getNormalBounds(),
        maximized: window.isMaximized() || window.isFullScreen(),
      });
    });
    window.on('closed', () => {
      this.queue.notReady();
      if (this.quitAfterClose) app.quit();
    });
  }
}
