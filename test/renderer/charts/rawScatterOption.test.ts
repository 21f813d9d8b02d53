import { describe, expect, it } from 'vitest';
import { buildRawScatterOption } from '../../../renderer/src/charts/rawScatterOption';
import { CHART_THEMES } from '../../../renderer/src/charts/theme';

const text = { title: 'Data', sampleNote: (s: number, t: number) => `${s} of ${t}` };

describe('buildRawScatterOption', () => {
  it('draws every row with both values finite, in one series, no subtitle', () => {
    const o = buildRawScatterOption(
      { x: [1, 2, Number.NaN, 4], y: [5, 6, 7, 8], axisNames: ['a', 'b'], text },
      CHART_THEMES.light,
    );
    const series = o.series as { data: number[][] }[];
    expect(series).toHaveLength(1);
    expect(series[0].data).toEqual([
      [1, 5],
      [2, 6],
      [4, 8],
    ]);
    expect((o.title as { subtext: string }).subtext).toBe('');
  });

  it('strides over a large column and says how many rows it shows', () => {
    const x = Float64Array.from({ length: 1000 }, (_, i) => i);
    const o = buildRawScatterOption(
      { x, y: x, axisNames: ['a', 'b'], text, maxPoints: 100 },
      CHART_THEMES.dark,
    );
    const data = (o.series as { data: number[][] }[])[0].data;
    expect(data).toHaveLength(100);
    expect(data[1]).toEqual([10, 10]);
    expect((o.title as { subtext: string }).subtext).toBe('100 of 1000');
  });
});

describe('raw scatter drawing mode', () => {
  it('draws many points as one batched path (large mode), a few point by point', () => {
    const many = Float64Array.from({ length: 5000 }, (_, i) => i);
    const few = Float64Array.from({ length: 50 }, (_, i) => i);
    const mode = (x: Float64Array) =>
      (
        buildRawScatterOption({ x, y: x, axisNames: ['a', 'b'], text }, CHART_THEMES.light).series as {
          large: boolean;
        }[]
      )[0].large;
    expect(mode(many)).toBe(true);
    expect(mode(few)).toBe(false);
  });
});
