import { describe, expect, it } from 'vitest';
import { pickedCell } from '../../../../renderer/src/lib/pickedCell';

const cells = [
  { k: 2, covarianceType: 'full' as const },
  { k: 3, covarianceType: 'full' as const },
  { k: 3, covarianceType: 'VEV' as const },
];
const zh = (t: string) => ({ full: '完全', VEV: 'VEV' })[t] ?? t;

describe('pickedCell', () => {
  it('finds the cell from the series’ display name and the point’s K', () => {
    expect(pickedCell(cells, { seriesName: '完全', value: [3, 812.5] }, zh)).toBe(cells[1]);
    expect(pickedCell(cells, { seriesName: 'VEV', value: [3, 800] }, zh)).toBe(cells[2]);
  });

  it('is null for a name or K without a cell, or a value that is not a point', () => {
    expect(pickedCell(cells, { seriesName: 'full', value: [2, 1] }, zh)).toBeNull();
    expect(pickedCell(cells, { seriesName: '完全', value: [4, 1] }, zh)).toBeNull();
    expect(pickedCell(cells, { seriesName: '完全', value: 3 }, zh)).toBeNull();
  });
});
