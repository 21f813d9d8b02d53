/**
 * One behaviour for every modal dialog (WAI-ARIA Authoring Practices, "Dialog (Modal)" pattern):
 * on open, focus moves into the dialog (its `[data-autofocus]` element, else its first stop); Tab and
 * Shift+Tab wrap around inside it and focus that escapes (a click on the backdrop, a script) is
 * brought back; Escape answers the dialog's own close; on close, focus goes back to what opened it
 * — or, when that is gone, the focus keeper (focusKeeper.ts) finds the nearest stand-in. Dialogs
 * may stack (an error over the missing-data prompt): only the top one traps and hears Escape.
 */
import { nextTick, onBeforeUnmount, onMounted, type Ref } from 'vue';
import { isFocusable, isTabbable, nextStop, tabbables } from './focusable';

interface OpenDialog {
  root: () => HTMLElement | null;
  escape?: () => void;
}

const stack: OpenDialog[] = [];

/**
 * The dialog's `[data-autofocus]` control (its default answer), else its first stop. A default answer
 * not yet enabled (Import while the preview loads) leaves focus on the dialog itself rather than on
 * another button, so Enter cannot answer what the user did not choose; `focusInitial` tries again.
 */
function focusInto(root: HTMLElement): void {
  const wanted = root.querySelector('[data-autofocus]');
  if (wanted) (isTabbable(wanted) ? wanted : root).focus();
  else (tabbables(root)[0] ?? root).focus();
}

/**
 * Call in the dialog's setup with the dialog element (it needs tabindex="-1", so it can hold focus
 * itself when it has no control). `onEscape` omitted: Escape does nothing (a choice is required).
 */
export function useDialogFocus(root: Ref<HTMLElement | null>, options: { onEscape?: () => void } = {}) {
  const entry: OpenDialog = { root: () => root.value, escape: options.onEscape };
  let opener: Element | null = null;
  const isTop = () => stack.at(-1) === entry;

  function onKeydown(e: KeyboardEvent): void {
    const el = root.value;
    if (!isTop() || !el) return;
    if (e.key === 'Escape') {
      // Captured before the page's own handlers: the dialog answers it, nothing behind it does.
      e.stopPropagation();
      e.preventDefault();
      entry.escape?.();
      return;
    }
    if (e.key !== 'Tab' || e.ctrlKey || e.metaKey || e.altKey) return;
    const stops = tabbables(el);
    const at = stops.indexOf(document.activeElement as HTMLElement);
    const atEnd = e.shiftKey ? at === 0 : at === stops.length - 1;
    // Inside, between its first and last stop, the browser's own order is right (radio groups…).
    if (at >= 0 && !atEnd) return;
    e.preventDefault();
    const next = nextStop(stops.length, at, e.shiftKey);
    (next === null ? el : stops[next]).focus();
  }

  function onFocusIn(e: FocusEvent): void {
    const el = root.value;
    if (!isTop() || !el || el.contains(e.target as Node)) return;
    focusInto(el);
  }

  onMounted(() => {
    const active = document.activeElement;
    opener = active && active !== document.body && !root.value?.contains(active) ? active : null;
    stack.push(entry);
    document.addEventListener('keydown', onKeydown, true);
    document.addEventListener('focusin', onFocusIn);
    void nextTick(() => {
      const el = root.value;
      if (el && isTop() && !el.contains(document.activeElement)) focusInto(el);
    });
  });

  onBeforeUnmount(() => {
    document.removeEventListener('keydown', onKeydown, true);
    document.removeEventListener('focusin', onFocusIn);
    const wasTop = isTop();
    stack.splice(stack.indexOf(entry), 1);
    const el = root.value;
    const hadFocus = !!el && el.contains(document.activeElement);
    if (!wasTop || !hadFocus) return;
    const below = stack.at(-1)?.root();
    if (isFocusable(opener) && (!below || below.contains(opener))) opener.focus();
    else if (below) focusInto(below);
    // Otherwise the opener is gone (a menu item, the start screen): the focus keeper places it.
  });

  return {
    /** Focus the default answer again if focus is still on the dialog itself (it became enabled). */
    focusInitial(): void {
      const el = root.value;
      if (el && document.activeElement === el) focusInto(el);
    },
  };
}
