/**
 * Per-cluster responsibility histograms, one panel per cluster: for each row its posterior
 * probability of belonging to cluster k, p_ik. This is the fourth of the classic diagnostic plots
 * (flexmix's rootogram of posteriors, Leisch 2004): a well separated cluster shows a pile near 1
 * (its own rows) and nothing in the middle; rows in the middle are shared between clusters.
 * Probabilities below `eps` (1e-4, flexmix's default) are left out — every row of every other
 * cluster would otherwise make one tall bar at 0 that flattens the rest.
 *
 * Bins are 0.05 wide with the bin holding the threshold cut there (shared/stats/splitBins.ts), so a
 * bar is wholly below (pale) or wholly at/above (full colour) the threshold.
 *
 * Series: per cluster k, series 2k (below the threshold) and 2k + 1 (at or above), on grid k.
 */
import { countInBins, edgesSplitAt } from '../../../shared/stats/splitBins';
import type { ECOption } from './echartsSetup';
import type { ChartTheme } from './theme';
import { binBarsSeries } from './binBars';
import { clusterColor } from './palette';
import { escapeHtml, formatNumber, titlePart, tooltipPart, valueAxisPart } from './chartParts';
import { panelBoxes } from './panelGrid';

export const RESPONSIBILITY_EPS = 1e-4;
const BIN_WIDTH = 0.05;

export interface ResponsibilityText {
  title: string;
  /** Subtitle, e.g. "Probabilities below 0.0001 left out". */
  note: string;
  probability: string;
  rows: string;
}

export interface ResponsibilityInput {
  /** n × K responsibilities, row-major (predict_proba). */
  resp: Float64Array;
  nComponents: number;
  threshold: number;
  clusterNames: string[];
  text: ResponsibilityText;
  eps?: number;
}

/** Per cluster, counts of p_ik ≥ eps on the split edges. */
export function responsibilityBins(
  resp: Float64Array,
  K: number,
  threshold: number,
  eps = RESPONSIBILITY_EPS,
): { edges: number[]; counts: number[][] } {
  const even = Array.from({ length: Math.round(1 / BIN_WIDTH) + 1 }, (_, i) => i * BIN_WIDTH);
  const edges = edgesSplitAt(even, threshold);
  const n = resp.length / K;
  const counts: number[][] = [];
  const column = new Float64Array(n);
  for (let k = 0; k < K; k++) {
    let m = 0;
    for (let i = 0; i < n; i++) {
      const p = resp[i * K + k];
      if (p >= eps) column[m++] = p;
    }
    counts.push(countInBins(column.subarray(0, m), edges));
  }
  return { edges, counts };
}

export function buildResponsibilityOption(input: ResponsibilityInput, theme: ChartTheme): ECOption {
  const K = input.nComponents;
  const { edges, counts } = responsibilityBins(input.resp, K, input.threshold, input.eps);
  const boxes = panelBoxes(K, { topPercent: K > 3 ? 16 : 20, bottomPercent: 10 });
  const tip = (name: string) => (from: number, to: number, count: number) =>
    `${escapeHtml(name)}<br/>${formatNumber(from)} – ${formatNumber(to)}<br/>${escapeHtml(input.text.rows)}: ${count.toLocaleString()}`;
  const series = counts.flatMap((c, k) => {
    const name = input.clusterNames[k];
    const below = c.map((v, i) => (edges[i] < input.threshold ? v : 0));
    const above = c.map((v, i) => (edges[i] < input.threshold ? 0 : v));
    const style = { name, fill: clusterColor(k), stroke: theme.background, tooltip: tip(name) };
    return [
      { ...binBarsSeries(edges, below, { ...style, opacity: 0.35 }), xAxisIndex: k, yAxisIndex: k },
      { ...binBarsSeries(edges, above, { ...style, opacity: 0.9 }), xAxisIndex: k, yAxisIndex: k },
    ];
  });
  return {
    backgroundColor: theme.background,
    animation: false,
    title: [
      titlePart(theme, input.text.title, input.text.note),
      ...boxes.map((b, k) => ({
        text: input.clusterNames[k],
        left: `${b.centerPercent}%`,
        textAlign: 'center' as const,
        top: `${Math.max(0, b.topPercent - 6)}%`,
        textStyle: { color: clusterColor(k), fontSize: 12, fontWeight: 600 as const },
      })),
    ],
    tooltip: tooltipPart(theme, 'item'),
    grid: boxes.map((b) => ({ left: b.left, top: b.top, width: b.width, height: b.height })),
    xAxis: boxes.map((_, k) => ({
      ...valueAxisPart(theme, boxes[k].bottomRow ? input.text.probability : '', {
        nameGap: 24,
        scale: false,
      }),
      gridIndex: k,
      min: 0,
      max: 1,
      interval: 0.5,
      splitLine: { show: false },
    })),
    yAxis: boxes.map((_, k) => ({
      ...valueAxisPart(theme, '', { scale: false }),
      gridIndex: k,
      minInterval: 1,
      splitNumber: 3,
    })),
    series,
  };
}
