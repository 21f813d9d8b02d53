/**
 * Histogram bars as an ECharts custom series: each bar is a rectangle from edges[i] to
 * edges[i+1] on a value axis, so bars of any width line up exactly with density curves drawn on
 * the same axis (a category bar chart could not share the axis with a line).
 */
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams } from 'echarts';
import type { CustomSeriesOption } from 'echarts/charts';

export interface BinBarsStyle {
  name: string;
  fill: string;
  stroke: string;
  opacity?: number;
  /** Tooltip text for one bar. */
  tooltip?: (from: number, to: number, height: number) => string;
}

/** Data rows [from, to, height] for each bin. */
export function binRows(edges: ArrayLike<number>, heights: ArrayLike<number>): [number, number, number][] {
  return Array.from(heights, (h, i) => [edges[i], edges[i + 1], h] as [number, number, number]);
}

export function binBarsSeries(
  edges: ArrayLike<number>,
  heights: ArrayLike<number>,
  style: BinBarsStyle,
): CustomSeriesOption {
  return {
    type: 'custom',
    name: style.name,
    data: binRows(edges, heights),
    encode: { x: [0, 1], y: 2 },
    animation: false,
    z: 1,
    // The legend takes its swatch from itemStyle; renderItem draws the bars themselves.
    itemStyle: { color: style.fill, borderColor: style.stroke },
    renderItem: (_params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI) => {
      const top = api.coord([api.value(0), api.value(2)]);
      const bottom = api.coord([api.value(1), 0]);
      return {
        type: 'rect',
        shape: { x: top[0], y: top[1], width: bottom[0] - top[0], height: bottom[1] - top[1] },
        style: { fill: style.fill, stroke: style.stroke, lineWidth: 1, opacity: style.opacity ?? 1 },
      };
    },
    tooltip: style.tooltip
      ? { formatter: (p: { value?: unknown }) => style.tooltip!(...(p.value as [number, number, number])) }
      : { show: false },
  };
}
