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
 * one with the same name, so the legend toggles both; the legend is on top for a few types and at the
 * side for mclust's fourteen (criteriaLegend.ts).
 *
 * Nothing drawn covers text: K has a tick and a label at every integer, the y labels stand further
 * from the axis than a marker or the pin reaches past it, and the pin (drawn from its tip at the
 * best point) hangs down into the plot when the best cell is at the top (mclust's sign) rather
 * than rising into the title.
 */
import type { CovarianceType, SklearnCovarianceType } from '../../../shared/engine/model/types';
import { COVARIANCE_LAYOUT, COVARIANCE_MODEL_NAMES } from '../../../shared/engine/model/types';
import type { ECOption } from './echartsSetup';
import type { ChartTheme } from './theme';
import { clusterColor } from './palette';
import { escapeHtml, formatNumber, titlePart, tooltipPart, valueAxisPart } from './chartParts';
import { formatAxisNumber } from './axisNumber';
import { criteriaLegend } from './criteriaLegend';

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
/**
 * The best cell's pin, 28 × 44 px: a round head (wide enough for "Best" at 10 px) on a point whose
 * tip is on the cell. Upright (head above) in scikit-learn's sign, where the best cell is the
 * lowest; hanging (head below) in mclust's, where it is the highest — so the pin always points into
 * the plot and never rises into the title or the legend. Drawn as a path (not ECharts' rotated
 * 'pin', whose label stays behind when the symbol turns), the box shifted half its height so the
 * tip, not the centre, sits on the point.
 */
const PIN_SIZE = [28, 44];
const PIN_UP = 'path://M14 44C14 35 0 29 0 14A14 14 0 1 1 28 14C28 29 14 35 14 44Z';
const PIN_DOWN = 'path://M14 0C14 9 0 15 0 30A14 14 0 1 0 28 30C28 15 14 9 14 0Z';
/** From the box's centre to the head's centre, where the label goes: 8 px along the pin. */
const PIN_HEAD = 8;
/** y tick labels this far left of the axis: past half the pin's width and any edge marker. */
const Y_LABEL_MARGIN = 18;

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
                symbol: flip ? PIN_DOWN : PIN_UP,
                symbolSize: PIN_SIZE,
                symbolKeepAspect: true,
                symbolOffset: [0, flip ? '50%' : '-50%'],
                itemStyle: { color: theme.accent },
                label: {
                  formatter: text.best,
                  color: '#ffffff',
                  fontSize: 10,
                  offset: [0, flip ? PIN_HEAD : -PIN_HEAD],
                },
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

  const top = missing.length ? 88 : 72;
  const legend = criteriaLegend(
    theme,
    types.map((t) => text.typeName(t)),
    top,
  );
  return {
    backgroundColor: theme.background,
    animation: false,
    title: titlePart(theme, text.title, subtitle),
    legend: legend.legend,
    tooltip: tooltipPart(theme, 'item'),
    grid: { left: 92, right: legend.gridRight, top, bottom: 48 },
    xAxis: kAxisPart(valueAxisPart(theme, text.k, { nameGap: 28, scale: false }), ks),
    yAxis: yAxisPart(valueAxisPart(theme, shownName, { nameGap: 76 }), text.locale),
    series,
  };
}

/**
 * K: a tick and a label at every integer of the range. ECharts' own choice for a value axis thins
 * them (2, 4, 6, 8 or, once the last label collides, the axis ends alone); K is a count and each
 * is a column of the table.
 */
function kAxisPart(axis: ReturnType<typeof valueAxisPart>, ks: readonly number[]) {
  return {
    ...axis,
    min: ks[0] ?? 1,
    max: ks[ks.length - 1] ?? 1,
    interval: 1,
    minInterval: 1,
    axisLabel: { ...axis.axisLabel, hideOverlap: false, formatter: (v: number) => String(v) },
    splitLine: { show: false },
  };
}

/**
 * The y axis with short tick labels at round values only: the axis ends are data values
 * (criteriaRange.ts), and a label such as "1,179.6" there crowded out the round tick beside it.
 */
function yAxisPart(axis: ReturnType<typeof valueAxisPart>, locale: string | undefined) {
  return {
    ...axis,
    axisLabel: {
      ...axis.axisLabel,
      margin: Y_LABEL_MARGIN,
      showMinLabel: false,
      showMaxLabel: false,
      formatter: (v: number) => formatAxisNumber(v, locale),
    },
  };
}
