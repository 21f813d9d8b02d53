import { describe, expect, it } from 'vitest';
import { historyCommand, isTextEntry } from '../../../../renderer/src/lib/undoKeys';

const press = (
  key: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>>,
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('historyCommand: the undo and redo shortcuts', () => {
  it('Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (Windows, Linux)', () => {
    expect(historyCommand(press('z', { ctrlKey: true }), false)).toBe('undo');
    expect(historyCommand(press('Z', { ctrlKey: true, shiftKey: true }), false)).toBe('redo');
    expect(historyCommand(press('y', { ctrlKey: true }), false)).toBe('redo');
  });

  it('⌘Z and ⌘⇧Z on macOS, where Ctrl+Z is not the shortcut', () => {
    expect(historyCommand(press('z', { metaKey: true }), true)).toBe('undo');
    expect(historyCommand(press('z', { metaKey: true, shiftKey: true }), true)).toBe('redo');
    expect(historyCommand(press('z', { ctrlKey: true }), true)).toBeNull();
  });

  it('ignores other keys and Alt combinations', () => {
    expect(historyCommand(press('z', {}), false)).toBeNull();
    expect(historyCommand(press('z', { ctrlKey: true, altKey: true }), false)).toBeNull();
    expect(historyCommand(press('s', { ctrlKey: true }), false)).toBeNull();
  });
});

describe('isTextEntry: where the keys belong to the field', () => {
  it('text and number fields, text areas and editable content take them', () => {
    expect(isTextEntry({ tagName: 'INPUT', type: 'number' })).toBe(true);
    expect(isTextEntry({ tagName: 'input', type: 'text' })).toBe(true);
    expect(isTextEntry({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTextEntry({ tagName: 'DIV', isContentEditable: true })).toBe(true);
  });

  it('a checkbox, a button or a column in the list leave them to the history', () => {
    expect(isTextEntry({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTextEntry({ tagName: 'BUTTON', type: 'button' })).toBe(false);
    expect(isTextEntry({ tagName: 'LI' })).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
});
