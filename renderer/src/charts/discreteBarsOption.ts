/**
 * Bars of a discrete column (shared/stats/discreteBars.ts): the observed count of each level or
 * value as grey bars, the mixture's expected count and each class's expected count n·π_k·f_k(x)
 * drawn over them — the histogram view's bars and curves for categories, counts and successes.
 * Counts and successes are ordered, so their expected counts are joined by lines; a category's
 * levels have no order, so theirs are marks only.
 *
 * Series: 0 bars, 1 mixture, 2 … K+1 class k.
 */
import type { DiscreteBars } from '../../../shared/stats/discreteBars';
import type { ECOption } from './echartsSetup';
import type { ChartTheme } from './theme';
import { clusterColor, clusterSymbol } from './palette';
import {
  FONT_FAMILY,
  escapeHtml,
  formatNumber,
  legendPart,
  titlePart,
  tooltipPart,
  valueAxisPart,
} from './chartParts';

export interface DiscreteBarsText {
  title: string;
  /** y axis name, e.g. "Rows". */
  count: string;
  /** Legend name of the bars, e.g. "Observed". */
  observed: string;
  /** Legend name of the mixture's expected counts, e.g. "Mixture (expected)". */
  mixture: string;
}

export interface DiscreteBarsInput {
  bars: DiscreteBars;
  /** Counts and successes (joined by lines) or categories (marks only). */
  ordered: boolean;
  /** K legend names. */
  clusterNames: string[];
  /** x axis name: the column's name. */
  axisName: string;
  text: DiscreteBarsText;
}

export function buildDiscreteBarsOption(input: DiscreteBarsInput, theme: ChartTheme): ECOption {
  const { bars, ordered } = input;
  const curve = (name: string, data: number[], color: string, symbol: string, z: number, width: number) =>
    ordered
      ? {
          type: 'line' as const,
          name,
          data,
          symbol,
          symbolSize: 7,
          showSymbol: bars.labels.length <= 60,
          animation: false,
          lineStyle: { color, width },
          itemStyle: { color },
          z,
        }
      : {
          type: 'scatter' as const,
          name,
          data,
          symbol,
          symbolSize: 11,
          animation: false,
          itemStyle: { color, borderColor: theme.background, borderWidth: 1 },
          z,
        };
  return {
    backgroundColor: theme.background,
    animation: false,
    title: titlePart(theme, input.text.title),
    legend: legendPart(theme, [input.text.observed, input.text.mixture, ...input.clusterNames]),
    tooltip: {
      ...tooltipPart(theme, 'axis'),
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => discreteBarsTooltip(params as BarsTooltipItem[], input),
    },
    grid: { left: 64, right: 24, top: 64, bottom: 56 },
    xAxis: {
      type: 'category',
      data: bars.labels,
      name: input.axisName,
      nameLocation: 'middle',
      nameGap: 32,
      nameTextStyle: { color: theme.text, fontSize: 12, fontFamily: FONT_FAMILY },
      axisLine: { show: true, lineStyle: { color: theme.axisLine } },
      axisTick: { show: true, alignWithLabel: true, lineStyle: { color: theme.axisLine } },
      axisLabel: { color: theme.subtleText, fontFamily: FONT_FAMILY, hideOverlap: true },
    },
    yAxis: valueAxisPart(theme, input.text.count, { nameGap: 48, scale: false }),
    series: [
      {
        type: 'bar',
        name: input.text.observed,
        data: bars.observed,
        barCategoryGap: ordered ? '12%' : '35%',
        animation: false,
        itemStyle: {
          color: theme.name === 'dark' ? 'rgba(163,171,182,0.28)' : 'rgba(84,93,105,0.22)',
          borderColor: theme.name === 'dark' ? 'rgba(163,171,182,0.55)' : 'rgba(84,93,105,0.45)',
          borderWidth: 1,
        },
        z: 1,
      },
      curve(input.text.mixture, bars.total, theme.text, 'rect', 3, 2.5),
      ...bars.expected.map((row, k) =>
        curve(input.clusterNames[k], row, clusterColor(k), clusterSymbol(k), 4, 1.75),
      ),
    ],
  };
}

/** One series' entry in an axis tooltip (the fields ECharts passes that are read here). */
export interface BarsTooltipItem {
  seriesIndex: number;
  seriesName: string;
  dataIndex: number;
  marker?: string;
  value: unknown;
}

/**
 * The tooltip of one level or value: its name, the rows observed there and each expected count,
 * to 4 significant digits, one per line.
 */
export function discreteBarsTooltip(items: readonly BarsTooltipItem[], input: DiscreteBarsInput): string {
  if (items.length === 0) return '';
  const label = input.bars.labels[items[0].dataIndex] ?? '';
  const lines = [`<b>${escapeHtml(input.axisName)} = ${escapeHtml(label)}</b>`];
  for (const item of items) {
    lines.push(`${item.marker ?? ''}${escapeHtml(item.seriesName)}: ${formatNumber(item.value as number)}`);
  }
  return lines.join('<br/>');
}
