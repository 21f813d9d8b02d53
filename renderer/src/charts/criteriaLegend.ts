/**
 * The model-selection chart's legend. A few lines (scikit-learn's four) fit on one row at the top
 * right, beside the title. mclust's fourteen do not: a row at the top paged them (two pages at
 * 1360 px) and a wrapped block would push the plot down. So past SIDE_LEGEND_FROM names the legend
 * stands at the right of the plot in two columns, filled down the first column and then the second
 * in mclust's model order — the layout of mclust's own BIC plot (`legend(ncol = 2)`) — and the plot
 * gives up that width instead of height, which the short windows lack.
 */
import type { ChartTheme } from './theme';
import { FONT_FAMILY, legendPart } from './chartParts';

/** From this many names the legend stands at the side in two columns. */
export const SIDE_LEGEND_FROM = 5;
/** Legend symbol width and the gap to its text (ECharts' defaults). */
const ITEM_WIDTH = 25;
const ITEM_TEXT_GAP = 5;
const COLUMN_GAP = 14;
/** Space between the plot's right edge and the legend: room for an edge marker or pin. */
const PLOT_GAP = 24;
const EDGE = 12;
/** One row: a 14 px symbol and the gap under it, so seven rows take 140 px. */
export const LEGEND_ROW = 20;

/**
 * Rough width of a name at the legend's 12 px font: Latin capitals about 8 px, other Latin 7 px,
 * wide (CJK) characters 12 px. Only used to leave the plot enough room; a name a little wider
 * than its estimate still fits in the margin.
 */
export function legendTextWidth(name: string): number {
  let w = 0;
  for (const ch of name) w += /[\u2E80-\uFFFF]/.test(ch) ? 12 : /[A-Z]/.test(ch) ? 8 : 7;
  return w;
}

export interface CriteriaLegend {
  /** The ECharts legend component(s). */
  legend: object | object[];
  /** The grid's right margin that keeps the plot clear of the legend. */
  gridRight: number;
  /** Columns: 1 on top, 2 at the side. */
  columns: number;
  /** Rows of the tallest column (1 for the top row). */
  rows: number;
}

/**
 * The legend for `names` (in drawing order); `top` is the plot's top edge, where a side legend
 * starts.
 */
export function criteriaLegend(theme: ChartTheme, names: readonly string[], top: number): CriteriaLegend {
  if (names.length < SIDE_LEGEND_FROM)
    return { legend: legendPart(theme, [...names]), gridRight: PLOT_GAP, columns: 1, rows: 1 };
  const rows = Math.ceil(names.length / 2);
  const cols = [names.slice(0, rows), names.slice(rows)];
  const widths = cols.map((c) => ITEM_WIDTH + ITEM_TEXT_GAP + Math.max(...c.map((n) => legendTextWidth(n))));
  const column = (data: readonly string[], right: number) => ({
    type: 'plain' as const,
    orient: 'vertical' as const,
    data: [...data],
    top,
    right,
    itemGap: LEGEND_ROW - 14,
    itemHeight: 14,
    // Symbol first, as in the top legend (a legend on the right would otherwise put it last).
    align: 'left' as const,
    textStyle: { color: theme.text, fontFamily: FONT_FAMILY, fontSize: 12 },
    inactiveColor: theme.muted,
  });
  const rightColumn = EDGE;
  const leftColumn = EDGE + widths[1] + COLUMN_GAP;
  return {
    legend: [column(cols[0], leftColumn), column(cols[1], rightColumn)],
    gridRight: leftColumn + widths[0] + PLOT_GAP,
    columns: 2,
    rows,
  };
}
