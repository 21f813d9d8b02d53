import { describe, expect, it } from 'vitest';
import { defaultAnalysisState, type AnalysisViewSettings } from '../../../../renderer/src/lib/analysisState';
import { analysisStateOf, buildProjectState } from '../../../../renderer/src/lib/projectState';
import { binWidthKey, restoredViewSettings, withBinWidth } from '../../../../renderer/src/lib/viewSettings';
import { defaultSweepState } from '../../../../renderer/src/stores/sweep';

/** Every view setting away from its default. */
const chosen: AnalysisViewSettings = {
  scatter: { axes: 'pca', x: 2, y: 0, opacityByCertainty: true },
  histogramColumn: 3,
  binWidths: { '2': 0.25, 'log:3': 0.1 },
  pairsColumns: [3, 0, 2],
  contours: true,
  parameterUnits: 'fitted',
  compareReference: 4,
  compareCells: 'colShares',
  certaintyThreshold: 0.75,
  table: { sort: 'probability', descending: true, cluster: 1 },
};

describe('restoredViewSettings', () => {
  it('gives back every setting a project saved, through the file and its JSON', () => {
    const analysis = { ...defaultAnalysisState(), selection: [0, 2, 3], view: chosen };
    const state = buildProjectState({
      summary: null,
      analysis,
      current: null,
      sweep: defaultSweepState(),
      activeView: 'compare',
    });
    const file = JSON.parse(JSON.stringify(state)) as typeof state;
    expect(restoredViewSettings(analysisStateOf(file).view)).toEqual(chosen);
    expect(file.activeView).toBe('compare');
  });

  it('opens a file saved before the newer settings existed with their defaults and its own choices', () => {
    const older = {
      scatter: { axes: 'features', x: 1, y: 2, opacityByCertainty: true },
      histogramColumn: 2,
      certaintyThreshold: 0.8,
      table: { sort: 'cluster', descending: false, cluster: null },
    };
    const fresh = defaultAnalysisState().view;
    expect(restoredViewSettings(older)).toEqual({
      ...fresh,
      scatter: older.scatter,
      histogramColumn: 2,
      certaintyThreshold: 0.8,
      table: older.table,
    });
    expect(fresh).toMatchObject({
      binWidths: {},
      pairsColumns: null,
      contours: false,
      parameterUnits: 'data',
      compareReference: null,
      compareCells: 'counts',
    });
  });

  it('replaces what a view cannot use by the default, field by field', () => {
    const restored = restoredViewSettings({
      scatter: { axes: 'tsne', x: -1, y: 1.5, opacityByCertainty: 'yes' },
      histogramColumn: '2',
      binWidths: { '2': 0.5, '3': -1, '4': Infinity, x: 2, 'log:5': '1' },
      pairsColumns: [1, 'x', 2],
      contours: 1,
      parameterUnits: 'cm',
      compareReference: 2,
      compareCells: 'percent',
      certaintyThreshold: 1.5,
      table: { sort: 'name', descending: true, cluster: 'all' },
    });
    const fresh = defaultAnalysisState().view;
    expect(restored).toEqual({
      ...fresh,
      binWidths: { '2': 0.5 },
      compareReference: 2,
      table: { ...fresh.table, descending: true },
    });
  });

  it('takes anything that is not an object for an empty one', () => {
    const fresh = defaultAnalysisState().view;
    for (const saved of [undefined, null, 3, 'view', [chosen]])
      expect(restoredViewSettings(saved)).toEqual(fresh);
  });
});

describe('bin widths by column', () => {
  it('keeps a column and its logarithm apart, since they are drawn in different units', () => {
    expect(binWidthKey(3)).toBe('3');
    expect(binWidthKey(3, true)).toBe('log:3');
  });

  it('sets, replaces and clears one column without touching the others or the input', () => {
    const before = { '1': 2 };
    const set = withBinWidth(before, '3', 0.5);
    expect(set).toEqual({ '1': 2, '3': 0.5 });
    expect(withBinWidth(set, '3', 0.25)).toEqual({ '1': 2, '3': 0.25 });
    expect(withBinWidth(set, '3', null)).toEqual({ '1': 2 });
    expect(before).toEqual({ '1': 2 });
  });
});
