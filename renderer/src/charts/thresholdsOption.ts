/**
 * The histogram with the fitted mixture (histogramOption.ts) plus the decision thresholds
 * (shared/stats/decisionThresholds.ts) as dashed vertical lines, each labelled with its value: on a
 * grey image's histogram, the grey levels where the most probable component changes.
 */
import type { DecisionThreshold } from '../../../shared/stats/decisionThresholds';
import type { ECOption } from './echartsSetup';
import { buildHistogramOption, type HistogramInput } from './histogramOption';
import { formatNumber } from './chartParts';
import type { ChartTheme } from './theme';

export interface ThresholdsInput extends HistogramInput {
  thresholds: readonly DecisionThreshold[];
}

export function buildThresholdsOption(input: ThresholdsInput, theme: ChartTheme): ECOption {
  const option = buildHistogramOption(input, theme);
  const series = option.series as { markLine?: unknown }[];
  // The mixture curve (series 1) carries the lines, so they come and go with the fitted model.
  if (series.length > 1 && input.thresholds.length > 0)
    series[1].markLine = {
      silent: true,
      symbol: 'none',
      animation: false,
      lineStyle: { color: theme.text, type: 'dashed', width: 1.5 },
      label: { color: theme.text, formatter: (p: { value: number }) => formatNumber(p.value) },
      data: input.thresholds.map((t) => ({ xAxis: t.x })),
    };
  return option;
}
