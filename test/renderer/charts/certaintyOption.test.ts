import { describe, expect, it } from 'vitest';
import { buildCertaintyOption, certaintyBins } from '../../../renderer/src/charts/certaintyOption';
import { CHART_THEMES } from '../../../renderer/src/charts/theme';
import { irisModel } from './chartFixtures';

const text = {
  title: 'Certainty',
  certainty: 'Largest posterior probability',
  rows: 'Rows',
  uncertain: (c: number, n: number, t: number) => `${c} of ${n} rows below ${t}`,
  uncertainBins: 'Uncertain',
  certainBins: 'Certain',
};

describe('certaintyBins', () => {
  it('starts at the bin holding 1/K, ends at 1, and counts every row (1 in the last bin)', () => {
    const { edges, counts } = certaintyBins([1 / 3, 0.5, 0.9, 0.95, 1, 1], 3);
    expect(edges[0]).toBe(0.32);
    expect(edges[edges.length - 1]).toBe(1);
    expect(counts.reduce((a, b) => a + b)).toBe(6);
    expect(counts[counts.length - 1]).toBe(2);
    expect(edges).toContain(0.9);
  });

  it('handles K = 1 (every row certain)', () => {
    const { edges, counts } = certaintyBins([1, 1], 1);
    expect(edges).toEqual([0.98, 1]);
    expect(counts).toEqual([2]);
  });
});

describe('buildCertaintyOption', () => {
  const m = irisModel();
  const expected = Array.from(m.certainty).filter((c) => c < 0.9).length;

  it('counts the uncertain rows in the subtitle and draws the threshold at 0.9', () => {
    const o = buildCertaintyOption({ certainty: m.certainty, nComponents: 3, text }, CHART_THEMES.light);
    expect((o.title as { subtext: string }).subtext).toBe(`${expected} of 150 rows below 0.9`);
    const series = o.series as {
      data: [number, number, number][];
      markLine?: { data: { xAxis: number }[] };
    }[];
    expect(series[0].markLine?.data).toEqual([{ xAxis: 0.9 }]);
    // Bars left of the line hold exactly the uncertain rows.
    expect(series[0].data.reduce((s, [, , c]) => s + c, 0)).toBe(expected);
    expect(series[1].data.reduce((s, [, , c]) => s + c, 0)).toBe(150 - expected);
    expect(series[0].data.every(([from, , c]) => c === 0 || from < 0.9)).toBe(true);
  });

  it('moves with the threshold', () => {
    const o = buildCertaintyOption(
      { certainty: m.certainty, nComponents: 3, threshold: 0.99, text },
      CHART_THEMES.dark,
    );
    const n99 = Array.from(m.certainty).filter((c) => c < 0.99).length;
    expect((o.title as { subtext: string }).subtext).toBe(`${n99} of 150 rows below 0.99`);
  });
});

describe('certainty bins at a threshold between edges', () => {
  it('splits the bin holding the threshold so no uncertain row is painted as certain', () => {
    const certainty = [0.941, 0.945, 0.9499, 0.95, 0.955, 0.99];
    const o = buildCertaintyOption({ certainty, nComponents: 2, threshold: 0.95, text }, CHART_THEMES.light);
    const [uncertain, certain] = o.series as { data: [number, number, number][] }[];
    const sum = (rows: [number, number, number][]) => rows.reduce((s, r) => s + r[2], 0);
    expect(sum(uncertain.data)).toBe(3);
    expect(sum(certain.data)).toBe(3);
    // Every painted bar lies wholly on its side of the line.
    for (const [, to, h] of uncertain.data) if (h > 0) expect(to).toBeLessThanOrEqual(0.95);
    for (const [from, , h] of certain.data) if (h > 0) expect(from).toBeGreaterThanOrEqual(0.95);
  });
});
