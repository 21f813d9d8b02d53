import { describe, expect, it } from 'vitest';
import {
  criteriaLegend,
  LEGEND_ROW,
  legendTextWidth,
  SIDE_LEGEND_FROM,
} from '../../../renderer/src/charts/criteriaLegend';
import { CHART_THEMES } from '../../../renderer/src/charts/theme';

const FOURTEEN = [
  'EII',
  'VII',
  'EEI',
  'VEI',
  'EVI',
  'VVI',
  'EEE',
  'VEE',
  'EVE',
  'VVE',
  'EEV',
  'VEV',
  'EVV',
  'VVV',
];
type Column = { type: string; orient: string; data: string[]; top: number; right: number; align: string };

describe('criteriaLegend', () => {
  it('keeps a few names on one row at the top right, the plot as wide as before', () => {
    const l = criteriaLegend(CHART_THEMES.light, ['full', 'tied', 'diag', 'spherical'], 72);
    expect(l.columns).toBe(1);
    expect((l.legend as { data: string[] }).data).toEqual(['full', 'tied', 'diag', 'spherical']);
    expect(l.gridRight).toBe(24);
  });

  it('puts mclust’s fourteen beside the plot in two columns of seven, filled down as mclust does', () => {
    const l = criteriaLegend(CHART_THEMES.dark, FOURTEEN, 72);
    expect(l.columns).toBe(2);
    expect(l.rows).toBe(7);
    const [left, right] = l.legend as Column[];
    expect(left.data).toEqual(FOURTEEN.slice(0, 7));
    expect(right.data).toEqual(FOURTEEN.slice(7));
    // One page: plain legends (a 'scroll' legend pages), stacked from the plot's top.
    for (const c of [left, right]) {
      expect(c).toMatchObject({ type: 'plain', orient: 'vertical', top: 72, align: 'left' });
    }
    // Side by side, the left column clear of the right one, the plot clear of both.
    const rightWidth = 25 + 5 + Math.max(...right.data.map(legendTextWidth));
    const leftWidth = 25 + 5 + Math.max(...left.data.map(legendTextWidth));
    expect(left.right).toBeGreaterThanOrEqual(right.right + rightWidth);
    expect(l.gridRight).toBeGreaterThanOrEqual(left.right + leftWidth + 12);
    // Seven rows fit the plot of the smallest window's chart (about 150 px tall).
    expect(l.rows * LEGEND_ROW).toBeLessThanOrEqual(150);
  });

  it('goes to the side from five names, and sizes the columns to wide (CJK) names', () => {
    expect(criteriaLegend(CHART_THEMES.light, FOURTEEN.slice(0, SIDE_LEGEND_FROM), 72).columns).toBe(2);
    expect(criteriaLegend(CHART_THEMES.light, FOURTEEN.slice(0, SIDE_LEGEND_FROM - 1), 72).columns).toBe(1);
    expect(legendTextWidth('完全')).toBe(24);
    expect(legendTextWidth('VVV')).toBe(24);
    const wide = criteriaLegend(CHART_THEMES.light, ['完全完全完全', ...FOURTEEN.slice(0, 5)], 72);
    const narrow = criteriaLegend(CHART_THEMES.light, ['EII', ...FOURTEEN.slice(0, 5)], 72);
    expect(wide.gridRight - narrow.gridRight).toBe(legendTextWidth('完全完全完全') - legendTextWidth('EII'));
  });
});
