/**
 * Which rows of a fixed-row-height list are visible, for a virtualized table that renders only
 * those rows (plus an overscan margin) whatever the row count.
 *
 * Browsers cap an element's height (Chromium at about 33.5 million CSS pixels, Firefox lower), so a
 * list of 1e6+ rows at 24 px cannot simply be a spacer of `rowCount × rowHeight`. Above
 * `maxContentHeight` the scroll range is compressed: the scrollbar covers `maxContentHeight` and
 * a scroll fraction f maps to the virtual offset f × (full height − viewport). Rows are then placed
 * relative to the real scrollTop, so they still move one pixel per pixel scrolled between jumps.
 */
export interface VirtualWindowInput {
  rowCount: number;
  /** Height of one row, CSS pixels (> 0). */
  rowHeight: number;
  /** Visible height of the scroll container's row area, CSS pixels. */
  viewportHeight: number;
  /** The container's scrollTop, CSS pixels. */
  scrollTop: number;
  /** Extra rows rendered above and below the visible ones, so fast scrolls do not flash blank. */
  overscan: number;
  /** Largest spacer height the page will create; safely below every browser's cap. */
  maxContentHeight: number;
}

export interface VirtualWindow {
  /** First row to render (0-based, inclusive). */
  start: number;
  /** One past the last row to render. */
  end: number;
  /** First row at least partly in view, and one past the last (for "rows 41–60 of 1,000,000"). */
  visibleStart: number;
  visibleEnd: number;
  /** translateY of row `start` inside the spacer, CSS pixels. */
  offsetY: number;
  /** Height of the spacer that gives the scrollbar its range. */
  contentHeight: number;
  /** True when the scroll range is compressed (more rows than the cap allows at full height). */
  scaled: boolean;
}

export const DEFAULT_MAX_CONTENT_HEIGHT = 10_000_000;

export function computeVirtualWindow(input: VirtualWindowInput): VirtualWindow {
  const { rowCount, rowHeight, overscan } = input;
  const viewportHeight = Math.max(0, input.viewportHeight);
  if (rowCount <= 0 || rowHeight <= 0)
    return { start: 0, end: 0, visibleStart: 0, visibleEnd: 0, offsetY: 0, contentHeight: 0, scaled: false };

  const fullHeight = rowCount * rowHeight;
  const scaled = fullHeight > input.maxContentHeight;
  const contentHeight = scaled ? input.maxContentHeight : fullHeight;
  const maxScrollTop = Math.max(0, contentHeight - viewportHeight);
  const scrollTop = Math.min(Math.max(0, input.scrollTop), maxScrollTop);

  // Virtual offset: the pixel of the full-height list at the top of the viewport.
  const virtualTop =
    scaled && maxScrollTop > 0
      ? (scrollTop / maxScrollTop) * Math.max(0, fullHeight - viewportHeight)
      : scrollTop;

  const firstVisible = Math.min(rowCount - 1, Math.floor(virtualTop / rowHeight));
  const visibleEnd = Math.min(rowCount, Math.ceil((virtualTop + viewportHeight) / rowHeight));
  const start = Math.max(0, firstVisible - overscan);
  const end = Math.min(rowCount, Math.max(visibleEnd, firstVisible + 1) + overscan);
  // Row r sits at r·rowHeight in the full list; shift the whole list so virtualTop lands on scrollTop.
  const offsetY = scrollTop + start * rowHeight - virtualTop;
  return {
    start,
    end,
    visibleStart: firstVisible,
    visibleEnd: Math.max(visibleEnd, firstVisible + 1),
    offsetY,
    contentHeight,
    scaled,
  };
}
