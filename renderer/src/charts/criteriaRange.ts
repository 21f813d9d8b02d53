/**
 * The model-selection chart's axis ranges. K = 1 usually sits far from every other K (one Gaussian
 * over clustered data fits badly: BIC 1,600 beside 825–980 for K ≥ 2), and an axis stretched to
 * hold it squashes the differences the user is choosing between. So K = 1 is left off the chart
 * unless asked for (the table still lists it), and the y-range is fitted to the cells drawn, with
 * head-room on the side where the best cell is for its pin marker (46 px tall, drawn above the
 * point), so the pin never covers the title, subtitle or legend.
 */
import type { ECOption } from './echartsSetup';
import type { CriteriaCell, Criterion } from './criteriaOption';

export interface CriteriaRange {
  /** y-axis range in the chart's sign (−criterion when higher is better). */
  min: number;
  max: number;
  /** First K on the x axis (2 when K = 1 is left off). */
  kMin: number;
  /** K = 1 cells exist and are not drawn. */
  leftOutK1: boolean;
}

const drawable = (c: CriteriaCell, criterion: Criterion): number | null => {
  const v = c[criterion];
  return (c.status === 'ok' || c.status === 'degenerate') &&
    v !== null &&
    v !== undefined &&
    Number.isFinite(v)
    ? v
    : null;
};

/** Range of the drawable cells, K = 1 left out unless `includeK1` (or nothing else is drawable). */
export function criteriaRange(
  cells: readonly CriteriaCell[],
  criterion: Criterion,
  opts: { higherIsBetter?: boolean; includeK1?: boolean } = {},
): CriteriaRange | null {
  const sign = opts.higherIsBetter ? -1 : 1;
  const all = cells.filter((c) => drawable(c, criterion) !== null);
  if (all.length === 0) return null;
  const rest = all.filter((c) => c.k > 1);
  const leftOutK1 = !opts.includeK1 && rest.length > 0 && rest.length < all.length;
  const shown = leftOutK1 ? rest : all;
  const ys = shown.map((c) => sign * (drawable(c, criterion) as number));
  let min = Math.min(...ys);
  let max = Math.max(...ys);
  const span = max - min || Math.abs(max) * 0.01 || 1;
  // Lower is better in scikit-learn's sign, so the best cell is at the bottom, its pin pointing
  // down onto it from above: head-room at the top only when higher is better (mclust's sign).
  min -= span * 0.08;
  max += span * (opts.higherIsBetter ? 0.3 : 0.1);
  const ks = shown.map((c) => c.k);
  return { min, max, kMin: Math.min(...ks), leftOutK1 };
}

type AxisLike = Record<string, unknown>;
type SeriesLike = { data?: unknown[] } & Record<string, unknown>;

const kOf = (item: unknown): number | null => {
  const v = Array.isArray(item) ? item : (item as { value?: unknown } | null)?.value;
  return Array.isArray(v) ? Number(v[0]) : null;
};

/**
 * The option with the range applied: y min/max, x from `kMin`, and points left of `kMin` taken out
 * of every series (the series draw unclipped so edge markers show whole; a point off the axis
 * would be drawn over the labels).
 */
export function withCriteriaRange(option: ECOption, range: CriteriaRange | null): ECOption {
  if (!range) return option;
  const min = Number(range.min.toPrecision(12));
  const max = Number(range.max.toPrecision(12));
  const series = ((option.series ?? []) as SeriesLike[]).map((s) =>
    Array.isArray(s.data) && range.leftOutK1
      ? { ...s, data: s.data.map((item) => ((kOf(item) ?? Infinity) < range.kMin ? [kOf(item), '-'] : item)) }
      : s,
  );
  return {
    ...option,
    xAxis: { ...(option.xAxis as AxisLike), min: range.kMin },
    yAxis: { ...(option.yAxis as AxisLike), min, max, scale: true },
    series,
  } as ECOption;
}
