/**
 * Log-likelihood trace of a fit: the mean log-likelihood lower bound per iteration, one line per
 * restart (FitResult.traces), the kept restart (bestRestart) drawn thick in the accent colour on
 * top, the others thin and muted. The values are plotted as given: EM's bound never decreases,
 * and a dip on the chart would show a real problem rather than be smoothed away.
 */
import type { ECOption } from './echartsSetup';
import type { ChartTheme } from './theme';
import { formatNumber, legendPart, titlePart, tooltipPart, valueAxisPart } from './chartParts';

export interface TraceText {
  title: string;
  iteration: string;
  /** y axis name, e.g. "Mean log-likelihood (lower bound)". */
  lowerBound: string;
  /** Legend name of restart r (0-based), e.g. r => `Restart ${r + 1}`. */
  restart: (r: number) => string;
  /** Suffix for the kept restart, e.g. "(kept)". */
  kept: string;
}

export interface TraceInput {
  traces: ArrayLike<number>[];
  bestRestart: number;
  text: TraceText;
}

export function buildTraceOption(input: TraceInput, theme: ChartTheme): ECOption {
  const names = input.traces.map((_, r) =>
    r === input.bestRestart ? `${input.text.restart(r)} ${input.text.kept}` : input.text.restart(r),
  );
  const series = input.traces.map((t, r) => {
    const kept = r === input.bestRestart;
    return {
      type: 'line' as const,
      name: names[r],
      data: Array.from(t, (v, i) => [i + 1, v] as [number, number]),
      showSymbol: t.length <= 30,
      symbolSize: kept ? 6 : 4,
      animation: false,
      lineStyle: {
        color: kept ? theme.accent : theme.muted,
        width: kept ? 3 : 1.25,
        opacity: kept ? 1 : 0.7,
      },
      itemStyle: { color: kept ? theme.accent : theme.muted },
      z: kept ? 5 : 2,
      emphasis: { focus: 'series' as const },
    };
  });
  // Kept restart first in the legend, so it is visible even when many restarts scroll away.
  const legendNames = [names[input.bestRestart], ...names.filter((_, r) => r !== input.bestRestart)].filter(
    (s) => s !== undefined,
  );
  return {
    backgroundColor: theme.background,
    animation: false,
    title: titlePart(theme, input.text.title),
    legend: legendPart(theme, legendNames),
    tooltip: {
      ...tooltipPart(theme, 'item'),
      formatter: (p: unknown) => {
        const { seriesName, value } = p as { seriesName: string; value: [number, number] };
        return `${seriesName}<br/>${input.text.iteration} ${value[0]}: ${formatNumber(value[1])}`;
      },
    },
    grid: { left: 72, right: 24, top: 64, bottom: 48 },
    xAxis: {
      ...valueAxisPart(theme, input.text.iteration, { nameGap: 28, scale: false }),
      min: 1,
      minInterval: 1,
    },
    yAxis: valueAxisPart(theme, input.text.lowerBound, { nameGap: 56 }),
    series,
  };
}
