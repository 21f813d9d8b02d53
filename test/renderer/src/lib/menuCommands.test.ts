import { describe, expect, it } from 'vitest';
import {
  fileKindOf,
  readMenuEvent,
  readOpenPathEvent,
  shortcutCommand,
  type KeyPress,
} from '../../../../renderer/src/lib/menuCommands';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('readMenuEvent', () => {
  it('accepts each command the native menu sends', () => {
    expect(readMenuEvent({ type: 'menu', command: 'save' })).toEqual({ command: 'save' });
    expect(readMenuEvent({ type: 'menu', command: 'language-zh-CN' })).toEqual({ command: 'language-zh-CN' });
    expect(readMenuEvent({ type: 'menu', command: 'open-recent', path: '/p/a.mixlab' })).toEqual({
      command: 'open-recent',
      path: '/p/a.mixlab',
    });
  });

  it.each([
    null,
    'save',
    { type: 'menu' },
    { type: 'menu', command: 'format-disk' },
    { type: 'progress', command: 'save' },
    { type: 'menu', command: 'open-recent' },
    { type: 'menu', command: 'open-recent', path: '' },
    { type: 'menu', command: 'open-recent', path: 'x'.repeat(5000) },
  ])('ignores a malformed event %#', (event) => {
    expect(readMenuEvent(event)).toBeNull();
  });

  it('drops a path sent with a command that takes none', () => {
    expect(readMenuEvent({ type: 'menu', command: 'new', path: '/etc/passwd' })).toEqual({ command: 'new' });
  });
});

describe('readOpenPathEvent', () => {
  it('accepts a project or a data file', () => {
    expect(readOpenPathEvent({ type: 'open-path', path: '/d/a.csv', kind: 'data' })).toEqual({
      path: '/d/a.csv',
      kind: 'data',
    });
  });

  it.each([
    { type: 'open-path', path: '/d/a.csv' },
    { type: 'open-path', path: '/d/a.csv', kind: 'script' },
    { type: 'open-path', path: 42, kind: 'data' },
    { type: 'menu', path: '/d/a.csv', kind: 'data' },
  ])('ignores a malformed event %#', (event) => {
    expect(readOpenPathEvent(event)).toBeNull();
  });
});

describe('fileKindOf', () => {
  it('a .mixlab in any case is a project, the rest goes to the importer', () => {
    expect(fileKindOf('/a/B.MIXLAB')).toBe('project');
    expect(fileKindOf('/a/b.csv')).toBe('data');
    expect(fileKindOf('/a/mixlab.xlsx')).toBe('data');
  });
});

describe('shortcutCommand', () => {
  it('Ctrl on Windows/Linux: N, O, Shift+O, S, Shift+S, E', () => {
    const ctrl = (key: string, shiftKey = false) =>
      shortcutCommand(press(key, { ctrlKey: true, shiftKey }), false);
    expect([ctrl('n'), ctrl('o'), ctrl('O', true), ctrl('s'), ctrl('S', true), ctrl('e')]).toEqual([
      'new',
      'open-data',
      'open-project',
      'save',
      'save-as',
      'export-labels',
    ]);
  });

  it('Cmd on macOS; Ctrl there is not the shortcut', () => {
    expect(shortcutCommand(press('s', { metaKey: true }), true)).toBe('save');
    expect(shortcutCommand(press('s', { ctrlKey: true }), true)).toBeNull();
    expect(shortcutCommand(press('s', { metaKey: true }), false)).toBeNull();
  });

  it('ignores other keys, Alt combinations and plain letters', () => {
    expect(shortcutCommand(press('c', { ctrlKey: true }), false)).toBeNull();
    expect(shortcutCommand(press('s', { ctrlKey: true, altKey: true }), false)).toBeNull();
    expect(shortcutCommand(press('s'), false)).toBeNull();
    expect(shortcutCommand(press('N', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
  });
});
