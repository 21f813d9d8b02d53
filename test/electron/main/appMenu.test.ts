import { describe, expect, it } from 'vitest';
import type { MenuState } from '../../../shared/api';
import {
  buildAppMenu,
  documentationTarget,
  findMenuItem,
  initialMenuState,
  recentLabel,
  toElectronTemplate,
  type MenuAction,
  type MenuItemSpec,
} from '../../../electron/main/appMenu';
import { MENU_LABELS, menuLocaleFor } from '../../../electron/main/appMenuLabels';

const open: MenuState = {
  hasDocument: true,
  canSave: true,
  canExport: true,
  dirty: true,
  recent: ['/home/ana/geyser.mixlab', '/home/ana/old/iris.mixlab'],
  locale: 'en',
  themeMode: 'dark',
};
const menu = (platform: string, state: MenuState = open, isPackaged = true) =>
  buildAppMenu({ platform, isPackaged, appName: 'Mixture Lab', state });
const item = (items: MenuItemSpec[], id: string) => {
  const found = findMenuItem(items, id);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
};
const topLabels = (items: MenuItemSpec[]) => items.map((i) => i.label);

describe('buildAppMenu: menus per platform', () => {
  it('Windows and Linux: File, Edit, View, Help with mnemonics; Quit at the end of File', () => {
    for (const platform of ['win32', 'linux']) {
      const items = menu(platform);
      expect(topLabels(items)).toEqual(['&File', '&Edit', '&View', '&Help']);
      const file = item(items, 'file').submenu!;
      // Quit closes the window first, so unsaved changes are asked about (not Electron's quit role).
      expect(file.at(-1)).toMatchObject({ id: 'file.quit', accelerator: 'Ctrl+Q', action: { kind: 'quit' } });
      expect(findMenuItem(items, 'help.about')?.action).toEqual({ kind: 'about' });
    }
  });

  it('macOS: the app menu first (About, Services, Hide, Quit), a Window menu, no mnemonics', () => {
    const items = menu('darwin');
    expect(topLabels(items)).toEqual(['Mixture Lab', 'File', 'Edit', 'View', 'Window', 'Help']);
    const app = items[0].submenu!;
    expect(app.map((i) => i.role).filter(Boolean)).toEqual([
      'about',
      'services',
      'hide',
      'hideOthers',
      'unhide',
    ]);
    expect(app.at(-1)).toMatchObject({ id: 'app.quit', action: { kind: 'quit' } });
    expect(findMenuItem(items, 'file.quit')).toBeNull();
    expect(findMenuItem(items, 'help.about')).toBeNull();
    expect(item(items, 'app.quit').accelerator).toBe('Cmd+Q');
  });

  it('File has the document commands in order, each sending its command to the page', () => {
    const file = item(menu('linux'), 'file').submenu!;
    expect(file.filter((i) => i.action?.kind === 'command').map((i) => i.id)).toEqual([
      'file.new',
      'file.open-data',
      'file.open-project',
      'file.save',
      'file.save-as',
      'file.export-labels',
      'file.export-model',
    ]);
    expect(item(file, 'file.save').action).toEqual({ kind: 'command', command: 'save' });
  });

  it('shortcuts: Cmd/Ctrl + N, O, Shift+O, S, Shift+S, E', () => {
    const items = menu('linux');
    const accel = (id: string) => item(items, id).accelerator;
    expect(
      [
        'file.new',
        'file.open-data',
        'file.open-project',
        'file.save',
        'file.save-as',
        'file.export-labels',
      ].map(accel),
    ).toEqual([
      'CmdOrCtrl+N',
      'CmdOrCtrl+O',
      'CmdOrCtrl+Shift+O',
      'CmdOrCtrl+S',
      'CmdOrCtrl+Shift+S',
      'CmdOrCtrl+E',
    ]);
  });

  it('the page handles the document shortcuts: shown but not registered on Windows/Linux, left to macOS key equivalents', () => {
    expect(item(menu('win32'), 'file.save').registerAccelerator).toBe(false);
    expect(item(menu('linux'), 'file.new').registerAccelerator).toBe(false);
    expect(item(menu('darwin'), 'file.save').registerAccelerator).toBe(true);
    // Quit is not a page shortcut: registered everywhere.
    expect(item(menu('linux'), 'file.quit').registerAccelerator).toBeUndefined();
  });

  it('Edit offers the standard roles', () => {
    const edit = item(menu('linux'), 'edit').submenu!;
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
  });
});

describe('buildAppMenu: state', () => {
  it('with nothing open, Save, Save As and the exports are disabled and Open Recent says so', () => {
    const items = menu('linux', initialMenuState('en'));
    for (const id of ['file.save', 'file.save-as', 'file.export-labels', 'file.export-model'])
      expect(item(items, id).enabled).toBe(false);
    for (const id of ['file.new', 'file.open-data', 'file.open-project'])
      expect(item(items, id).enabled).toBe(true);
    expect(item(items, 'file.recent').submenu).toEqual([
      { id: 'file.recent.none', label: 'No Recent Projects', enabled: false },
    ]);
  });

  it('a document without a fit: save possible, export not', () => {
    const items = menu('linux', { ...open, canExport: false });
    expect(item(items, 'file.save').enabled).toBe(true);
    expect(item(items, 'file.export-labels').enabled).toBe(false);
  });

  it('Open Recent lists the page’s recent projects, each opening its path', () => {
    const recent = item(menu('linux'), 'file.recent').submenu!;
    expect(recent.map((r) => [r.label, r.action])).toEqual([
      [
        'geyser.mixlab — /home/ana',
        { kind: 'command', command: 'open-recent', path: '/home/ana/geyser.mixlab' },
      ],
      [
        'iris.mixlab — /home/ana/old',
        { kind: 'command', command: 'open-recent', path: '/home/ana/old/iris.mixlab' },
      ],
    ]);
  });

  it('theme and language are radio items checked from the page’s state', () => {
    const items = menu('linux', { ...open, themeMode: 'auto', locale: 'zh-CN' });
    const checked = (id: string) =>
      item(items, id)
        .submenu!.filter((i) => i.checked)
        .map((i) => i.id);
    expect(checked('view.theme')).toEqual(['view.theme.system']);
    expect(checked('view.language')).toEqual(['view.language.zh-CN']);
    expect(item(items, 'view.language.en').action).toEqual({ kind: 'command', command: 'language-en' });
    expect(item(items, 'view.theme.dark').action).toEqual({ kind: 'command', command: 'theme-dark' });
  });

  it('zoom roles always; developer tools only when not packaged', () => {
    const roles = (items: MenuItemSpec[]) => item(items, 'view').submenu!.map((i) => i.role);
    expect(roles(menu('linux', open, true))).toEqual(
      expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom']),
    );
    expect(roles(menu('linux', open, true))).not.toContain('toggleDevTools');
    expect(roles(menu('linux', open, false))).toContain('toggleDevTools');
  });

  it('speaks the page’s language: Chinese labels, the language names in their own language', () => {
    const items = menu('win32', { ...open, locale: 'zh-CN' });
    expect(topLabels(items)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    expect(item(items, 'file.open-project').label).toBe('打开项目…');
    expect(item(items, 'help.about').label).toBe('关于 Mixture Lab');
    expect(item(items, 'view.language').submenu!.map((i) => i.label)).toEqual(['English', '中文']);
    expect(topLabels(menu('darwin', { ...open, locale: 'zh-CN' })).slice(1, 3)).toEqual(['文件', '编辑']);
  });

  it('both languages name every item (no empty label)', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      expect(Object.keys(MENU_LABELS[locale]).sort()).toEqual(Object.keys(MENU_LABELS.en).sort());
      for (const text of Object.values(MENU_LABELS[locale])) expect(text.trim()).not.toBe('');
    }
  });
});

describe('toElectronTemplate', () => {
  it('turns actions into click handlers and keeps roles and fields', () => {
    const run: MenuAction[] = [];
    const template = toElectronTemplate(menu('linux'), (a) => run.push(a));
    const file = template.find((m) => m.id === 'file')!;
    const edit = template.find((m) => m.id === 'edit')!;
    expect(edit.submenu![0]).toEqual({ label: 'Undo', role: 'undo' });
    const recent = file.submenu!.find((i) => i.id === 'file.recent')!.submenu![1];
    recent.click!();
    file.submenu!.find((i) => i.id === 'file.save')!.click!();
    file.submenu!.find((i) => i.id === 'file.quit')!.click!();
    expect(run).toEqual([
      { kind: 'command', command: 'open-recent', path: '/home/ana/old/iris.mixlab' },
      { kind: 'command', command: 'save' },
      { kind: 'quit' },
    ]);
    expect(JSON.stringify(template)).not.toContain('"action"');
  });
});

describe('helpers', () => {
  it('recentLabel: name first, Windows folders too, a literal & kept literal', () => {
    expect(recentLabel('C:\\Users\\ana\\R&D.mixlab')).toBe('R&&D.mixlab — C:\\Users\\ana');
    expect(recentLabel('p.mixlab')).toBe('p.mixlab');
  });

  it('menuLocaleFor: any Chinese variant gets 中文, else English', () => {
    expect(menuLocaleFor(['zh-TW', 'en-US'])).toBe('zh-CN');
    expect(menuLocaleFor(['de-DE', 'en-GB'])).toBe('en');
    expect(menuLocaleFor(['fr'])).toBe('en');
  });

  it('documentationTarget: the local README first, else only an allow-listed URL', () => {
    const allowed = (url: string) => url.startsWith('https://github.com/');
    const base = { localFiles: ['/app/README.md'], isAllowedUrl: allowed };
    expect(documentationTarget({ ...base, exists: () => true, url: 'https://github.com/x' })).toEqual({
      kind: 'file',
      path: '/app/README.md',
    });
    expect(documentationTarget({ ...base, exists: () => false, url: 'https://github.com/x' })).toEqual({
      kind: 'url',
      url: 'https://github.com/x',
    });
    expect(documentationTarget({ ...base, exists: () => false, url: 'https://evil.example/x' })).toBeNull();
    expect(documentationTarget({ ...base, exists: () => false, url: null })).toBeNull();
  });
});

describe('buildAppMenu: the background model', () => {
  it('File offers a folder of frames and an animated GIF in a submenu, each sending its command', () => {
    const frames = item(menu('linux'), 'file.frames');
    expect(frames.label).toBe('Background Model');
    expect(frames.submenu!.map((i) => [i.label, i.action])).toEqual([
      ['Open Frame Folder…', { kind: 'command', command: 'open-frames-folder' }],
      ['Open Animated GIF…', { kind: 'command', command: 'open-frames-gif' }],
    ]);
    const zh = item(menu('linux', { ...open, locale: 'zh-CN' }), 'file.frames');
    expect(zh.submenu!.map((i) => i.label)).toEqual(['打开帧文件夹…', '打开 GIF 动图…']);
  });
});
