/**
 * Small multiples: where panel i of `count` sits in a chart, as ECharts grid percentages, below a
 * title band of `top` pixels. Panels fill rows left to right; the column count is chosen so panels
 * stay near square in a landscape chart (⌈√count⌉, at most `maxColumns`).
 */
export interface PanelBox {
  left: string;
  top: string;
  width: string;
  height: string;
  /** Top edge in percent, for a label placed just above the panel. */
  topPercent: number;
  /** Horizontal centre in percent, for that label. */
  centerPercent: number;
  /** The panel is in the bottom row (where the shared x-axis name goes). */
  bottomRow: boolean;
}

export function panelColumns(count: number, maxColumns = 5): number {
  return Math.max(1, Math.min(maxColumns, count <= 3 ? count : Math.ceil(Math.sqrt(count))));
}

/** Grid boxes in percent of the chart, with `gap` percent between panels. */
export function panelBoxes(
  count: number,
  opts: { columns?: number; topPercent?: number; bottomPercent?: number; gapX?: number; gapY?: number } = {},
): PanelBox[] {
  const columns = opts.columns ?? panelColumns(count);
  const rows = Math.ceil(count / columns);
  const top = opts.topPercent ?? 14;
  const bottom = opts.bottomPercent ?? 8;
  const left = 7;
  const right = 3;
  const gapX = opts.gapX ?? 5;
  const gapY = opts.gapY ?? 11;
  const width = (100 - left - right - gapX * (columns - 1)) / columns;
  const height = (100 - top - bottom - gapY * (rows - 1)) / rows;
  const pct = (v: number) => `${Math.round(v * 100) / 100}%`;
  return Array.from({ length: count }, (_, i) => {
    const r = Math.floor(i / columns);
    const c = i % columns;
    return {
      left: pct(left + c * (width + gapX)),
      top: pct(top + r * (height + gapY)),
      width: pct(width),
      height: pct(height),
      topPercent: top + r * (height + gapY),
      centerPercent: left + c * (width + gapX) + width / 2,
      bottomRow: r === rows - 1 || i + columns >= count,
    };
  });
}
