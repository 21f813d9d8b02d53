import { describe, expect, it } from 'vitest';
import { buildPairsOption } from '../../../renderer/src/charts/pairsOption';
import { CHART_THEMES } from '../../../renderer/src/charts/theme';
import { densityHistogram } from '../../../shared/stats/histogram';
import { irisModel } from './chartFixtures';

describe('buildPairsOption', () => {
  const m = irisModel();
  const display = Array.from({ length: m.d }, (_, j) =>
    Float64Array.from({ length: m.n }, (_, i) => m.X[i * m.d + j]),
  );
  const build = (features: number[], maxPoints?: number) =>
    buildPairsOption(
      {
        params: m.params,
        pre: m.pre,
        features,
        display,
        histograms: display.map((v) => densityHistogram(v)),
        labels: m.labels,
        clusterNames: ['C1', 'C2', 'C3'],
        featureNames: m.f.columns,
        text: { title: 'Pairs', sampleNote: (s, t) => `${s} of ${t}` },
        ...(maxPoints ? { maxPoints } : {}),
      },
      CHART_THEMES.light,
    );

  it('has p × p panels: a histogram on the diagonal, points and one ellipse per cluster elsewhere', () => {
    const o = build([0, 1, 2, 3]);
    expect(o.grid).toHaveLength(16);
    const series = o.series as { type: string; name: string; xAxisIndex: number; data: unknown[] }[];
    const inPanel = (g: number) => series.filter((s) => s.xAxisIndex === g);
    expect(inPanel(0).map((s) => s.type)).toEqual(['custom']);
    expect(inPanel(1).map((s) => s.type)).toEqual(['scatter', 'scatter', 'scatter', 'line', 'line', 'line']);
    // Every row is drawn in an off-diagonal panel (150 ≤ the point budget).
    const drawn = inPanel(1)
      .filter((s) => s.type === 'scatter')
      .reduce((t, s) => t + s.data.length, 0);
    expect(drawn).toBe(150);
  });

  it('puts each pair in its panel: column feature across, row feature up', () => {
    const o = build([0, 2]);
    const panel = (o.series as { type: string; xAxisIndex: number; data: number[][] }[]).find(
      (s) => s.xAxisIndex === 2 && s.type === 'scatter',
    )!;
    // Panel 2 is row 1 (petal_length up), column 0 (sepal_length across).
    const [x, y] = panel.data[0];
    const row = Array.from({ length: m.n }, (_, i) => i).find(
      (i) => display[0][i] === x && display[2][i] === y,
    );
    expect(row).toBeDefined();
    const names = (o.xAxis as { name: string }[]).map((a) => a.name);
    expect(names).toEqual(['', '', 'sepal_length', 'petal_length']);
  });

  it('says when the points are a sample', () => {
    const o = build([0, 1], 60);
    expect((o.title as { subtext: string }).subtext).toMatch(/ of 150$/);
  });
});
