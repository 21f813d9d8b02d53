/**
 * Scatter of two columns before any fit: the data as it is, one colour, no clusters — the first of
 * the classic plots (look before you model). Above `maxPoints` rows an evenly strided subset is
 * drawn (every ⌈n / maxPoints⌉-th row, deterministic) and the subtitle says so.
 */
import type { ECOption } from './echartsSetup';
import type { ChartTheme } from './theme';
import { escapeHtml, formatNumber, titlePart, tooltipPart, valueAxisPart } from './chartParts';

/**
 * A glance at the data's shape needs no more: 20 000 points show every structure a scatter can.
 */
export const RAW_SCATTER_MAX_POINTS = 20_000;
/**
 * Above this many points the series is drawn in ECharts' large mode (one batched path): point by
 * point, 20 000 symbols take over 100 ms per repaint, a frame the page cannot spare while a fit's
 * progress updates the layout around the chart.
 */
export const RAW_SCATTER_LARGE = 2_000;

export interface RawScatterInput {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  axisNames: [string, string];
  text: { title: string; sampleNote: (shown: number, total: number) => string };
  maxPoints?: number;
}

export function buildRawScatterOption(input: RawScatterInput, theme: ChartTheme): ECOption {
  const n = input.x.length;
  const max = input.maxPoints ?? RAW_SCATTER_MAX_POINTS;
  const step = Math.max(1, Math.ceil(n / max));
  const data: number[][] = [];
  for (let i = 0; i < n; i += step) {
    const x = input.x[i];
    const y = input.y[i];
    if (Number.isFinite(x) && Number.isFinite(y)) data.push([x, y]);
  }
  const [xName, yName] = input.axisNames.map(escapeHtml);
  return {
    backgroundColor: theme.background,
    animation: false,
    title: titlePart(theme, input.text.title, step > 1 ? input.text.sampleNote(data.length, n) : ''),
    tooltip: tooltipPart(theme, 'item'),
    grid: { left: 64, right: 32, top: 64, bottom: 56 },
    xAxis: valueAxisPart(theme, input.axisNames[0], { nameGap: 28 }),
    yAxis: valueAxisPart(theme, input.axisNames[1], { nameGap: 44 }),
    series: [
      {
        type: 'scatter',
        data,
        symbolSize: data.length > 5000 ? 3 : 6,
        large: data.length > RAW_SCATTER_LARGE,
        largeThreshold: RAW_SCATTER_LARGE,
        itemStyle: { color: theme.accent, opacity: 0.6 },
        animation: false,
        tooltip: {
          formatter: (p: { value?: unknown }) => {
            const v = p.value as number[];
            return `${xName}: ${formatNumber(v[0])}<br/>${yName}: ${formatNumber(v[1])}`;
          },
        },
      },
    ],
  };
}
