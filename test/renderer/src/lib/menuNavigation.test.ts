import { describe, expect, it } from 'vitest';
import { isMenuKey, menuMove } from '../../../../renderer/src/lib/menuNavigation';

describe('menuMove: arrow keys in a menu', () => {
  const items = [true, false, true, true, false];

  it('moves down and up past disabled items, wrapping at both ends', () => {
    expect(menuMove(items, 0, 'ArrowDown')).toBe(2);
    expect(menuMove(items, 3, 'ArrowDown')).toBe(0);
    expect(menuMove(items, 0, 'ArrowUp')).toBe(3);
    expect(menuMove(items, 2, 'ArrowUp')).toBe(0);
  });

  it('starts from the first (Down) or the last (Up) enabled item when none has focus', () => {
    expect(menuMove(items, -1, 'ArrowDown')).toBe(0);
    expect(menuMove(items, -1, 'ArrowUp')).toBe(3);
  });

  it('Home and End go to the first and last enabled item', () => {
    expect(menuMove([false, true, true, false], 2, 'Home')).toBe(1);
    expect(menuMove([false, true, true, false], 1, 'End')).toBe(2);
  });

  it('has nowhere to go when every item is disabled', () => {
    expect(menuMove([false, false], 0, 'ArrowDown')).toBeNull();
  });

  it('knows its keys', () => {
    expect(['ArrowDown', 'ArrowUp', 'Home', 'End', 'Tab', 'a'].map(isMenuKey)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
