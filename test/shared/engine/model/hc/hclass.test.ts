/** mclust's hclass: the partition after n − G merges, classes numbered by their first row. */
import { describe, expect, it } from 'vitest';
import { hclass } from '../../../../../shared/engine/model/hc/hclass';

// Six rows: merge (4,5), (0,3), (1,2), (0,4), (0,1) — 0-based smallest-row labels.
const merges = Int32Array.of(4, 5, 0, 3, 1, 2, 0, 4, 0, 1);

describe('hclass', () => {
  it('numbers classes in the order of their first row', () => {
    expect(Array.from(hclass(merges, 6, 6))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(hclass(merges, 6, 5))).toEqual([0, 1, 2, 3, 4, 4]);
    expect(Array.from(hclass(merges, 6, 3))).toEqual([0, 1, 1, 0, 2, 2]);
    expect(Array.from(hclass(merges, 6, 2))).toEqual([0, 1, 1, 0, 0, 0]);
    expect(Array.from(hclass(merges, 6, 1))).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('refuses a G outside 1 … n', () => {
    expect(() => hclass(merges, 6, 0)).toThrow(RangeError);
    expect(() => hclass(merges, 6, 7)).toThrow(RangeError);
  });
});
