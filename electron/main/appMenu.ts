/**
 * The native application menu as data: a pure function of the platform and the page's state builds
 * the template (shaped like Electron's MenuItemConstructorOptions, with an `action` instead of a
 * click handler), and `toElectronTemplate` attaches the handlers. main.ts only calls
 * Menu.buildFromTemplate, so everything the user sees here is unit-tested without Electron.
 *
 * Document items (File, View ▸ Theme/Language) are carried out by the page: they send
 * `{ type: 'menu', command }` and the page runs the same store actions as its own File menu, so the
 * unsaved-changes question and every check live in one place.
 *
 * Enabled state: Save / Save As / Export are disabled while they cannot act (the page reports its
 * state with setMenuState, the same facts that disable its own File menu), because a native menu
 * item that does nothing when chosen reads as a bug; the page still re-checks when a command arrives.
 */
import type { MenuCommand, MenuState } from '../../shared/api';
import { LANGUAGE_NAMES, MENU_LABELS, type MenuLabels } from './appMenuLabels';

/** What choosing an item does, besides Electron's built-in roles. */
export type MenuAction =
  | { kind: 'command'; command: MenuCommand; path?: string }
  | { kind: 'about' }
  | { kind: 'documentation' }
  | { kind: 'show-logs' }
  /** Quit through the window's close, so unsaved changes are asked about first (desktopShell.ts). */
  | { kind: 'quit' };

/** The Electron roles this menu uses (all built in: they act on the focused window or the app). */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'zoomIn'
  | 'zoomOut'
  | 'resetZoom'
  | 'togglefullscreen'
  | 'toggleDevTools'
  | 'minimize'
  | 'close'
  | 'front'
  | 'windowMenu';

export interface MenuItemSpec {
  id?: string;
  label?: string;
  role?: MenuRole;
  type?: 'normal' | 'separator' | 'submenu' | 'radio' | 'checkbox';
  accelerator?: string;
  /** False: the accelerator is shown but not registered (the page handles the key itself). */
  registerAccelerator?: boolean;
  enabled?: boolean;
  checked?: boolean;
  submenu?: MenuItemSpec[];
  action?: MenuAction;
}

export interface AppMenuInput {
  platform: string;
  /** Developer tools only in development builds. */
  isPackaged: boolean;
  appName: string;
  state: MenuState;
}

/** What the menu shows before the page has reported (nothing open, OS language, system theme). */
export function initialMenuState(locale: MenuState['locale']): MenuState {
  return {
    hasDocument: false,
    canSave: false,
    canExport: false,
    dirty: false,
    recent: [],
    locale,
    themeMode: 'auto',
  };
}

/**
 * Shortcuts of the document commands. The page handles these keys itself (renderer/src/lib/
 * menuCommands.ts: it works the same in a browser and in the e2e harness). So on Windows and Linux
 * they are shown but not registered with the menu, and on macOS the page sees the key first and
 * consumes it (Electron runs a key equivalent only for a keydown the page left unhandled): one key
 * press, one action, whichever side has focus.
 */
export const DOCUMENT_ACCELERATORS: Partial<Record<MenuCommand, string>> = {
  new: 'CmdOrCtrl+N',
  'open-data': 'CmdOrCtrl+O',
  'open-project': 'CmdOrCtrl+Shift+O',
  save: 'CmdOrCtrl+S',
  'save-as': 'CmdOrCtrl+Shift+S',
  'export-labels': 'CmdOrCtrl+E',
};

const separator: MenuItemSpec = { type: 'separator' };

/** The whole menu bar for this platform and state. */
export function buildAppMenu(input: AppMenuInput): MenuItemSpec[] {
  const mac = input.platform === 'darwin';
  const words = MENU_LABELS[input.state.locale];
  // "&File": a mnemonic (Alt+F) on Windows and Linux; macOS menus have none, so it is dropped there.
  const l = (text: string) => (mac ? text.replace(/\(&.\)|&/g, '') : text).replace('{name}', input.appName);
  const menus: MenuItemSpec[] = [];
  if (mac) menus.push(macAppMenu(words, l, input.appName));
  menus.push(fileMenu(words, l, input.state, mac), editMenu(words, l), viewMenu(words, l, input));
  if (mac) menus.push({ id: 'window', label: l(words.window), role: 'windowMenu' });
  menus.push(helpMenu(words, l, mac));
  return menus;
}

type Label = (text: string) => string;

function macAppMenu(words: MenuLabels, l: Label, appName: string): MenuItemSpec {
  return {
    id: 'app',
    label: appName,
    submenu: [
      { id: 'app.about', label: l(words.about), role: 'about' },
      separator,
      { label: l(words.services), role: 'services' },
      separator,
      { label: l(words.hide), role: 'hide' },
      { label: l(words.hideOthers), role: 'hideOthers' },
      { label: l(words.showAll), role: 'unhide' },
      separator,
      { id: 'app.quit', label: l(words.quit), accelerator: 'Cmd+Q', action: { kind: 'quit' } },
    ],
  };
}

function fileMenu(words: MenuLabels, l: Label, state: MenuState, mac: boolean): MenuItemSpec {
  const command = (id: MenuCommand, label: string, enabled = true): MenuItemSpec => {
    const accelerator = DOCUMENT_ACCELERATORS[id];
    return {
      id: `file.${id}`,
      label: l(label),
      enabled,
      ...(accelerator ? { accelerator, registerAccelerator: mac } : {}),
      action: { kind: 'command', command: id },
    };
  };
  const recent: MenuItemSpec[] =
    state.recent.length === 0
      ? [{ id: 'file.recent.none', label: l(words.noRecent), enabled: false }]
      : state.recent.map((path, i) => ({
          id: `file.recent.${i}`,
          label: recentLabel(path),
          action: { kind: 'command', command: 'open-recent', path },
        }));
  const items: MenuItemSpec[] = [
    command('new', words.new),
    command('open-data', words.openData),
    command('open-project', words.openProject),
    { id: 'file.recent', label: l(words.openRecent), submenu: recent },
    // The background model reads a sequence of frames, not a table: its own submenu.
    {
      id: 'file.frames',
      label: l(words.openFrames),
      submenu: [
        command('open-frames-folder', words.openFramesFolder),
        command('open-frames-gif', words.openFramesGif),
      ],
    },
    separator,
    command('save', words.save, state.canSave),
    command('save-as', words.saveAs, state.hasDocument),
    separator,
    command('export-labels', words.exportLabels, state.canExport),
    command('export-model', words.exportModel, state.canExport),
  ];
  // On macOS Quit lives in the app menu.
  if (!mac)
    items.push(separator, {
      id: 'file.quit',
      label: l(words.quit),
      accelerator: 'Ctrl+Q',
      action: { kind: 'quit' },
    });
  return { id: 'file', label: l(words.file), submenu: items };
}

/**
 * "name.mixlab — folder": the name first (what the user looks for), the folder to tell two files
 * of the same name apart. "&" is doubled: Electron reads a lone one as a mnemonic marker.
 */
export function recentLabel(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  const name = file.slice(cut + 1);
  const folder = cut > 0 ? file.slice(0, cut) : '';
  const text = folder ? `${name} — ${folder}` : name;
  return text.replace(/&/g, '&&');
}

function editMenu(words: MenuLabels, l: Label): MenuItemSpec {
  return {
    id: 'edit',
    label: l(words.edit),
    submenu: [
      { label: l(words.undo), role: 'undo' },
      { label: l(words.redo), role: 'redo' },
      separator,
      { label: l(words.cut), role: 'cut' },
      { label: l(words.copy), role: 'copy' },
      { label: l(words.paste), role: 'paste' },
      { label: l(words.selectAll), role: 'selectAll' },
    ],
  };
}

function viewMenu(words: MenuLabels, l: Label, input: AppMenuInput): MenuItemSpec {
  const { themeMode, locale } = input.state;
  const radio = (id: string, label: string, command: MenuCommand, checked: boolean): MenuItemSpec => ({
    id,
    label,
    type: 'radio',
    checked,
    action: { kind: 'command', command },
  });
  const items: MenuItemSpec[] = [
    { id: 'view.zoomIn', label: l(words.zoomIn), role: 'zoomIn' },
    { id: 'view.zoomOut', label: l(words.zoomOut), role: 'zoomOut' },
    { id: 'view.resetZoom', label: l(words.resetZoom), role: 'resetZoom' },
    separator,
    {
      id: 'view.theme',
      label: l(words.theme),
      submenu: [
        radio('view.theme.light', l(words.themeLight), 'theme-light', themeMode === 'light'),
        radio('view.theme.dark', l(words.themeDark), 'theme-dark', themeMode === 'dark'),
        radio('view.theme.system', l(words.themeSystem), 'theme-system', themeMode === 'auto'),
      ],
    },
    {
      id: 'view.language',
      label: l(words.language),
      submenu: [
        radio('view.language.en', LANGUAGE_NAMES.en, 'language-en', locale === 'en'),
        radio('view.language.zh-CN', LANGUAGE_NAMES['zh-CN'], 'language-zh-CN', locale === 'zh-CN'),
      ],
    },
    separator,
    { id: 'view.fullScreen', label: l(words.fullScreen), role: 'togglefullscreen' },
  ];
  if (!input.isPackaged)
    items.push({ id: 'view.devTools', label: l(words.devTools), role: 'toggleDevTools' });
  return { id: 'view', label: l(words.view), submenu: items };
}

function helpMenu(words: MenuLabels, l: Label, mac: boolean): MenuItemSpec {
  const items: MenuItemSpec[] = [
    { id: 'help.documentation', label: l(words.documentation), action: { kind: 'documentation' } },
    { id: 'help.logs', label: l(words.showLogs), action: { kind: 'show-logs' } },
  ];
  // macOS has About in the app menu.
  if (!mac) items.push(separator, { id: 'help.about', label: l(words.about), action: { kind: 'about' } });
  return { id: 'help', label: l(words.help), submenu: items };
}

/** Electron's template item: the spec with `click` in place of `action`. */
export type ElectronMenuItem = Omit<MenuItemSpec, 'action' | 'submenu'> & {
  submenu?: ElectronMenuItem[];
  click?: () => void;
};

/** Attaches `run` to every item with an action; roles stay Electron's. */
export function toElectronTemplate(
  items: MenuItemSpec[],
  run: (action: MenuAction) => void,
): ElectronMenuItem[] {
  return items.map(({ action, submenu, ...rest }) => {
    const item: ElectronMenuItem = { ...rest };
    if (submenu) item.submenu = toElectronTemplate(submenu, run);
    if (action) item.click = () => run(action);
    return item;
  });
}

/** The item with this id, depth first (tests look items up by id). */
export function findMenuItem(items: MenuItemSpec[], id: string): MenuItemSpec | null {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = item.submenu ? findMenuItem(item.submenu, id) : null;
    if (inner) return inner;
  }
  return null;
}

/**
 * Help → Documentation: the README shipped beside the app if there is one (opened with the
 * system's viewer for .md), else the project's page if it is on the external allow-list
 * (security.ts); null when neither exists — the caller then shows About.
 */
export function documentationTarget(options: {
  localFiles: readonly string[];
  exists: (file: string) => boolean;
  url: string | null;
  isAllowedUrl: (url: string) => boolean;
}): { kind: 'file'; path: string } | { kind: 'url'; url: string } | null {
  const file = options.localFiles.find((f) => options.exists(f));
  if (file) return { kind: 'file', path: file };
  if (options.url && options.isAllowedUrl(options.url)) return { kind: 'url', url: options.url };
  return null;
}
