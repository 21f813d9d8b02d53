import { describe, expect, it } from 'vitest';
import { categoryShares } from '../../../../renderer/src/lib/categoryShares';

describe('category shares per cluster', () => {
  it('counts each fitted row in its cluster, skips missing cells, and lists modelled columns first', () => {
    // Dataset rows 0..5; fitted rows are 0, 1, 2, 4, 5 (row 3 left out).
    const rowIndex = Uint32Array.of(0, 1, 2, 4, 5);
    const labels = Int32Array.of(0, 0, 1, 1, 1);
    const gender = {
      index: 0,
      name: 'Gender',
      selected: false,
      levels: ['F', 'M'],
      codes: Int32Array.of(0, 1, 1, 0, -1, 1),
    };
    const item = {
      index: 2,
      name: 'Item',
      selected: true,
      levels: ['no', 'yes', 'maybe'],
      codes: Int32Array.of(2, 2, 0, 1, 1, 1),
    };
    const [first, second] = categoryShares(labels, rowIndex, 3, [gender, item]);
    expect(first.name).toBe('Item');
    expect(first.shares[0]).toEqual([0, 0, 1]);
    expect(first.shares[1]).toEqual([1 / 3, 2 / 3, 0]);
    expect(first.counts).toEqual([2, 3, 0]);
    expect(first.shares[2].every(Number.isNaN)).toBe(true);
    // Gender: cluster 1 has rows 2 (M), 4 (missing), 5 (M): the missing cell counts nowhere.
    expect(second.shares[1]).toEqual([0, 1]);
    expect(second.counts).toEqual([2, 2, 0]);
  });
});
