/**
 * Every option builder's output goes through the real ECharts (server-side SVG rendering, no DOM):
 * this catches what a shape check cannot — an unregistered component, a custom series whose
 * renderItem throws, a formatter ECharts rejects — and confirms the SVG export path renders marks.
 */
import { describe, expect, it } from 'vitest';
import { init } from 'echarts/core';
import type { ECOption } from '../../../renderer/src/charts/echartsSetup';
import { registerECharts } from '../../../renderer/src/charts/echartsSetup';
import { buildScatterOption } from '../../../renderer/src/charts/scatterOption';
import { buildHistogramOption } from '../../../renderer/src/charts/histogramOption';
import { buildTraceOption } from '../../../renderer/src/charts/traceOption';
import { buildCertaintyOption } from '../../../renderer/src/charts/certaintyOption';
import { buildCriteriaOption } from '../../../renderer/src/charts/criteriaOption';
import { buildDiscreteBarsOption } from '../../../renderer/src/charts/discreteBarsOption';
import { binomialBars, categoricalBars } from '../../../shared/stats/discreteBars';
import { CHART_THEMES } from '../../../renderer/src/charts/theme';
import { densityHistogram } from '../../../shared/stats/histogram';
import { densityGrid, marginalComponents, mixtureMarginal } from '../../../shared/stats/density';
import { irisModel, irisScatterInput, syntheticScatterInput } from './chartFixtures';

function renderSvg(option: ECOption): string {
  registerECharts();
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: 640, height: 420 });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

const countPaths = (svg: string) => (svg.match(/<path/g) ?? []).length;

describe('option builders render with the registered ECharts parts', () => {
  const m = irisModel();
  const themes = [CHART_THEMES.light, CHART_THEMES.dark];

  it.each(themes.map((t) => [t.name, t] as const))('scatter (%s)', (_n, theme) => {
    const svg = renderSvg(
      buildScatterOption({ ...irisScatterInput().input, opacityByCertainty: true }, theme),
    );
    expect(svg).toContain(theme.background);
    expect(countPaths(svg)).toBeGreaterThan(150); // 150 points + ellipses + centroids
    expect(svg).toContain('petal_length');
  });

  it('scatter in large mode (typed-array data; threshold lowered to keep the SVG small)', () => {
    const option = buildScatterOption(
      { ...syntheticScatterInput(600), largeThreshold: 100 },
      CHART_THEMES.light,
    );
    expect((option.series as { large: boolean }[])[0].large).toBe(true);
    expect(countPaths(renderSvg(option))).toBeGreaterThan(3);
  });

  it.each(themes.map((t) => [t.name, t] as const))('histogram (%s)', (_n, theme) => {
    const col = Float64Array.from({ length: m.n }, (_, i) => m.X[i * m.d + 2]);
    const marginal = mixtureMarginal(
      m.params,
      m.pre,
      2,
      densityGrid(marginalComponents(m.params, m.pre, 2), 1, 7),
    );
    const svg = renderSvg(
      buildHistogramOption(
        {
          histogram: densityHistogram(col),
          marginal,
          clusterNames: ['A', 'B', 'C'],
          axisName: 'petal_length',
          text: { title: 'H', density: 'Density', data: 'Data', mixture: 'Mixture' },
        },
        theme,
      ),
    );
    expect(countPaths(svg)).toBeGreaterThan(10);
  });

  it.each(themes.map((t) => [t.name, t] as const))('bars of a discrete column (%s)', (_n, theme) => {
    const text = { title: 'B', count: 'Rows', observed: 'Observed', mixture: 'Mixture' };
    const cat = buildDiscreteBarsOption(
      {
        bars: categoricalBars(
          { values: [0, 1, 2, 1] },
          ['a', 'b', 'c'],
          [0.5, 0.5],
          [0.2, 0.3, 0.5, 0.6, 0.3, 0.1],
        ),
        ordered: false,
        clusterNames: ['A', 'B'],
        axisName: 'item',
        text,
      },
      theme,
    );
    const bin = buildDiscreteBarsOption(
      {
        bars: binomialBars({ values: [2, 7, 9] }, 10, [0.5, 0.5], [0.3, 0.8]),
        ordered: true,
        clusterNames: ['A', 'B'],
        axisName: 'heads',
        text,
      },
      theme,
    );
    // 3 bars and 9 marks; 11 bars, 3 lines and their marks.
    expect(countPaths(renderSvg(cat))).toBeGreaterThan(12);
    expect(countPaths(renderSvg(bin))).toBeGreaterThan(14);
  });

  it('trace, certainty and criteria', () => {
    const trace = buildTraceOption(
      {
        traces: [Float64Array.of(-3, -2, -1.5), Float64Array.of(-3.2, -2.5)],
        bestRestart: 0,
        text: {
          title: 'T',
          iteration: 'Iteration',
          lowerBound: 'LB',
          restart: (r) => `R${r}`,
          kept: '(kept)',
        },
      },
      CHART_THEMES.light,
    );
    const certainty = buildCertaintyOption(
      {
        certainty: m.certainty,
        nComponents: 3,
        text: {
          title: 'C',
          certainty: 'p',
          rows: 'Rows',
          uncertain: (c, n) => `${c}/${n}`,
          uncertainBins: 'U',
          certainBins: 'S',
        },
      },
      CHART_THEMES.dark,
    );
    const criteria = buildCriteriaOption(
      {
        cells: [
          { k: 1, covarianceType: 'full', status: 'ok', bic: 10, aic: 9, icl: 11 },
          { k: 2, covarianceType: 'full', status: 'degenerate', bic: 5, aic: 4, icl: 6 },
          { k: 3, covarianceType: 'full', status: 'ok', bic: 8, aic: 7, icl: 9 },
          { k: 4, covarianceType: 'full', status: 'failed', bic: null, aic: null, icl: null },
        ],
        criterion: 'bic',
        text: {
          title: 'S',
          k: 'K',
          criterionName: (c) => c.toUpperCase(),
          signNote: (n) => n,
          typeName: (t) => t,
          status: (s) => s,
          best: 'best',
          notFitted: (l) => l,
        },
      },
      CHART_THEMES.light,
    );
    for (const o of [trace, certainty, criteria]) expect(countPaths(renderSvg(o))).toBeGreaterThan(3);
  });
});
