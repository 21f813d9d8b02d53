/**
 * Density contours of the fitted mixture on the 2-D scatter: the mixture's exact density on the
 * plane (shared/stats/density2d.ts) on a grid over the plotted range, traced at levels evenly
 * spaced in log density (marching squares, shared/stats/contours.ts), drawn as one custom series of
 * line segments under the points' ellipses. Darker lines are higher density.
 */
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams } from 'echarts';
import type { CustomSeriesOption } from 'echarts/charts';
import { contourSegments } from '../../../shared/stats/contours';
import {
  densityLevels,
  linspace,
  mixtureDensityGrid,
  type PlaneComponent,
} from '../../../shared/stats/density2d';
import type { ChartTheme } from './theme';

export const CONTOUR_GRID = 90;

/** [lo, hi] of the finite values, widened by `pad` of the span on each side. */
export function paddedRange(values: ArrayLike<number>, pad = 0.05): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi >= lo)) return [0, 1];
  const span = hi > lo ? hi - lo : Math.abs(lo) || 1;
  return [lo - pad * span, hi + pad * span];
}

/** Segments [x0, y0, x1, y1, level index] of every contour level. */
export function contourRows(
  components: readonly PlaneComponent[],
  xRange: [number, number],
  yRange: [number, number],
  opts: { grid?: number; levels?: number } = {},
): { rows: number[][]; levels: number[] } {
  const m = opts.grid ?? CONTOUR_GRID;
  const xs = linspace(xRange[0], xRange[1], m);
  const ys = linspace(yRange[0], yRange[1], m);
  const g = mixtureDensityGrid(components, xs, ys);
  const levels = densityLevels(g.values, opts.levels ?? 6);
  const rows: number[][] = [];
  levels.forEach((level, li) => {
    for (const s of contourSegments(xs, ys, g.values, level)) rows.push([...s, li]);
  });
  return { rows, levels };
}

export function buildContourSeries(
  name: string,
  rows: number[][],
  levelCount: number,
  theme: ChartTheme,
): CustomSeriesOption {
  const color = theme.name === 'dark' ? '220,226,235' : '40,46,56';
  return {
    type: 'custom',
    name,
    data: rows,
    encode: { x: [0, 2], y: [1, 3] },
    silent: true,
    animation: false,
    clip: true,
    z: 1,
    itemStyle: { color: `rgb(${color})` },
    renderItem: (_params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI) => {
      const a = api.coord([api.value(0), api.value(1)]);
      const b = api.coord([api.value(2), api.value(3)]);
      const level = Number(api.value(4));
      const alpha = 0.25 + (0.6 * (level + 1)) / Math.max(levelCount, 1);
      return {
        type: 'line',
        shape: { x1: a[0], y1: a[1], x2: b[0], y2: b[1] },
        style: { stroke: `rgba(${color},${alpha.toFixed(2)})`, lineWidth: 1 },
      };
    },
    tooltip: { show: false },
  };
}
