/**
 * What can hold the keyboard focus, and where focus goes next inside a trapped region. The order
 * is the DOM order, as Tab follows it (no positive tabindex is used in the app).
 */
const CANDIDATES = [
  'a[href]',
  'button',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  '[tabindex]',
  '[contenteditable="true"]',
].join(',');

/** Enabled, rendered and not taken out of the tab order. */
export function isTabbable(el: Element | null): el is HTMLElement {
  if (!(el instanceof HTMLElement) || !el.isConnected) return false;
  if ((el as HTMLButtonElement).disabled || el.closest('[inert]')) return false;
  if (el.tabIndex < 0) return false;
  return el.getClientRects().length > 0;
}

/** May receive focus at all (a tabindex="-1" container counts): a place focus can be given back to. */
export function isFocusable(el: Element | null): el is HTMLElement {
  if (!(el instanceof HTMLElement) || !el.isConnected) return false;
  if ((el as HTMLButtonElement).disabled || el.closest('[inert]')) return false;
  if (el.tabIndex < 0 && !el.hasAttribute('tabindex')) return false;
  return el.getClientRects().length > 0;
}

export function tabbables(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll(CANDIDATES)).filter(isTabbable);
}

/**
 * The index Tab (or Shift+Tab) should move to among `count` stops from `current` (-1: focus is not
 * on any of them), wrapping at both ends: a dialog's last button leads back to its first field.
 * Null when there is nothing to move to.
 */
export function nextStop(count: number, current: number, backwards: boolean): number | null {
  if (count === 0) return null;
  if (current < 0) return backwards ? count - 1 : 0;
  return (current + (backwards ? count - 1 : 1)) % count;
}
