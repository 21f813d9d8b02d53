/**
 * The undo and redo shortcuts: Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y (Windows, Linux) and ⌘Z / ⌘⇧Z (macOS).
 * While the user types in a text field the keys belong to the field (its own text undo), so the
 * analysis history only hears them elsewhere — on a column, a button, a checkbox, the page.
 */
import type { KeyPress } from './menuCommands';

export type HistoryCommand = 'undo' | 'redo';

export function historyCommand(press: KeyPress, mac: boolean): HistoryCommand | null {
  const mod = mac ? press.metaKey && !press.ctrlKey : press.ctrlKey && !press.metaKey;
  if (!mod || press.altKey) return null;
  const key = press.key.toLowerCase();
  if (key === 'z') return press.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !mac && !press.shiftKey) return 'redo';
  return null;
}

/** Input types that take text (a checkbox or a button does not). */
const TEXT_INPUTS = new Set(['text', 'number', 'search', 'email', 'url', 'tel', 'password', '']);

/** Structural view of a key event's target, so the test needs no DOM. */
export interface TargetLike {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
}

export function isTextEntry(target: TargetLike | null): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase();
  if (tag === 'TEXTAREA') return true;
  return tag === 'INPUT' && TEXT_INPUTS.has((target.type ?? '').toLowerCase());
}
