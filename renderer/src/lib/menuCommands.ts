/**
 * The app's document commands as the page receives them: from the native menu (main-process
 * events, validated here: a message from another process is data to check, not trust) and from the
 * keyboard. Both end in the desktop store's `run`, which calls the same store actions as the
 * page's own File menu.
 */
import { MENU_COMMANDS, type LaunchFile, type MenuCommand } from '../../../shared/api';

export interface MenuRequest {
  command: MenuCommand;
  /** Only for 'open-recent': the project to open. */
  path?: string;
}

const MAX_PATH = 4096;
const isPath = (p: unknown): p is string => typeof p === 'string' && p.length > 0 && p.length <= MAX_PATH;

/** A `{ type: 'menu', command, path? }` event, or null if it is not a well-formed one. */
export function readMenuEvent(event: unknown): MenuRequest | null {
  if (typeof event !== 'object' || event === null) return null;
  const { type, command, path } = event as Record<string, unknown>;
  if (type !== 'menu' || !(MENU_COMMANDS as readonly unknown[]).includes(command)) return null;
  if (command === 'open-recent') return isPath(path) ? { command, path } : null;
  return { command: command as MenuCommand };
}

/** A `{ type: 'open-path', path, kind }` event, or null if it is not a well-formed one. */
export function readOpenPathEvent(event: unknown): LaunchFile | null {
  if (typeof event !== 'object' || event === null) return null;
  const { type, path, kind } = event as Record<string, unknown>;
  if (type !== 'open-path' || !isPath(path) || (kind !== 'project' && kind !== 'data')) return null;
  return { path, kind };
}

/** What a dropped or given file opens as: .mixlab is a project, anything else goes to the importer. */
export function fileKindOf(path: string): LaunchFile['kind'] {
  return /\.mixlab$/i.test(path) ? 'project' : 'data';
}

/** The keys of a keydown the shortcuts look at (a DOM KeyboardEvent has them). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * The document shortcut a key press means, or null. The same table as the native menu's
 * accelerators (electron/main/appMenu.ts DOCUMENT_ACCELERATORS): Cmd on macOS, Ctrl elsewhere.
 */
export function shortcutCommand(press: KeyPress, mac: boolean): MenuCommand | null {
  const mod = mac ? press.metaKey && !press.ctrlKey : press.ctrlKey && !press.metaKey;
  if (!mod || press.altKey) return null;
  switch (press.key.toLowerCase()) {
    case 'n':
      return press.shiftKey ? null : 'new';
    case 'o':
      return press.shiftKey ? 'open-project' : 'open-data';
    case 's':
      return press.shiftKey ? 'save-as' : 'save';
    case 'e':
      return press.shiftKey ? null : 'export-labels';
    default:
      return null;
  }
}
