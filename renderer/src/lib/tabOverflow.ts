/**
 * Geometry of a strip of tabs wider than its box (the view tabs at the minimum window size): which
 * tabs are cut off, for the "more" menu, and the scroll that shows a tab whole, so the active tab
 * is always in sight. Positions are in the strip's scroll coordinates (offsetLeft, offsetWidth).
 */
export interface TabBox {
  left: number;
  width: number;
}

/** Indices of the tabs not wholly inside the visible part [scrollLeft, scrollLeft + clientWidth]. */
export function clippedTabs(tabs: readonly TabBox[], scrollLeft: number, clientWidth: number): number[] {
  const right = scrollLeft + clientWidth;
  const out: number[] = [];
  // Half a pixel of slack: layout widths are fractional and scrollLeft is rounded.
  tabs.forEach((t, i) => {
    if (t.left < scrollLeft - 0.5 || t.left + t.width > right + 0.5) out.push(i);
  });
  return out;
}

/**
 * The scrollLeft that shows `tab` whole, moving as little as possible (unchanged when it already
 * shows), with `margin` px of its neighbour in sight so the cut shows there is more that way.
 */
export function scrollToReveal(tab: TabBox, scrollLeft: number, clientWidth: number, margin = 24): number {
  const room = Math.max(0, clientWidth - tab.width);
  const pad = Math.min(margin, room / 2);
  if (tab.left - pad < scrollLeft) return Math.max(0, tab.left - pad);
  if (tab.left + tab.width + pad > scrollLeft + clientWidth) return tab.left + tab.width + pad - clientWidth;
  return scrollLeft;
}
