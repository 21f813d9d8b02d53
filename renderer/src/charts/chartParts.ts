/**
 * Pieces every option builder shares — title with a note line, themed axes, tooltip and legend —
 * so all views look alike and take every colour from the ChartTheme.
 */
import type { ChartTheme } from './theme';

export const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'Helvetica Neue', Arial, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

/** Title at the top left; `subtext` is the line for notes (sample size, uncertain rows, sign). */
export function titlePart(theme: ChartTheme, text: string, subtext?: string) {
  return {
    text,
    subtext: subtext ?? '',
    left: 12,
    top: 8,
    textStyle: { color: theme.text, fontSize: 14, fontWeight: 600 as const, fontFamily: FONT_FAMILY },
    subtextStyle: { color: theme.subtleText, fontSize: 12, fontFamily: FONT_FAMILY },
  };
}

/** A value axis with its name in the middle, in the theme's colours. */
export function valueAxisPart(
  theme: ChartTheme,
  name: string,
  opts: { nameGap?: number; scale?: boolean } = {},
) {
  return {
    type: 'value' as const,
    name,
    nameLocation: 'middle' as const,
    nameGap: opts.nameGap ?? 30,
    scale: opts.scale ?? true,
    nameTextStyle: { color: theme.text, fontSize: 12, fontFamily: FONT_FAMILY },
    axisLine: { show: true, lineStyle: { color: theme.axisLine } },
    axisTick: { show: true, lineStyle: { color: theme.axisLine } },
    axisLabel: { color: theme.subtleText, fontFamily: FONT_FAMILY, hideOverlap: true },
    splitLine: { show: true, lineStyle: { color: theme.splitLine } },
  };
}

export function tooltipPart(theme: ChartTheme, trigger: 'item' | 'axis' = 'item') {
  return {
    trigger,
    confine: true,
    backgroundColor: theme.tooltipBackground,
    borderColor: theme.tooltipBorder,
    textStyle: { color: theme.text, fontSize: 12, fontFamily: FONT_FAMILY },
  };
}

/** A scrolling legend on the top right, for up to 30 clusters. */
export function legendPart(theme: ChartTheme, names: string[]) {
  return {
    type: 'scroll' as const,
    data: names,
    top: 10,
    right: 12,
    width: '68%',
    textStyle: { color: theme.text, fontFamily: FONT_FAMILY },
    pageTextStyle: { color: theme.subtleText },
    pageIconColor: theme.text,
    pageIconInactiveColor: theme.muted,
    inactiveColor: theme.muted,
  };
}

/** Short number for tooltips: 4 significant digits, no trailing zeros. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e6 || a < 1e-3)) return v.toExponential(3);
  return String(Number(v.toPrecision(4)));
}

/** Escapes text placed in an HTML tooltip (column and cluster names come from the user's file). */
export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
