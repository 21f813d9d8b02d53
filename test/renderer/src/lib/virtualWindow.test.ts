import { describe, expect, it } from 'vitest';
import {
  computeVirtualWindow,
  DEFAULT_MAX_CONTENT_HEIGHT,
  type VirtualWindowInput,
} from '../../../../renderer/src/lib/virtualWindow';

const base: VirtualWindowInput = {
  rowCount: 150,
  rowHeight: 26,
  viewportHeight: 260,
  scrollTop: 0,
  overscan: 5,
  maxContentHeight: DEFAULT_MAX_CONTENT_HEIGHT,
};

describe('computeVirtualWindow', () => {
  it('renders the visible rows plus overscan at the top of a small table', () => {
    const w = computeVirtualWindow(base);
    expect(w).toMatchObject({
      start: 0,
      visibleStart: 0,
      visibleEnd: 10,
      end: 15,
      offsetY: 0,
      contentHeight: 150 * 26,
      scaled: false,
    });
  });

  it('places the window at the scrolled row, with overscan above and below', () => {
    const w = computeVirtualWindow({ ...base, scrollTop: 26 * 40 + 13 });
    expect(w.visibleStart).toBe(40);
    expect(w.visibleEnd).toBe(51); // row 50 is partly visible at the bottom
    expect(w.start).toBe(35);
    expect(w.end).toBe(56);
    expect(w.offsetY).toBe(35 * 26);
  });

  it('clamps to the last row when scrolled past the end', () => {
    const w = computeVirtualWindow({ ...base, scrollTop: 1e9 });
    expect(w.end).toBe(150);
    expect(w.visibleEnd).toBe(150);
    expect(w.visibleStart).toBe(140);
  });

  it('keeps a million-row table to a few dozen rendered rows and a capped spacer', () => {
    const rowCount = 1_000_000;
    const top = computeVirtualWindow({ ...base, rowCount, overscan: 10 });
    expect(top.scaled).toBe(true);
    expect(top.contentHeight).toBe(DEFAULT_MAX_CONTENT_HEIGHT);
    expect(top.end - top.start).toBeLessThan(40);

    const maxScroll = DEFAULT_MAX_CONTENT_HEIGHT - base.viewportHeight;
    const bottom = computeVirtualWindow({ ...base, rowCount, overscan: 10, scrollTop: maxScroll });
    expect(bottom.end).toBe(rowCount);
    expect(bottom.visibleEnd).toBe(rowCount);
    // The last row's bottom edge lands exactly on the viewport's bottom edge.
    const lastRowTop = bottom.offsetY + (rowCount - 1 - bottom.start) * base.rowHeight;
    expect(lastRowTop + base.rowHeight).toBeCloseTo(maxScroll + base.viewportHeight, 6);

    const middle = computeVirtualWindow({ ...base, rowCount, overscan: 10, scrollTop: maxScroll / 2 });
    expect(middle.visibleStart).toBeGreaterThan(499_000);
    expect(middle.visibleStart).toBeLessThan(501_000);
    // The first visible row's top sits within one row of the viewport's top.
    const firstTop = middle.offsetY + (middle.visibleStart - middle.start) * base.rowHeight;
    expect(firstTop).toBeLessThanOrEqual(maxScroll / 2);
    expect(firstTop).toBeGreaterThan(maxScroll / 2 - base.rowHeight);
  });

  it('scrolls a compressed table one pixel per pixel between row jumps', () => {
    const input = { ...base, rowCount: 1_000_000, overscan: 0 };
    const a = computeVirtualWindow({ ...input, scrollTop: 5000 });
    const b = computeVirtualWindow({ ...input, scrollTop: 5001 });
    const rowTop = (w: typeof a, row: number) => w.offsetY + (row - w.start) * 26;
    // Each scrolled pixel moves the content by the compression ratio (≈ 2.6 px here), never backwards.
    const moved = rowTop(a, a.visibleStart) - rowTop(b, a.visibleStart) + 1;
    expect(moved).toBeGreaterThan(0);
    expect(moved).toBeLessThan(26);
  });

  it('returns an empty window for an empty table or an unmeasured viewport', () => {
    expect(computeVirtualWindow({ ...base, rowCount: 0 })).toMatchObject({
      start: 0,
      end: 0,
      contentHeight: 0,
    });
    const w = computeVirtualWindow({ ...base, viewportHeight: 0 });
    expect(w.start).toBe(0);
    expect(w.end).toBeGreaterThan(0);
  });
});
