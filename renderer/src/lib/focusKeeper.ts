/**
 * Keeps the keyboard focus off the page body. Focus falls to the body when the focused element is
 * removed (the start screen gives way to the workspace, a dialog's button is replaced by another)
 * or disabled (Fit while the fit runs); a keyboard user is then lost. On each such loss the keeper
 * moves focus to a stand-in: the nearest stop in the closest surviving part of the page that held
 * the lost element — or the page's home (`[data-focus-home]`: the workspace's side panel, the start
 * screen's actions) when nothing of it survives. A disabled element gets focus back when it is
 * enabled again, and a replaced one when its successor (the same data-testid: Fit → progress →
 * Refit) appears, unless the user moved on meanwhile. A click on empty space (the element still
 * usable) is the user's choice and is left alone. Tab past the page's last stop wraps to its first
 * (and Shift+Tab back), as in a native window: the browser would otherwise leave the page and focus
 * the body on the way.
 */
import { onBeforeUnmount, onMounted, type Ref } from 'vue';
import { isFocusable, isTabbable, nextStop, tabbables } from './focusable';

export function useFocusKeeper(appRoot: Ref<HTMLElement | null>): void {
  let last: HTMLElement | null = null;
  /** The lost element's ancestors when it got focus, nearest first (they may be gone since). */
  let ancestors: HTMLElement[] = [];
  /** Focus parked on `holder` while `from` is disabled or gone (then its successor is awaited). */
  let parked: { from: HTMLElement; holder: HTMLElement; testid: string | undefined } | null = null;
  let observer: MutationObserver | null = null;

  function onFocusIn(e: FocusEvent): void {
    const target = e.target;
    if (!(target instanceof HTMLElement)) return;
    if (parked && target !== parked.holder) parked = null;
    last = target;
    ancestors = [];
    for (let a = target.parentElement; a; a = a.parentElement) ancestors.push(a);
  }

  function home(): HTMLElement | null {
    const el = document.querySelector('[data-focus-home]');
    return el ? (tabbables(el)[0] ?? null) : null;
  }

  /** The stop nearest `lost` in the closest surviving ancestor: the one before it, else after it. */
  function standIn(lost: HTMLElement): HTMLElement | null {
    const root = appRoot.value;
    for (const a of ancestors) {
      if (!a.isConnected) continue;
      if (a === root || !root?.contains(a)) break;
      const stops = tabbables(a);
      if (stops.length === 0) continue;
      if (!lost.isConnected) return stops[0];
      const before = stops.filter((s) => s.compareDocumentPosition(lost) & Node.DOCUMENT_POSITION_FOLLOWING);
      return before.at(-1) ?? stops[0];
    }
    return home() ?? (root ? (tabbables(root)[0] ?? null) : null);
  }

  /** The parked element, or its successor, once it can take focus again. */
  function returning(): HTMLElement | null {
    if (!parked) return null;
    if (isTabbable(parked.from)) return parked.from;
    if (!parked.testid) return null;
    const next = document.querySelector(`[data-testid="${CSS.escape(parked.testid)}"]`);
    return isTabbable(next) ? next : null;
  }

  function check(): void {
    const active = document.activeElement;
    const lostFocus = !active || active === document.body || !isFocusable(active);
    const back = returning();
    if (back && (lostFocus || active === parked?.holder)) {
      parked = null;
      back.focus();
      return;
    }
    if (!lostFocus || !last) return;
    // Still there and usable: focus left it by the user's click elsewhere.
    if (isFocusable(last as Element | null)) return;
    const lost = last;
    const target = standIn(lost);
    if (!target) return;
    // Set before focusing: focusin forgets a parking whose holder is not the element focused.
    if (parked) parked.holder = target;
    else if (lost.isConnected || lost.dataset.testid)
      parked = { from: lost, holder: target, testid: lost.dataset.testid };
    target.focus();
  }

  function onKeydown(e: KeyboardEvent): void {
    const root = appRoot.value;
    // A dialog traps Tab itself (and prevents the default); so do inputs that take Tab.
    if (e.key !== 'Tab' || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || !root) return;
    const stops = tabbables(root);
    const active = document.activeElement;
    const at = stops.indexOf(active as HTMLElement);
    // Off the stops (a focused container with tabindex="-1"): the browser's order from there is right.
    if (at < 0 && active && active !== document.body) return;
    const atEnd = e.shiftKey ? at === 0 : at === stops.length - 1;
    if (at >= 0 && !atEnd) return;
    const next = nextStop(stops.length, at, e.shiftKey);
    if (next === null) return;
    e.preventDefault();
    stops[next].focus();
  }

  onMounted(() => {
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('keydown', onKeydown);
    observer = new MutationObserver(check);
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['disabled', 'hidden', 'inert'],
    });
  });
  onBeforeUnmount(() => {
    document.removeEventListener('focusin', onFocusIn);
    document.removeEventListener('keydown', onKeydown);
    observer?.disconnect();
  });
}
