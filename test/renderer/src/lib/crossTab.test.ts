import { describe, expect, it } from 'vitest';
import { clusterCrossTab, topLevels } from '../../../../renderer/src/lib/crossTab';

describe('clusterCrossTab', () => {
  // 6 fitted rows of a 7-row dataset (row 3 not fitted); row 5 has no reference value.
  const labels = [0, 0, 0, 1, 1, 1];
  const rowIndex = [0, 1, 2, 4, 5, 6];
  const codes = [0, 0, 1, 2, 1, -1, 1];
  const x = clusterCrossTab(labels, rowIndex, codes, 2, 3);

  it('counts fitted rows by their dataset row’s code, leaving out missing references', () => {
    expect(Array.from(x.table.counts)).toEqual([2, 1, 0, 0, 2, 0]);
    expect(x.table.missing).toBe(1);
    expect(x.table.n).toBe(5);
  });

  it('gives row shares summing to 1 per cluster and column shares per level', () => {
    expect(Array.from(x.rowShares)).toEqual([2 / 3, 1 / 3, 0, 0, 1, 0]);
    expect(x.colShares[1]).toBeCloseTo(1 / 3, 15);
    expect(x.colShares[4]).toBeCloseTo(2 / 3, 15);
    expect(Number.isNaN(x.colShares[2])).toBe(true); // level 2 only on the unfitted row
  });

  it('scores the agreement on the counted rows', () => {
    // Table [[2,1],[0,2]] of 5 rows: Σ C(n_ij,2) = 2; rows 3,2 → 4; columns 2,3 → 4; C(5,2) = 10.
    // ARI = (2 − 1.6)/(4 − 1.6) = 1/6.
    expect(x.ari).toBeCloseTo(1 / 6, 15);
    expect(x.nmi).toBeGreaterThan(0);
    expect(x.nmi).toBeLessThan(1);
  });
});

describe('topLevels', () => {
  it('keeps levels with rows, most frequent first', () => {
    const x = clusterCrossTab([0, 0, 0, 0], [0, 1, 2, 3], [2, 2, 0, 2], 1, 4);
    expect(topLevels(x.table, 5)).toEqual([2, 0]);
    expect(topLevels(x.table, 1)).toEqual([2]);
  });
});
