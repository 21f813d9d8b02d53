import { describe, expect, it } from 'vitest';
import type { CriteriaCell } from '../../../renderer/src/charts/criteriaOption';
import { buildCriteriaOption, defaultBestCell, typeColor } from '../../../renderer/src/charts/criteriaOption';
import { CHART_THEMES } from '../../../renderer/src/charts/theme';

const text = {
  title: 'Model selection',
  k: 'Number of components K',
  criterionName: (c: string) => c.toUpperCase(),
  signNote: (name: string, higher: boolean) =>
    higher ? `−${name}: higher is better (mclust)` : `${name}: lower is better`,
  typeName: (t: string) => t,
  status: (s: string) => s,
  best: 'best',
  notFitted: (list: string) => `Not fitted: ${list}`,
};

const cell = (
  k: number,
  covarianceType: CriteriaCell['covarianceType'],
  status: CriteriaCell['status'],
  bic: number | null,
): CriteriaCell => ({
  k,
  covarianceType,
  status,
  message: status === 'ok' ? null : `reason ${k}`,
  bic,
  aic: bic === null ? null : bic - 10,
  icl: bic === null ? null : bic + 5,
});

// full: K=1..4 with K=3 degenerate and lowest of all (the reg_covar artefact), K=4 singular.
// diag: K=1..4 all ok, best ok cell is diag K=2.
const cells: CriteriaCell[] = [
  cell(1, 'full', 'ok', 1000),
  cell(2, 'full', 'ok', 900),
  cell(3, 'full', 'degenerate', 500),
  cell(4, 'full', 'singular', null),
  cell(1, 'diag', 'ok', 1100),
  cell(2, 'diag', 'ok', 850),
  cell(3, 'diag', 'ok', 870),
  cell(4, 'diag', 'failed', null),
];

type LineSeries = {
  name: string;
  data: unknown[];
  lineStyle: { type?: string };
  markPoint?: { data: { coord: [number, number] }[] };
};

describe('buildCriteriaOption', () => {
  const o = buildCriteriaOption({ cells, criterion: 'bic', text }, CHART_THEMES.light);
  const series = o.series as LineSeries[];

  it('has a solid and a dashed line per covariance type, toggled together by the legend', () => {
    expect(series.map((s) => `${s.name}:${s.lineStyle.type ?? 'solid'}`)).toEqual([
      'full:solid',
      'full:dashed',
      'diag:solid',
      'diag:dashed',
    ]);
    expect((o.legend as { data: string[] }).data).toEqual(['full', 'diag']);
  });

  it('marks the best ok cell, not the lower degenerate one', () => {
    expect(defaultBestCell(cells, 'bic')).toMatchObject({ k: 2, covarianceType: 'diag' });
    expect(series[0].markPoint).toBeUndefined();
    expect(series[2].markPoint?.data[0].coord).toEqual([2, 850]);
  });

  it('draws a degenerate cell hollow on the dashed line and leaves a gap in the solid one', () => {
    expect(series[0].data).toEqual([
      [1, 1000],
      [2, 900],
      [3, '-'],
      [4, '-'],
    ]);
    const dashed = series[1].data as { value: unknown[]; symbol?: string; itemStyle?: { color: string } }[];
    expect(dashed.map((d) => d.value)).toEqual([
      [1, '-'],
      [2, 900],
      [3, 500],
      [4, '-'],
    ]);
    expect(dashed[2].symbol).toBe('circle');
    expect(dashed[2].itemStyle).toMatchObject({
      color: CHART_THEMES.light.background,
      borderColor: typeColor('full'),
    });
    expect(dashed[1].symbol).toBe('none');
  });

  it('keeps singular and failed cells off the lines but lists them', () => {
    expect(series[2].data).toEqual([
      [1, 1100],
      [2, 850],
      [3, 870],
      [4, '-'],
    ]);
    const sub = (o.title as { subtext: string }).subtext;
    expect(sub).toBe('BIC: lower is better\nNot fitted: full K=4 (singular), diag K=4 (failed)');
  });

  it('shows mclust’s sign on request: −BIC, best still the same cell', () => {
    const m = buildCriteriaOption(
      { cells, criterion: 'bic', higherIsBetter: true, text },
      CHART_THEMES.light,
    );
    const s = m.series as LineSeries[];
    expect(s[0].data[0]).toEqual([1, -1000]);
    expect(s[2].markPoint?.data[0].coord).toEqual([2, -850]);
    expect((m.yAxis as { name: string }).name).toBe('−BIC');
    expect((m.title as { subtext: string }).subtext.split('\n')[0]).toBe('−BIC: higher is better (mclust)');
  });

  it('uses the chosen criterion and an explicit best cell', () => {
    const a = buildCriteriaOption(
      { cells, criterion: 'aic', best: { k: 1, covarianceType: 'full' }, text },
      CHART_THEMES.dark,
    );
    const s = a.series as LineSeries[];
    expect(s[0].data[1]).toEqual([2, 890]);
    expect(s[0].markPoint?.data[0].coord).toEqual([1, 990]);
    expect(
      buildCriteriaOption({ cells, criterion: 'icl', best: null, text }, CHART_THEMES.dark).series,
    ).not.toContainEqual(expect.objectContaining({ markPoint: expect.anything() }));
  });

  it('labels the y axis with short numbers in the given locale', () => {
    type Axis = { axisLabel: { formatter: (v: number) => string } };
    const en = buildCriteriaOption({ cells, criterion: 'bic', text }, CHART_THEMES.light).yAxis as Axis;
    expect(en.axisLabel.formatter(1179.58006863)).toBe('1,179.6');
    expect(en.axisLabel.formatter(2712345.6)).toBe('2.712M');
    const zh = buildCriteriaOption(
      { cells, criterion: 'bic', text: { ...text, locale: 'zh-CN' } },
      CHART_THEMES.light,
    ).yAxis as Axis;
    expect(zh.axisLabel.formatter(2712345.6)).toBe('271.2万');
  });
});

describe('buildCriteriaOption at a glance', () => {
  const MCLUST = [
    'EII',
    'VII',
    'EEI',
    'VEI',
    'EVI',
    'VVI',
    'EEE',
    'VEE',
    'EVE',
    'VVE',
    'EEV',
    'VEV',
    'EVV',
    'VVV',
  ] as const;
  const grid: CriteriaCell[] = MCLUST.flatMap((type, i) =>
    [1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => cell(k, type, 'ok', 800 + 10 * i + (k - 3) ** 2)),
  );
  type KAxis = {
    min: number;
    max: number;
    interval: number;
    axisLabel: { hideOverlap: boolean; formatter: (v: number) => string };
  };

  it('labels every K from the first to the last, none hidden for overlap', () => {
    const x = buildCriteriaOption({ cells: grid, criterion: 'bic', text }, CHART_THEMES.light).xAxis as KAxis;
    expect([x.min, x.max, x.interval]).toEqual([1, 9, 1]);
    expect(x.axisLabel.hideOverlap).toBe(false);
    expect(x.axisLabel.formatter(7)).toBe('7');
  });

  it('puts the fourteen models’ legend beside the plot, and the plot clear of it', () => {
    const o = buildCriteriaOption({ cells: grid, criterion: 'bic', text }, CHART_THEMES.light);
    const legends = o.legend as { data: string[]; right: number }[];
    expect(legends.flatMap((l) => l.data)).toEqual([...MCLUST]);
    expect((o.grid as { right: number }).right).toBeGreaterThan(Math.max(...legends.map((l) => l.right)));
  });

  it('points the pin into the plot: head above the lowest best, below the highest (mclust’s sign)', () => {
    type Pin = { symbol: string; symbolOffset: [number, string]; label: { offset: [number, number] } };
    const pin = (higherIsBetter: boolean) =>
      (
        buildCriteriaOption({ cells: grid, criterion: 'bic', higherIsBetter, text }, CHART_THEMES.light)
          .series as { markPoint?: Pin }[]
      ).find((s) => s.markPoint)!.markPoint!;
    const up = pin(false);
    const down = pin(true);
    // The box shifts half its height so the tip sits on the point; the label moves onto the head.
    expect(up.symbolOffset).toEqual([0, '-50%']);
    expect(up.label.offset[1]).toBeLessThan(0);
    expect(down.symbolOffset).toEqual([0, '50%']);
    expect(down.label.offset[1]).toBeGreaterThan(0);
    expect(up.symbol).not.toBe(down.symbol);
  });

  it('leaves the y axis ends unlabelled: they are data values, the round ticks between are labelled', () => {
    const y = buildCriteriaOption({ cells: grid, criterion: 'bic', text }, CHART_THEMES.light).yAxis as {
      axisLabel: { showMinLabel: boolean; showMaxLabel: boolean; margin: number };
    };
    expect(y.axisLabel).toMatchObject({ showMinLabel: false, showMaxLabel: false });
    // Farther from the axis than half the pin's width (14 px), so a pin at the first K never covers one.
    expect(y.axisLabel.margin).toBeGreaterThan(14);
  });
});
