/**
 * Scatter of the rows on two axes, coloured by cluster, with each component's 1σ and 2σ ellipse
 * and its centroid (geometry from shared/stats/componentGeometry.ts, already in display units).
 *
 * Series layout, for K clusters (the legend toggles everything that shares a cluster's name):
 *   0 … K−1      points of cluster k
 *   K … 3K−1     ellipses: cluster k's 1σ (solid) then 2σ (dashed)
 *   3K … 4K−1    centroid of cluster k
 *
 * Size policy: up to `largeThreshold` (50 000) points are drawn one by one (tooltips, optional
 * opacity by certainty). Above it every point series switches to ECharts' large mode with
 * progressive rendering (one batched path; no per-point opacity). Above `maxPoints` (200 000) a
 * deterministic cluster-stratified sample of about `maxPoints` rows is drawn
 * (shared/stats/stratifiedSample.ts) and the subtitle says "showing a sample of N of M points".
 */
import type { ComponentGeometry2d } from '../../../shared/stats/componentGeometry';
import { stratifiedSample } from '../../../shared/stats/stratifiedSample';
import type { ECOption } from './echartsSetup';
import type { ChartTheme } from './theme';
import { clusterColor, clusterSymbol } from './palette';
import { escapeHtml, formatNumber, legendPart, titlePart, tooltipPart, valueAxisPart } from './chartParts';

export const SCATTER_LARGE_THRESHOLD = 50_000;
export const SCATTER_MAX_POINTS = 200_000;

/** Translated strings (the caller owns i18n). */
export interface ScatterText {
  title: string;
  /** Subtitle when a sample is drawn, e.g. "Showing a sample of 200,000 of 2,000,000 points". */
  sampleNote: (shown: number, total: number) => string;
  /** Subtitle in large mode without sampling (optional), e.g. "All 120,000 points, fast drawing". */
  largeNote?: (total: number) => string;
  centroid: string;
  certainty: string;
  weight: string;
}

export interface ScatterInput {
  /** n display coordinates (original or log units, or PCA scores). */
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** n, 0-based component of each row. */
  labels: ArrayLike<number>;
  /** n, each row's largest posterior probability (shared/stats/certainty.ts). */
  certainty?: ArrayLike<number>;
  opacityByCertainty?: boolean;
  components: ComponentGeometry2d[];
  /** K legend names, e.g. "Cluster 1". */
  clusterNames: string[];
  axisNames: [string, string];
  text: ScatterText;
  largeThreshold?: number;
  maxPoints?: number;
  /**
   * The rows given are already a sample (drawn off the main thread, fitViews.ts) of this many fitted
   * rows: all of them are drawn and the subtitle names this total. A stratified sample can be a few
   * rows over maxPoints (small-cluster minimums, rounding); it is never sampled a second time.
   */
  sampleOf?: number;
}

interface ClusterPoints {
  /** Flat [x0, y0, x1, y1, …] in large mode, else [x, y, certainty] triples. */
  data: Float64Array | number[][];
  count: number;
}

/** Rows to draw, grouped per cluster. Non-finite coordinates (log of ≤ 0) are left out. */
function groupPoints(input: ScatterInput, rows: Uint32Array | null, large: boolean): ClusterPoints[] {
  const K = input.clusterNames.length;
  const { x, y, labels, certainty } = input;
  const m = rows ? rows.length : labels.length;
  const counts = new Array<number>(K).fill(0);
  for (let r = 0; r < m; r++) {
    const i = rows ? rows[r] : r;
    if (Number.isFinite(x[i]) && Number.isFinite(y[i])) counts[labels[i]]++;
  }
  const groups: ClusterPoints[] = counts.map((c) => ({
    data: large ? new Float64Array(2 * c) : [],
    count: 0,
  }));
  for (let r = 0; r < m; r++) {
    const i = rows ? rows[r] : r;
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) continue;
    const g = groups[labels[i]];
    if (g.data instanceof Float64Array) {
      g.data[2 * g.count] = x[i];
      g.data[2 * g.count + 1] = y[i];
    } else {
      g.data.push([x[i], y[i], certainty ? certainty[i] : 1]);
    }
    g.count++;
  }
  return groups;
}

export function buildScatterOption(input: ScatterInput, theme: ChartTheme): ECOption {
  const n = input.labels.length;
  const K = input.clusterNames.length;
  const largeThreshold = input.largeThreshold ?? SCATTER_LARGE_THRESHOLD;
  const maxPoints = input.maxPoints ?? SCATTER_MAX_POINTS;
  const presampled = input.sampleOf !== undefined;
  const rows = !presampled && n > maxPoints ? stratifiedSample(input.labels, K, { size: maxPoints }) : null;
  const shown = rows ? rows.length : n;
  const large = shown > largeThreshold;
  const groups = groupPoints(input, rows, large);
  const shade = !large && input.opacityByCertainty === true && input.certainty !== undefined;
  const [xName, yName] = input.axisNames.map(escapeHtml);

  const subtitle = presampled
    ? input.text.sampleNote(n, input.sampleOf as number)
    : rows
      ? input.text.sampleNote(shown, n)
      : large && input.text.largeNote
        ? input.text.largeNote(n)
        : undefined;

  const pointSeries = groups.map((g, k) => ({
    type: 'scatter' as const,
    name: input.clusterNames[k],
    data: g.data,
    // A typed-array (large mode) series must name its dimensions; x and y, then certainty.
    dimensions: large ? ['x', 'y'] : ['x', 'y', 'certainty'],
    symbol: clusterSymbol(k),
    symbolSize: large ? 3 : n > 5000 ? 4 : 6,
    itemStyle: { color: clusterColor(k), opacity: shade ? undefined : large ? 0.6 : 0.75 },
    emphasis: { disabled: large },
    large,
    largeThreshold: largeThreshold,
    progressive: large ? 20_000 : 0,
    progressiveThreshold: largeThreshold,
    animation: false,
    z: 2,
    tooltip: {
      formatter: (p: { seriesName?: string; value?: unknown }) => {
        const v = p.value as number[];
        const cert =
          input.certainty && !large ? `<br/>${escapeHtml(input.text.certainty)}: ${formatNumber(v[2])}` : '';
        return `${escapeHtml(p.seriesName ?? '')}<br/>${xName}: ${formatNumber(v[0])}<br/>${yName}: ${formatNumber(v[1])}${cert}`;
      },
    },
  }));

  const ellipseSeries = input.components.flatMap((c) =>
    c.rings.map((ring) => ({
      type: 'line' as const,
      name: input.clusterNames[c.component],
      data: ring.points,
      showSymbol: false,
      symbol: 'none',
      smooth: false,
      silent: true,
      animation: false,
      lineStyle: {
        color: clusterColor(c.component),
        width: ring.sigma <= 1 ? 2 : 1.5,
        type: ring.sigma <= 1 ? ('solid' as const) : ('dashed' as const),
        opacity: 1,
        // A thin dark glow outlines the ring: drawn over its own dense cloud it has the same hue
        // as the points and would vanish without it. Dark in both themes — a light glow washes
        // the ring out on the dark background.
        shadowColor: 'rgba(0, 0, 0, 0.75)',
        shadowBlur: 2,
      },
      tooltip: { show: false },
      // Own canvas layer above the points: large/progressive point series render incrementally
      // on a layer of their own and would otherwise cover the ellipses.
      zlevel: 1,
      z: 3,
    })),
  );

  const centroidSeries = input.components.map((c) => ({
    type: 'scatter' as const,
    name: input.clusterNames[c.component],
    data: [[c.center[0], c.center[1], c.weight]],
    symbol: 'diamond',
    symbolSize: 16,
    itemStyle: {
      color: clusterColor(c.component),
      borderColor: theme.markerOutline,
      borderWidth: 2,
      opacity: 1,
    },
    animation: false,
    zlevel: 1,
    z: 4,
    tooltip: {
      formatter: () =>
        `${escapeHtml(input.clusterNames[c.component])} — ${escapeHtml(input.text.centroid)}<br/>` +
        `${xName}: ${formatNumber(c.center[0])}<br/>${yName}: ${formatNumber(c.center[1])}<br/>` +
        `${escapeHtml(input.text.weight)}: ${formatNumber(c.weight)}`,
    },
  }));

  const option: ECOption = {
    backgroundColor: theme.background,
    animation: false,
    title: titlePart(theme, input.text.title, subtitle),
    legend: legendPart(theme, input.clusterNames),
    tooltip: tooltipPart(theme, 'item'),
    grid: { left: 64, right: 56, top: 72, bottom: 80, containLabel: false },
    xAxis: valueAxisPart(theme, input.axisNames[0], { nameGap: 28 }),
    yAxis: valueAxisPart(theme, input.axisNames[1], { nameGap: 44 }),
    dataZoom: [
      { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
      { type: 'inside', yAxisIndex: 0, filterMode: 'none' },
      { type: 'slider', xAxisIndex: 0, filterMode: 'none', bottom: 8, height: 18, ...sliderColors(theme) },
      { type: 'slider', yAxisIndex: 0, filterMode: 'none', right: 8, width: 18, ...sliderColors(theme) },
    ],
    series: [...pointSeries, ...ellipseSeries, ...centroidSeries],
  };
  if (shade) {
    // Opacity from each point's certainty (third value); colour stays the cluster's.
    option.visualMap = {
      type: 'continuous',
      show: false,
      dimension: 2,
      seriesIndex: pointSeries.map((_, k) => k),
      min: K > 0 ? 1 / K : 0,
      max: 1,
      inRange: { opacity: [0.12, 0.9] },
    };
  }
  return option;
}

function sliderColors(theme: ChartTheme) {
  return {
    borderColor: theme.axisLine,
    textStyle: { color: theme.subtleText },
    fillerColor: theme.name === 'dark' ? 'rgba(123,145,255,0.18)' : 'rgba(61,90,254,0.12)',
    dataBackground: { lineStyle: { color: theme.muted }, areaStyle: { color: theme.splitLine } },
    handleStyle: { color: theme.background, borderColor: theme.muted },
    moveHandleStyle: { color: theme.muted },
  };
}
