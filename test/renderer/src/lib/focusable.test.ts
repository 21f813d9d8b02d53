import { describe, expect, it } from 'vitest';
import { nextStop } from '../../../../renderer/src/lib/focusable';

describe('nextStop: Tab inside a trapped dialog', () => {
  it('wraps from the last stop to the first, and Shift+Tab from the first to the last', () => {
    expect(nextStop(3, 2, false)).toBe(0);
    expect(nextStop(3, 0, true)).toBe(2);
    expect(nextStop(3, 1, false)).toBe(2);
  });

  it('enters at the first stop (Tab) or the last (Shift+Tab) when focus is outside the stops', () => {
    expect(nextStop(4, -1, false)).toBe(0);
    expect(nextStop(4, -1, true)).toBe(3);
  });

  it('has nowhere to go without stops', () => {
    expect(nextStop(0, -1, false)).toBeNull();
  });
});
