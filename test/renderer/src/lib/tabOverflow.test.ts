import { describe, expect, it } from 'vitest';
import { clippedTabs, scrollToReveal } from '../../../../renderer/src/lib/tabOverflow';

// Five tabs 100 px wide, 2 px apart, from x = 12 (the strip's padding): 12–112, 114–214, …, 420–520.
const tabs = Array.from({ length: 5 }, (_, i) => ({ left: 12 + i * 102, width: 100 }));

describe('clippedTabs', () => {
  it('lists none when the strip is wide enough for all', () => {
    expect(clippedTabs(tabs, 0, 540)).toEqual([]);
  });

  it('lists the tabs cut on the right, and a tab cut by one pixel counts as cut', () => {
    expect(clippedTabs(tabs, 0, 300)).toEqual([2, 3, 4]);
    expect(clippedTabs(tabs, 0, 317)).toEqual([3, 4]);
    expect(clippedTabs(tabs, 0, 315)).toEqual([2, 3, 4]);
  });

  it('lists the tabs scrolled out on the left as well', () => {
    expect(clippedTabs(tabs, 150, 300)).toEqual([0, 1, 4]);
  });

  it('forgives the fraction of a pixel a fractional layout leaves', () => {
    expect(clippedTabs([{ left: 0, width: 100.4 }], 0, 100)).toEqual([]);
  });
});

describe('scrollToReveal', () => {
  it('leaves the scroll alone when the tab shows whole', () => {
    expect(scrollToReveal(tabs[1], 0, 300)).toBe(0);
    expect(scrollToReveal(tabs[2], 150, 300)).toBe(150);
  });

  it('scrolls right just far enough to show a tab and a margin of the next', () => {
    // Tab 4 ends at 520: 520 + 24 − 300.
    expect(scrollToReveal(tabs[4], 0, 300)).toBe(244);
  });

  it('scrolls left to show a tab and a margin of the one before, never below zero', () => {
    expect(scrollToReveal(tabs[1], 200, 300)).toBe(90);
    expect(scrollToReveal(tabs[0], 200, 300)).toBe(0);
  });

  it('shrinks the margin when the strip is barely wider than the tab', () => {
    // Tab 3 spans 318–418; 10 px to spare leave 5 each side: 418 + 5 − 110.
    expect(scrollToReveal(tabs[3], 0, 110)).toBe(313);
  });
});
