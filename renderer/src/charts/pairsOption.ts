/**
 * Scatter matrix (pairs plot) of the modelled columns: panel (row r, column c) plots feature c
 * across against feature r up, points coloured by cluster with each component's 2σ ellipse for
 * that pair (shared/stats/componentGeometry.ts, display units); the diagonal panel is the
 * feature's histogram. mclust's `plot(…, what = "classification")` and R's `pairs()` look.
 *
 * Points are a cluster-stratified sample of at most `maxPoints` rows (the same rows in every
 * panel), so a 6-column matrix stays one chart's worth of marks.
 *
 * Series: per off-diagonal panel, K point series then K ellipse series (names = cluster names, so
 * the legend toggles a cluster everywhere); per diagonal panel one bar series.
 */
import type { GaussianMixtureParams, Preprocessing } from '../../../shared/engine/model/types';
import { componentGeometry2d } from '../../../shared/stats/componentGeometry';
import type { Histogram } from '../../../shared/stats/histogram';
import { stratifiedSample } from '../../../shared/stats/stratifiedSample';
import type { ECOption } from './echartsSetup';
import type { ChartTheme } from './theme';
import { binBarsSeries } from './binBars';
import { clusterColor } from './palette';
import { escapeHtml, formatNumber, legendPart, titlePart, tooltipPart, valueAxisPart } from './chartParts';

export const PAIRS_MAX_FEATURES = 6;
export const PAIRS_MAX_POINTS = 3000;

export interface PairsInput {
  params: GaussianMixtureParams;
  pre: Preprocessing;
  /** Feature positions (model order) to show, at most PAIRS_MAX_FEATURES. */
  features: number[];
  /** d arrays of n display values (fitViews.ts). */
  display: Float64Array[];
  histograms: Histogram[];
  labels: ArrayLike<number>;
  clusterNames: string[];
  /** d axis names, one per model feature (displayFeatureName). */
  featureNames: string[];
  text: { title: string; sampleNote: (shown: number, total: number) => string };
  maxPoints?: number;
}

export function buildPairsOption(input: PairsInput, theme: ChartTheme): ECOption {
  const p = input.features.length;
  const K = input.clusterNames.length;
  const n = input.labels.length;
  const budget = input.maxPoints ?? PAIRS_MAX_POINTS;
  // Small clusters keep a few rows each, but never so many that the budget is ignored.
  const rows = stratifiedSample(input.labels, K, {
    size: budget,
    minPerCluster: Math.ceil(budget / (4 * K)),
  });
  // Panels share the square: left/top margins hold the legend, title and axis names.
  const left = 8;
  const top = 14;
  const size = (100 - left - 2) / p;
  const height = (100 - top - 6) / p;
  const gap = 1.2;
  const grid: object[] = [];
  const xAxis: object[] = [];
  const yAxis: object[] = [];
  const series: object[] = [];
  for (let r = 0; r < p; r++)
    for (let c = 0; c < p; c++) {
      const g = grid.length;
      grid.push({
        left: `${left + c * size}%`,
        top: `${top + r * height}%`,
        width: `${size - gap}%`,
        height: `${height - gap * 1.5}%`,
      });
      const jx = input.features[c];
      const jy = input.features[r];
      const [xName, yName] = [input.featureNames[jx], input.featureNames[jy]];
      const label = { show: false };
      xAxis.push({
        ...valueAxisPart(theme, r === p - 1 ? xName : '', { nameGap: 8 }),
        gridIndex: g,
        axisLabel: label,
        splitLine: { show: false },
      });
      yAxis.push({
        ...valueAxisPart(theme, c === 0 ? yName : '', { nameGap: 8, scale: r !== c }),
        gridIndex: g,
        axisLabel: label,
        splitLine: { show: false },
      });
      const at = { xAxisIndex: g, yAxisIndex: g };
      if (r === c) {
        const h = input.histograms[jx];
        series.push({
          ...binBarsSeries(h.edges, h.density, {
            name: xName,
            fill: theme.muted,
            stroke: theme.background,
            opacity: 0.6,
          }),
          ...at,
        });
        continue;
      }
      const x = input.display[jx];
      const y = input.display[jy];
      const points: number[][][] = Array.from({ length: K }, () => []);
      for (const i of rows)
        if (Number.isFinite(x[i]) && Number.isFinite(y[i])) points[input.labels[i]].push([x[i], y[i]]);
      points.forEach((data, k) =>
        series.push({
          type: 'scatter',
          name: input.clusterNames[k],
          data,
          symbolSize: 3,
          itemStyle: { color: clusterColor(k), opacity: 0.6 },
          animation: false,
          ...at,
          tooltip: {
            formatter: (q: { value?: unknown }) => {
              const v = q.value as number[];
              return `${escapeHtml(input.clusterNames[k])}<br/>${escapeHtml(xName)}: ${formatNumber(v[0])}<br/>${escapeHtml(yName)}: ${formatNumber(v[1])}`;
            },
          },
        }),
      );
      for (const comp of componentGeometry2d(
        input.params,
        input.pre,
        { kind: 'features', x: jx, y: jy },
        [2],
        48,
      ))
        series.push({
          type: 'line',
          name: input.clusterNames[comp.component],
          data: comp.rings[0].points,
          showSymbol: false,
          silent: true,
          animation: false,
          lineStyle: { color: clusterColor(comp.component), width: 1.5 },
          tooltip: { show: false },
          z: 3,
          ...at,
        });
    }
  return {
    backgroundColor: theme.background,
    animation: false,
    title: titlePart(theme, input.text.title, rows.length < n ? input.text.sampleNote(rows.length, n) : ''),
    legend: legendPart(theme, input.clusterNames),
    tooltip: tooltipPart(theme, 'item'),
    grid,
    xAxis,
    yAxis,
    series,
  } as ECOption;
}
