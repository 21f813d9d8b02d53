/**
 * Arrow-key movement in a menu (WAI-ARIA Authoring Practices, "Menu Button" pattern): Down and Up
 * move to the next and previous enabled item and wrap, Home and End go to the first and last. The
 * items are given as "enabled?" flags in menu order; disabled items are skipped, as a pointer
 * cannot choose them either.
 */
export type MenuKey = 'ArrowDown' | 'ArrowUp' | 'Home' | 'End';

export function isMenuKey(key: string): key is MenuKey {
  return key === 'ArrowDown' || key === 'ArrowUp' || key === 'Home' || key === 'End';
}

/** The index to focus after `key` from `current` (-1: none yet); null when no item is enabled. */
export function menuMove(enabled: readonly boolean[], current: number, key: MenuKey): number | null {
  const n = enabled.length;
  const first = enabled.indexOf(true);
  if (first < 0) return null;
  const last = enabled.lastIndexOf(true);
  if (key === 'Home') return first;
  if (key === 'End') return last;
  const step = key === 'ArrowDown' ? 1 : -1;
  const start = current < 0 ? (step > 0 ? -1 : n) : current;
  for (let i = 1; i <= n; i++) {
    const j = (((start + step * i) % n) + n) % n;
    if (enabled[j]) return j;
  }
  return null;
}
