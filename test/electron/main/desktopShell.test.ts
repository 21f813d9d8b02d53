/**
 * The Electron glue of the desktop integration, over a stand-in `electron` module (no Electron
 * binary in tests): which events it listens to and what it does with them — launch files queued
 * until the page asks, a second launch forwarded and focused, the close of a window with unsaved
 * changes handed to the page, Quit through the window's close, the window's place remembered.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuState, MixlabEvent } from '../../../shared/api';

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  class Emitter {
    listeners = new Map<string, Listener[]>();
    on(name: string, listener: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: Listener) {
      return this.on(name, listener);
    }
    emit(name: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(name) ?? []) listener(...args);
    }
  }
  const app = Object.assign(new Emitter(), {
    gotLock: true,
    ready: true,
    userData: '',
    quit: () => {},
    requestSingleInstanceLock: (_data: unknown) => app.gotLock,
    isReady: () => app.ready,
    isPackaged: false,
    getName: () => 'Mixture Lab',
    getVersion: () => '0.1.0',
    getPath: (_name: string) => app.userData,
    getAppPath: () => '/app',
    getPreferredSystemLanguages: () => ['zh-CN'],
  });
  const menus: unknown[] = [];
  return {
    Emitter,
    app,
    menus,
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => void menus.push(menu),
    },
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1050 } }),
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1050 } }],
    },
    dialog: { showMessageBox: async () => ({ response: 0 }) },
    shell: { openPath: async () => '', openExternal: async () => {} },
  };
});
vi.mock('electron', () => ({
  app: fake.app,
  Menu: fake.Menu,
  screen: fake.screen,
  dialog: fake.dialog,
  shell: fake.shell,
}));

const { DesktopShell } = await import('../../../electron/main/desktopShell');

/** A BrowserWindow stand-in with the calls and events the shell uses. */
class FakeWindow extends fake.Emitter {
  webContents = Object.assign(new fake.Emitter(), {
    crashed: false,
    isCrashed: () => this.webContents.crashed,
  });
  minimized = false;
  closes = 0;
  focused = 0;
  isMinimized = () => this.minimized;
  restore = () => void (this.minimized = false);
  show = () => {};
  focus = () => void this.focused++;
  maximized = false;
  maximize = () => void (this.maximized = true);
  isMaximized = () => this.maximized;
  isFullScreen = () => false;
  getNormalBounds = () => ({ x: 10, y: 20, width: 1200, height: 800 });
  setDocumentEdited = () => {};
  close = () => {
    this.closes++;
    const event = { prevented: false, preventDefault: () => void (event.prevented = true) };
    this.emit('close', event);
    if (!event.prevented) this.emit('closed');
    return event.prevented;
  };
}

const dirtyState: MenuState = {
  hasDocument: true,
  canSave: true,
  canExport: false,
  dirty: true,
  recent: [],
  locale: 'en',
  themeMode: 'auto',
};

function setup(argv: string[] = ['mixture-lab']) {
  fake.app.listeners.clear();
  fake.menus.length = 0;
  fake.app.userData = mkdtempSync(path.join(tmpdir(), 'mixlab-shell-'));
  const saved = process.argv;
  process.argv = argv;
  const window = new FakeWindow();
  const sent: MixlabEvent[] = [];
  let current: FakeWindow | null = window;
  const created: number[] = [];
  const shell = new DesktopShell({
    getWindow: () => current as never,
    createWindow: () => {
      created.push(1);
      current = new FakeWindow();
    },
    send: (event) => void sent.push(event),
    logsDir: () => '/logs',
    log: () => {},
  });
  process.argv = saved;
  return {
    shell,
    window,
    sent,
    created,
    dropWindow: () => (current = null),
  };
}

beforeEach(() => {
  fake.app.gotLock = true;
  fake.app.ready = true;
});

describe('DesktopShell: files from the OS', () => {
  it('holds the files of its own command line until the page asks', () => {
    const { shell, sent } = setup(['mixture-lab', '/d/geyser.csv', '--flag', 'notes.pdf']);
    expect(sent).toEqual([]);
    expect(shell.takeLaunchFiles()).toEqual([{ path: '/d/geyser.csv', kind: 'data' }]);
    expect(shell.takeLaunchFiles()).toEqual([]);
  });

  it('a second launch: its files (relative to its own directory) go to the ready page, the window comes forward', () => {
    const { shell, sent, window } = setup();
    expect(shell.claimSingleInstance()).toBe(true);
    shell.takeLaunchFiles(); // the page is ready
    window.minimized = true;
    fake.app.emit('second-instance', {}, ['chromium-reordered'], '/ignored', {
      argv: ['mixture-lab', 'p.mixlab'],
      cwd: '/home/ana',
    });
    expect(sent).toEqual([{ type: 'open-path', path: '/home/ana/p.mixlab', kind: 'project' }]);
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(1);
  });

  it('falls back to Electron’s argv and working directory when the forwarded data is malformed', () => {
    const { shell, sent } = setup();
    shell.claimSingleInstance();
    shell.takeLaunchFiles();
    fake.app.emit('second-instance', {}, ['mixture-lab', 'a.xlsx'], '/w', { argv: 'a.xlsx' });
    expect(sent).toEqual([{ type: 'open-path', path: '/w/a.xlsx', kind: 'data' }]);
  });

  it('without the lock it is the second instance: it listens to nothing', () => {
    fake.app.gotLock = false;
    const { shell } = setup();
    expect(shell.claimSingleInstance()).toBe(false);
    expect(fake.app.listeners.has('second-instance')).toBe(false);
  });

  it('macOS open-file: handled (default prevented), our files queued, others ignored', () => {
    const { shell } = setup();
    const event = { prevented: false, preventDefault: () => void (event.prevented = true) };
    fake.app.emit('open-file', event, '/Users/ana/a.mixlab');
    fake.app.emit('open-file', event, '/Users/ana/setup.dmg');
    expect(event.prevented).toBe(true);
    expect(shell.takeLaunchFiles()).toEqual([{ path: '/Users/ana/a.mixlab', kind: 'project' }]);
  });

  it('a file arriving with no window open (macOS) opens a window for it', () => {
    const { shell, created, dropWindow } = setup();
    shell.claimSingleInstance();
    dropWindow();
    fake.app.emit('second-instance', {}, ['mixture-lab', '/d/a.csv'], '/', undefined);
    expect(created).toHaveLength(1);
    expect(shell.takeLaunchFiles()).toEqual([{ path: '/d/a.csv', kind: 'data' }]);
  });
});

describe('DesktopShell: menu', () => {
  it('rebuilds the app menu from the page’s state, in its language (OS language before that)', () => {
    const { shell } = setup();
    shell.installMenu();
    const first = fake.menus.at(-1) as { label: string }[];
    expect(first.map((m) => m.label)).toContain('文件(&F)');
    shell.setMenuState(dirtyState);
    const menu = fake.menus.at(-1) as { id: string; submenu: { id: string; enabled?: boolean }[] }[];
    const file = menu.find((m) => m.id === 'file')!;
    expect(file.submenu.find((i) => i.id === 'file.save')?.enabled).toBe(true);
    expect(file.submenu.find((i) => i.id === 'file.export-labels')?.enabled).toBe(false);
  });

  it('a document command is sent to the page', () => {
    const { shell, sent } = setup();
    shell.installMenu();
    const menu = fake.menus.at(-1) as { id: string; submenu: { id: string; click?: () => void }[] }[];
    menu.find((m) => m.id === 'file')!.submenu.find((i) => i.id === 'file.open-project')!.click!();
    expect(sent).toEqual([{ type: 'menu', command: 'open-project', path: undefined }]);
  });
});

describe('DesktopShell: closing the window', () => {
  it('with unsaved changes: the close waits for the page; yes closes and saves the window’s place', () => {
    const { shell, window, sent } = setup();
    shell.attachWindow(window as never);
    shell.takeLaunchFiles();
    shell.setMenuState(dirtyState);
    expect(window.close()).toBe(true); // prevented
    expect(sent).toEqual([{ type: 'menu', command: 'close-window' }]);
    shell.closeWindow(true);
    expect(window.closes).toBe(2);
    const file = path.join(fake.app.userData, 'window-state.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      bounds: { x: 10, y: 20, width: 1200, height: 800 },
      maximized: false,
    });
  });

  it('no question without unsaved changes, from a page that is not ready or has crashed, or during a quit', () => {
    const clean = setup();
    clean.shell.attachWindow(clean.window as never);
    clean.shell.takeLaunchFiles();
    expect(clean.window.close()).toBe(false);

    const loading = setup();
    loading.shell.attachWindow(loading.window as never);
    loading.shell.setMenuState(dirtyState); // the page never asked for its files: not ready
    expect(loading.window.close()).toBe(false);

    const crashed = setup();
    crashed.shell.attachWindow(crashed.window as never);
    crashed.shell.takeLaunchFiles();
    crashed.shell.setMenuState(dirtyState);
    crashed.window.webContents.crashed = true;
    expect(crashed.window.close()).toBe(false);

    const quitting = setup();
    quitting.shell.attachWindow(quitting.window as never);
    quitting.shell.takeLaunchFiles();
    quitting.shell.setMenuState(dirtyState);
    fake.app.emit('before-quit');
    expect(quitting.window.close()).toBe(false);
  });

  it('a reload clears the unsaved mark (the new page has nothing unsaved) and holds files again', () => {
    const { shell, window } = setup();
    shell.attachWindow(window as never);
    shell.takeLaunchFiles();
    shell.setMenuState(dirtyState);
    window.webContents.emit('did-start-loading');
    expect(window.close()).toBe(false);
  });

  it('Quit closes the window first, and quits once it has closed; a cancelled question cancels the quit', () => {
    const quit = vi.spyOn(fake.app, 'quit');
    const { shell, window } = setup();
    shell.attachWindow(window as never);
    shell.takeLaunchFiles();
    shell.setMenuState(dirtyState);
    shell.installMenu();
    const clickQuit = () => {
      const menu = fake.menus.at(-1) as { id: string; submenu: { id: string; click?: () => void }[] }[];
      menu.find((m) => m.id === 'file')!.submenu.find((i) => i.id === 'file.quit')!.click!();
    };
    clickQuit();
    shell.closeWindow(false);
    expect(quit).not.toHaveBeenCalled();
    clickQuit();
    shell.closeWindow(true);
    expect(quit).toHaveBeenCalledTimes(1);
    quit.mockRestore();
  });
});

describe('DesktopShell: window place', () => {
  it('opens at the saved place, fitted to the displays, with the minimum size', () => {
    const { shell, window } = setup();
    shell.attachWindow(window as never);
    window.close(); // saves {10, 20, 1200, 800}
    expect(shell.windowBounds()).toEqual({
      x: 10,
      y: 20,
      width: 1200,
      height: 800,
      minWidth: 900,
      minHeight: 600,
    });
  });

  it('a window closed maximised reopens maximised, once it is ready to show', () => {
    const { shell, window } = setup();
    shell.attachWindow(window as never);
    window.maximized = true;
    window.close();
    shell.windowBounds();
    const next = new FakeWindow();
    shell.attachWindow(next as never);
    expect(next.maximized).toBe(false);
    next.emit('ready-to-show');
    expect(next.maximized).toBe(true);
  });
});
