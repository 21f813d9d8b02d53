/**
 * Keeps a chart's top-right scrolling legend clear of its top-left title. The shared legend part
 * (chartParts.legendPart) spans 68 % of the width from the right, which at a narrow window or with
 * a long title ("Distribution of Annual Income (k$)" at 900 × 600) runs over the title. The option
 * builders do not know the chart's size, so the host narrows the legend to the room actually left
 * beside the title once the size is known, and again on every resize; ECharts' scroll legend then
 * pages within that room.
 */
import { FONT_FAMILY } from './chartParts';

/** Room kept between the end of the title and the legend's first item, in px. */
export const TITLE_GAP = 24;
/** Legend narrower than this pages uselessly: below it the title is simply left as it is. */
const MIN_LEGEND = 80;
/** The title's font, as chartParts.titlePart sets it. */
export const TITLE_FONT = `600 14px ${FONT_FAMILY}`;

type Box = { left?: unknown; right?: unknown; width?: unknown };

function px(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function percent(value: unknown, of: number): number | null {
  const m = typeof value === 'string' ? /^(\d+(?:\.\d+)?)%$/.exec(value) : null;
  return m ? (Number(m[1]) / 100) * of : null;
}

/**
 * The legend width to use at `chartWidth` so the legend ends before the title, or null to leave the
 * option as built: no title or legend, a legend not anchored top-right by `right` + `width` (e.g.
 * the model-selection chart's side legend), or already clear of the title.
 */
export function legendWidthBesideTitle(
  option: { title?: unknown; legend?: unknown },
  chartWidth: number,
  measure: (text: string, font: string) => number,
): number | null {
  const title = option.title as (Box & { text?: unknown }) | undefined;
  const legend = option.legend as (Box & { orient?: unknown; type?: unknown }) | undefined;
  if (!title || Array.isArray(title) || !legend || Array.isArray(legend)) return null;
  if (typeof title.text !== 'string' || title.text === '' || legend.orient === 'vertical') return null;
  const right = px(legend.right);
  const width = px(legend.width) ?? percent(legend.width, chartWidth);
  if (right === null || width === null || legend.left !== undefined) return null;
  const titleEnd = (px(title.left) ?? 0) + measure(title.text, TITLE_FONT);
  const room = chartWidth - right - titleEnd - TITLE_GAP;
  if (width <= room || room < MIN_LEGEND) return null;
  return Math.floor(room);
}
