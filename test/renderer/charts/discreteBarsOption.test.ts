import { describe, expect, it } from 'vitest';
import {
  buildDiscreteBarsOption,
  discreteBarsTooltip,
  type DiscreteBarsInput,
} from '../../../renderer/src/charts/discreteBarsOption';
import { CHART_THEMES } from '../../../renderer/src/charts/theme';
import { clusterColor } from '../../../renderer/src/charts/palette';
import { categoricalBars, poissonBars } from '../../../shared/stats/discreteBars';

const text = { title: 'Gender', count: 'Rows', observed: 'Observed', mixture: 'Mixture' };
const names = ['Class 1', 'Class 2'];

function input(ordered: boolean): DiscreteBarsInput {
  const bars = ordered
    ? poissonBars({ values: [0, 1, 1, 3, 2] }, [0.5, 0.5], [0.5, 2.5])
    : categoricalBars({ values: [0, 1, 1, -1] }, ['Female', 'Male'], [0.4, 0.6], [0.9, 0.1, 0.2, 0.8]);
  return { bars, ordered, clusterNames: names, axisName: ordered ? 'Visits' : 'Gender', text };
}

type Series = { type: string; name: string; data: number[]; itemStyle?: { color: string } };

describe('buildDiscreteBarsOption', () => {
  it('draws the observed bars, the mixture and each class over the levels, in that order', () => {
    const i = input(false);
    const o = buildDiscreteBarsOption(i, CHART_THEMES.light);
    const series = o.series as Series[];
    expect(series.map((s) => [s.type, s.name])).toEqual([
      ['bar', 'Observed'],
      ['scatter', 'Mixture'],
      ['scatter', 'Class 1'],
      ['scatter', 'Class 2'],
    ]);
    expect(series[0].data).toEqual([1, 2]);
    expect(series[1].data).toEqual(i.bars.total);
    expect(series[3].data).toEqual(i.bars.expected[1]);
    expect((o.xAxis as { data: string[] }).data).toEqual(['Female', 'Male']);
    expect(series[2].itemStyle?.color).toBe(clusterColor(0));
  });

  it('joins the expected counts of ordered values (counts, successes) by lines', () => {
    const o = buildDiscreteBarsOption(input(true), CHART_THEMES.dark);
    const series = o.series as Series[];
    expect(series.slice(1).map((s) => s.type)).toEqual(['line', 'line', 'line']);
    expect((o.xAxis as { data: string[] }).data).toEqual(['0', '1', '2', '3']);
    expect(o.backgroundColor).toBe(CHART_THEMES.dark.background);
  });

  it('the tooltip names the level and gives each count to 4 significant digits, names escaped', () => {
    const i = { ...input(false), axisName: '<b>Gender</b>' };
    const html = discreteBarsTooltip(
      [
        { seriesIndex: 0, seriesName: 'Observed', dataIndex: 1, value: 2 },
        { seriesIndex: 2, seriesName: 'Class 1', dataIndex: 1, value: 0.1234567 },
      ],
      i,
    );
    expect(html).toBe('<b>&lt;b&gt;Gender&lt;/b&gt; = Male</b><br/>Observed: 2<br/>Class 1: 0.1235');
  });
});
