/**
 * Histogram of one column as a density, with the fitted mixture's marginal density on that column
 * and each component's weighted density w_k N(x | μ_kj, σ²_kj) (shared/stats/density.ts), all in
 * display units on one value axis. Bars integrate to 1, so bars and curves share a scale.
 *
 * Series: 0 bars, 1 mixture density, 2 … K+1 component k's weighted density. The component
 * curves are drawn above the mixture line: where one component dominates the two coincide, and the
 * thicker mixture line would hide the component's colour.
 */
import type { Histogram } from '../../../shared/stats/histogram';
import type { MarginalDensity } from '../../../shared/stats/density';
import type { ECOption } from './echartsSetup';
import type { ChartTheme } from './theme';
import { clusterColor } from './palette';
import { binBarsSeries } from './binBars';
import { escapeHtml, formatNumber, legendPart, titlePart, tooltipPart, valueAxisPart } from './chartParts';

export interface HistogramText {
  title: string;
  /** y axis name, e.g. "Density". */
  density: string;
  /** Legend name of the bars, e.g. "Data". */
  data: string;
  /** Legend name of the mixture curve, e.g. "Mixture density". */
  mixture: string;
}

export interface HistogramInput {
  histogram: Histogram;
  /** The fitted model's marginal on this column; absent before a fit. */
  marginal?: MarginalDensity;
  /** K legend names. */
  clusterNames: string[];
  /** x axis name (displayFeatureName: "log(name)" for a log column). */
  axisName: string;
  text: HistogramText;
}

const xy = (x: ArrayLike<number>, y: ArrayLike<number>): [number, number][] =>
  Array.from(y, (v, i) => [x[i], v] as [number, number]);

export function buildHistogramOption(input: HistogramInput, theme: ChartTheme): ECOption {
  const { histogram: h, marginal: m } = input;
  const bars = binBarsSeries(h.edges, h.density, {
    name: input.text.data,
    fill: theme.name === 'dark' ? 'rgba(163,171,182,0.28)' : 'rgba(84,93,105,0.22)',
    stroke: theme.name === 'dark' ? 'rgba(163,171,182,0.55)' : 'rgba(84,93,105,0.45)',
    tooltip: (from, to, d) =>
      `${formatNumber(from)} – ${formatNumber(to)}<br/>${input.text.density}: ${formatNumber(d)}`,
  });
  const lines = m
    ? [
        {
          type: 'line' as const,
          name: input.text.mixture,
          data: xy(m.x, m.total),
          showSymbol: false,
          smooth: false,
          animation: false,
          lineStyle: { color: theme.text, width: 2.5 },
          itemStyle: { color: theme.text },
          z: 3,
        },
        ...m.components.map((c, k) => ({
          type: 'line' as const,
          name: input.clusterNames[k],
          data: xy(m.x, c),
          showSymbol: false,
          smooth: false,
          animation: false,
          lineStyle: { color: clusterColor(k), width: 1.75 },
          itemStyle: { color: clusterColor(k) },
          z: 4,
        })),
      ]
    : [];
  return {
    backgroundColor: theme.background,
    animation: false,
    title: titlePart(theme, input.text.title),
    legend: legendPart(theme, [input.text.data, ...(m ? [input.text.mixture, ...input.clusterNames] : [])]),
    tooltip: {
      ...tooltipPart(theme, 'axis'),
      axisPointer: { type: 'line' },
      formatter: (params: unknown) => histogramTooltip(params as AxisTooltipItem[], input),
    },
    grid: { left: 64, right: 24, top: 64, bottom: 48 },
    xAxis: valueAxisPart(theme, input.axisName, { nameGap: 28 }),
    yAxis: valueAxisPart(theme, input.text.density, { nameGap: 48, scale: false }),
    series: [bars, ...lines],
  };
}

/** One series' entry in an axis tooltip (the fields ECharts passes that are read here). */
export interface AxisTooltipItem {
  seriesIndex: number;
  seriesName: string;
  marker?: string;
  value: unknown;
}

/**
 * The axis tooltip as lines, numbers to 4 significant digits: the position on the axis, the bar
 * under it (its bin and density) and each curve's density there — one per line, never raw floats
 * run together.
 */
export function histogramTooltip(items: readonly AxisTooltipItem[], input: HistogramInput): string {
  const curve = items.find((i) => i.seriesIndex > 0);
  const lines = curve
    ? [`<b>${escapeHtml(input.axisName)} = ${formatNumber((curve.value as number[])[0])}</b>`]
    : [];
  for (const item of items) {
    const v = item.value as number[];
    const name = `${item.marker ?? ''}${escapeHtml(item.seriesName)}`;
    lines.push(
      item.seriesIndex === 0
        ? `${name}: ${formatNumber(v[0])} – ${formatNumber(v[1])}, ${escapeHtml(input.text.density)} ${formatNumber(v[2])}`
        : `${name}: ${formatNumber(v[1])}`,
    );
  }
  return lines.join('<br/>');
}
