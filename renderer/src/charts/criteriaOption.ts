/**
 * Model-selection chart: a criterion (BIC, AIC, ICL or sample-size-adjusted BIC) against
 * K, one line per covariance type, the best cell marked with a pin.
 *
 * How cells are drawn, by status:
 *   ok          on the solid line, filled marker
 *   degenerate  hollow marker joined to its neighbours by a dashed line (the solid line has a gap
 *               there): its likelihood is an artefact of reg_covar, it is shown but never looks like
 *               an ordinary point, and it is not chosen as best
 *   singular,   no point (there is no value), a gap in the line, and listed by name in the subtitle
 *   failed      so the user sees the cell was tried
 *
 * Sign: values are scikit-learn's (lower is better). With `higherIsBetter` the chart shows mclust's
 * convention, −criterion, and the subtitle says so.
 *
 * Series: for each covariance type present (in COVARIANCE_MODEL_NAMES order) a solid series then a dashed
 * one with the same name, so the legend toggles both.
 */
import type { CovarianceType, SklearnCovarianceType } from '../../../shared/engine/model/types';
import { COVARIANCE_LAYOUT, COVARIANCE_MODEL_NAMES } from '../../../shared/engine/model/types';
import type { ECOption } from './echartsSetup';
import type { ChartTheme } from './theme';
import { clusterColor } from './palette';
import { escapeHtml, formatNumber, legendPart, titlePart, tooltipPart, valueAxisPart } from './chartParts';
import { formatAxisNumber } from './axisNumber';

export type Criterion = 'bic' | 'aic' | 'icl' | 'sabic';
export type CellStatus = 'ok' | 'degenerate' | 'singular' | 'failed';

/** The fields of a sweep cell (shared/engine sweep types) the chart reads. */
export interface CriteriaCell {
  k: number;
  covarianceType: CovarianceType;
  status: CellStatus;
  message?: string | null;
  bic: number | null;
  aic: number | null;
  icl: number | null;
  sabic?: number | null;
}

export interface CriteriaText {
  title: string;
  /** x axis, e.g. "Number of components K". */
  k: string;
  /** Short name, e.g. "BIC". */
  criterionName: (c: Criterion) => string;
  /** Subtitle stating the sign convention in words. */
  signNote: (criterionName: string, higherIsBetter: boolean) => string;
  typeName: (t: CovarianceType) => string;
  /** Status words for tooltips and the not-fitted list. */
  status: (s: CellStatus) => string;
  best: string;
  /** Subtitle addition listing cells without a value, e.g. "Not fitted: full K=9 (singular)". */
  notFitted: (list: string) => string;
  /** BCP 47 locale for the y-axis labels (default en). */
  locale?: string;
}

export interface CriteriaInput {
  cells: readonly CriteriaCell[];
  criterion: Criterion;
  higherIsBetter?: boolean;
  /** The cell to mark; default the lowest criterion among 'ok' cells (first in `cells` on a tie). */
  best?: { k: number; covarianceType: CovarianceType } | null;
  text: CriteriaText;
}

/** By covariance layout: mclust's models share the symbol of the scikit-learn type they specialise. */
const TYPE_SYMBOL: Record<SklearnCovarianceType, string> = {
  full: 'circle',
  tied: 'rect',
  diag: 'triangle',
  spherical: 'diamond',
};
const NOT_FITTED_SHOWN = 6;

const valueOf = (c: CriteriaCell, criterion: Criterion): number | null => {
  const v = c[criterion];
  return v === null || v === undefined || !Number.isFinite(v) ? null : v;
};

/** Lowest criterion (scikit-learn's sign) among ok cells; null if none has a value. */
export function defaultBestCell(cells: readonly CriteriaCell[], criterion: Criterion): CriteriaCell | null {
  let best: CriteriaCell | null = null;
  for (const c of cells) {
    const v = valueOf(c, criterion);
    if (c.status !== 'ok' || v === null) continue;
    if (best === null || v < (valueOf(best, criterion) as number)) best = c;
  }
  return best;
}

export function typeColor(t: CovarianceType): string {
  return clusterColor(COVARIANCE_MODEL_NAMES.indexOf(t));
}

export function buildCriteriaOption(input: CriteriaInput, theme: ChartTheme): ECOption {
  const { criterion, text } = input;
  const flip = input.higherIsBetter === true;
  const name = text.criterionName(criterion);
  const shownName = flip ? `−${name}` : name;
  const y = (v: number) => (flip ? -v : v);
  const ks = [...new Set(input.cells.map((c) => c.k))].sort((a, b) => a - b);
  const types = COVARIANCE_MODEL_NAMES.filter((t) => input.cells.some((c) => c.covarianceType === t));
  const best = input.best === undefined ? defaultBestCell(input.cells, criterion) : input.best;

  const tooltip = (c: CriteriaCell) => {
    const v = valueOf(c, criterion);
    const status = c.status === 'ok' ? '' : `<br/>${escapeHtml(text.status(c.status))}`;
    const why = c.message ? `<br/>${escapeHtml(c.message)}` : '';
    return `${escapeHtml(text.typeName(c.covarianceType))}, K = ${c.k}<br/>${shownName}: ${v === null ? '–' : formatNumber(y(v))}${status}${why}`;
  };

  const series = types.flatMap((t) => {
    const color = typeColor(t);
    const byK = new Map(input.cells.filter((c) => c.covarianceType === t).map((c) => [c.k, c]));
    const drawn = (k: number) => {
      const c = byK.get(k);
      return c && (c.status === 'ok' || c.status === 'degenerate') && valueOf(c, criterion) !== null
        ? c
        : undefined;
    };
    const isDegenerate = (k: number) => drawn(k)?.status === 'degenerate';
    const solid = ks.map((k) => {
      const c = drawn(k);
      return c && c.status === 'ok' ? [k, y(valueOf(c, criterion)!)] : [k, '-'];
    });
    const dashed = ks.map((k, i) => {
      const c = drawn(k);
      const near =
        isDegenerate(k) ||
        (i > 0 && isDegenerate(ks[i - 1])) ||
        (i < ks.length - 1 && isDegenerate(ks[i + 1]));
      if (!c || !near) return { value: [k, '-'] };
      const v = y(valueOf(c, criterion)!);
      return c.status === 'degenerate'
        ? {
            // Hollow: filled with the background and outlined in the line's colour (ECharts'
            // own 'empty*' symbols fill with white, which vanishes on the light theme).
            value: [k, v],
            symbol: TYPE_SYMBOL[COVARIANCE_LAYOUT[t]],
            symbolSize: 11,
            itemStyle: { color: theme.background, borderColor: color, borderWidth: 2.5 },
          }
        : { value: [k, v], symbol: 'none' };
    });
    const cellAt = (k: number) => byK.get(k);
    const bestHere = best && best.covarianceType === t ? drawn(best.k) : undefined;
    return [
      {
        type: 'line' as const,
        name: text.typeName(t),
        data: solid,
        symbol: TYPE_SYMBOL[COVARIANCE_LAYOUT[t]],
        symbolSize: 8,
        connectNulls: false,
        clip: false, // markers at the first and last K sit on the grid edge
        animation: false,
        lineStyle: { color, width: 2 },
        itemStyle: { color },
        z: 3,
        tooltip: { formatter: (p: { value?: unknown }) => tooltip(cellAt((p.value as number[])[0])!) },
        ...(bestHere
          ? {
              markPoint: {
                symbol: 'pin',
                symbolSize: 46,
                itemStyle: { color: theme.accent },
                label: { formatter: text.best, color: '#ffffff', fontSize: 10 },
                data: [{ name: text.best, coord: [bestHere.k, y(valueOf(bestHere, criterion)!)] }],
              },
            }
          : {}),
      },
      {
        type: 'line' as const,
        name: text.typeName(t),
        data: dashed,
        symbol: TYPE_SYMBOL[COVARIANCE_LAYOUT[t]],
        connectNulls: false,
        clip: false, // markers at the first and last K sit on the grid edge
        animation: false,
        lineStyle: { color, width: 1.5, type: 'dashed' as const },
        itemStyle: { color },
        z: 2,
        tooltip: { formatter: (p: { value?: unknown }) => tooltip(cellAt((p.value as number[])[0])!) },
      },
    ];
  });

  const missing = input.cells.filter(
    (c) => !((c.status === 'ok' || c.status === 'degenerate') && valueOf(c, criterion) !== null),
  );
  const missingList = missing
    .slice(0, NOT_FITTED_SHOWN)
    .map((c) => `${text.typeName(c.covarianceType)} K=${c.k} (${text.status(c.status)})`)
    .join(', ');
  const more = missing.length > NOT_FITTED_SHOWN ? ` +${missing.length - NOT_FITTED_SHOWN}` : '';
  const subtitle = [text.signNote(name, flip), missing.length ? text.notFitted(missingList + more) : '']
    .filter(Boolean)
    .join('\n');

  return {
    backgroundColor: theme.background,
    animation: false,
    title: titlePart(theme, text.title, subtitle),
    legend: legendPart(
      theme,
      types.map((t) => text.typeName(t)),
    ),
    tooltip: tooltipPart(theme, 'item'),
    grid: { left: 80, right: 24, top: missing.length ? 88 : 72, bottom: 48 },
    xAxis: {
      ...valueAxisPart(theme, text.k, { nameGap: 28, scale: false }),
      min: ks[0] ?? 1,
      max: ks[ks.length - 1] ?? 1,
      minInterval: 1,
      splitLine: { show: false },
    },
    yAxis: yAxisPart(valueAxisPart(theme, shownName, { nameGap: 64 }), text.locale),
    series,
  };
}

/** The y axis with short tick labels: criteria run to millions and the axis ends are data values. */
function yAxisPart(axis: ReturnType<typeof valueAxisPart>, locale: string | undefined) {
  return { ...axis, axisLabel: { ...axis.axisLabel, formatter: (v: number) => formatAxisNumber(v, locale) } };
}
