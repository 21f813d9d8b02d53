import { describe, expect, it } from 'vitest';
import { buildHistogramOption, histogramTooltip } from '../../../renderer/src/charts/histogramOption';
import { CHART_THEMES } from '../../../renderer/src/charts/theme';
import { densityHistogram } from '../../../shared/stats/histogram';
import { densityGrid, marginalComponents, mixtureMarginal } from '../../../shared/stats/density';
import { irisModel } from './chartFixtures';

const text = { title: 'Petal length', density: 'Density', data: 'Data', mixture: 'Mixture density' };

describe('buildHistogramOption', () => {
  const m = irisModel();
  const col = Float64Array.from({ length: m.n }, (_, i) => m.X[i * m.d + 2]);
  const histogram = densityHistogram(col);
  const marginal = mixtureMarginal(
    m.params,
    m.pre,
    2,
    densityGrid(marginalComponents(m.params, m.pre, 2), 1, 7),
  );
  const names = ['Cluster 1', 'Cluster 2', 'Cluster 3'];
  const o = buildHistogramOption(
    { histogram, marginal, clusterNames: names, axisName: 'petal_length', text },
    CHART_THEMES.light,
  );
  const series = o.series as { type: string; name: string; data: unknown[] }[];

  it('has the bars, the mixture density and one weighted density per component', () => {
    expect(series.map((s) => [s.type, s.name])).toEqual([
      ['custom', 'Data'],
      ['line', 'Mixture density'],
      ['line', 'Cluster 1'],
      ['line', 'Cluster 2'],
      ['line', 'Cluster 3'],
    ]);
    expect((o.legend as { data: string[] }).data).toEqual(['Data', 'Mixture density', ...names]);
  });

  it('draws each bar from its left to its right edge at its density (bars integrate to 1)', () => {
    const bars = series[0].data as [number, number, number][];
    expect(bars).toHaveLength(histogram.density.length);
    expect(bars.reduce((s, [a, b, h]) => s + (b - a) * h, 0)).toBeCloseTo(1, 12);
    expect(bars[0][0]).toBe(histogram.edges[0]);
    expect(bars[bars.length - 1][1]).toBe(histogram.edges[histogram.edges.length - 1]);
  });

  it('passes the densities through unchanged', () => {
    expect(series[1].data).toEqual(Array.from(marginal.total, (v, i) => [marginal.x[i], v]));
    expect(series[3].data).toEqual(Array.from(marginal.components[1], (v, i) => [marginal.x[i], v]));
  });

  it('shows only the bars before a fit', () => {
    const bare = buildHistogramOption(
      { histogram, clusterNames: [], axisName: 'petal_length', text },
      CHART_THEMES.dark,
    );
    expect((bare.series as unknown[]).length).toBe(1);
    expect((bare.xAxis as { name: string }).name).toBe('petal_length');
  });
});

describe('histogram layering and tooltip', () => {
  const m = irisModel();
  const col = Float64Array.from({ length: m.n }, (_, i) => m.X[i * m.d + 2]);
  const marginal = mixtureMarginal(
    m.params,
    m.pre,
    2,
    densityGrid(marginalComponents(m.params, m.pre, 2), 1, 7),
  );
  const input = () => ({
    histogram: densityHistogram(col),
    marginal,
    clusterNames: ['Cluster 1', 'Cluster 2', 'Cluster 3'],
    axisName: 'petal_length',
    text,
  });

  it('draws every component curve above the mixture line', () => {
    const o = buildHistogramOption(input(), CHART_THEMES.light);
    const series = o.series as { z: number }[];
    for (let k = 2; k < series.length; k++) expect(series[k].z).toBeGreaterThan(series[1].z);
  });

  it('formats the axis tooltip one value per line to four significant digits, names escaped', () => {
    const i = input();
    const html = histogramTooltip(
      [
        { seriesIndex: 0, seriesName: 'Data', marker: '', value: [1.23456789, 1.5, 0.123456789] },
        { seriesIndex: 1, seriesName: 'Mixture', marker: '', value: [1.3333333333, 0.2222222222] },
        { seriesIndex: 2, seriesName: '<b>C1</b>', marker: '', value: [1.3333333333, 0.1111111111] },
      ],
      { ...i, axisName: 'x<1>' },
    );
    expect(html.split('<br/>')).toEqual([
      '<b>x&lt;1&gt; = 1.333</b>',
      'Data: 1.235 – 1.5, Density 0.1235',
      'Mixture: 0.2222',
      '&lt;b&gt;C1&lt;/b&gt;: 0.1111',
    ]);
  });
});
