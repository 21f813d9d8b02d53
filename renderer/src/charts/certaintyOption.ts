/**
 * Histogram of each row's largest posterior probability (its classification certainty), with a
 * threshold line (0.9 by default) and the count of rows below it in the subtitle. Bins are 0.02
 * wide on fixed edges i/50, and the bin holding a threshold between edges (0.95, say) is cut in two
 * there (shared/stats/splitBins.ts), so bars left of the line are exactly the uncertain rows (drawn
 * in the warning colour). Certainty is at least 1/K, so the axis starts at the bin holding 1/K.
 *
 * Series: 0 uncertain bins (< threshold), 1 certain bins; the threshold is a markLine on series 0.
 */
import { countUncertain } from '../../../shared/stats/certainty';
import { countInBins, edgesSplitAt } from '../../../shared/stats/splitBins';
import type { ECOption } from './echartsSetup';
import type { ChartTheme } from './theme';
import { binBarsSeries } from './binBars';
import { formatNumber, titlePart, tooltipPart, valueAxisPart } from './chartParts';

export const DEFAULT_CERTAINTY_THRESHOLD = 0.9;
const BINS_PER_UNIT = 50;

export interface CertaintyText {
  title: string;
  /** x axis, e.g. "Largest posterior probability". */
  certainty: string;
  /** y axis, e.g. "Rows". */
  rows: string;
  /** Subtitle, e.g. "312 of 5,000 rows below 0.9". */
  uncertain: (count: number, total: number, threshold: number) => string;
  uncertainBins: string;
  certainBins: string;
}

export interface CertaintyInput {
  /** n values in [1/K, 1] (shared/stats/certainty.ts maxPosterior). */
  certainty: ArrayLike<number>;
  nComponents: number;
  threshold?: number;
  text: CertaintyText;
}

/**
 * Counts on edges i/50 from the bin holding 1/K up to 1 (1 itself goes in the last bin), with the
 * bin holding `threshold` split at it when given.
 */
export function certaintyBins(
  certainty: ArrayLike<number>,
  nComponents: number,
  threshold?: number,
): { edges: number[]; counts: number[] } {
  const first = Math.min(Math.floor(BINS_PER_UNIT / Math.max(nComponents, 1)), BINS_PER_UNIT - 1);
  const nBins = BINS_PER_UNIT - first;
  const even = Array.from({ length: nBins + 1 }, (_, i) => (first + i) / BINS_PER_UNIT);
  const edges = threshold === undefined ? even : edgesSplitAt(even, threshold);
  return { edges, counts: countInBins(certainty, edges) };
}

export function buildCertaintyOption(input: CertaintyInput, theme: ChartTheme): ECOption {
  const threshold = input.threshold ?? DEFAULT_CERTAINTY_THRESHOLD;
  const { edges, counts } = certaintyBins(input.certainty, input.nComponents, threshold);
  const below = counts.map((c, i) => (edges[i] < threshold ? c : 0));
  const above = counts.map((c, i) => (edges[i] < threshold ? 0 : c));
  const n = input.certainty.length;
  const tip = (from: number, to: number, count: number) =>
    `${formatNumber(from)} – ${formatNumber(to)}<br/>${input.text.rows}: ${count.toLocaleString()}`;
  const uncertain = binBarsSeries(edges, below, {
    name: input.text.uncertainBins,
    fill: theme.danger,
    stroke: theme.background,
    opacity: 0.75,
    tooltip: tip,
  });
  uncertain.markLine = {
    silent: true,
    symbol: 'none',
    lineStyle: { color: theme.text, type: 'dashed', width: 1.5 },
    label: { formatter: formatNumber(threshold), color: theme.text },
    data: [{ xAxis: threshold }],
  };
  const certain = binBarsSeries(edges, above, {
    name: input.text.certainBins,
    fill: theme.accent,
    stroke: theme.background,
    opacity: 0.75,
    tooltip: tip,
  });
  return {
    backgroundColor: theme.background,
    animation: false,
    title: titlePart(
      theme,
      input.text.title,
      input.text.uncertain(countUncertain(input.certainty, threshold), n, threshold),
    ),
    tooltip: tooltipPart(theme, 'item'),
    grid: { left: 64, right: 24, top: 72, bottom: 48 },
    xAxis: {
      ...valueAxisPart(theme, input.text.certainty, { nameGap: 28, scale: false }),
      min: Math.floor(edges[0] * 10) / 10,
      max: 1,
    },
    yAxis: { ...valueAxisPart(theme, input.text.rows, { nameGap: 48, scale: false }), minInterval: 1 },
    series: [uncertain, certain],
  };
}
