import { describe, expect, it } from 'vitest';
import { columnFormatter, formatShare } from '../../../../renderer/src/lib/columnFormat';

const column = (values: number[], significant?: number, locale = 'en') => {
  const f = columnFormatter(values, locale, significant);
  return values.map(f);
};
const decimals = (s: string) => (s.split('.')[1] ?? '').length;

describe('columnFormatter: one format per column', () => {
  it('gives every value the decimals that show the largest with the significant digits asked', () => {
    expect(column([5.00591, 55.0502], 4)).toEqual(['5.01', '55.05']);
    // Li Hang, Statistical Learning Methods, 9.3: the fitted means and variances.
    expect(column([-57.5114, 32.9841], 5)).toEqual(['-57.511', '32.984']);
    expect(column([90.2506, 429.4583], 5)).toEqual(['90.25', '429.46']);
    expect(column([0.13317, 0.86683], 5)).toEqual(['0.13317', '0.86683']);
  });

  it('keeps the decimals of a column alike when its values differ in magnitude', () => {
    const shown = column([0.004, 1.5, 12.25, 980.5]);
    expect(new Set(shown.map(decimals)).size).toBe(1);
    expect(shown).toEqual(['0.0', '1.5', '12.3', '980.5']);
  });

  it('groups thousands only where the column reaches them, with the locale’s marks', () => {
    expect(column([1234.5, 12345.6])).toEqual(['1,235', '12,346']);
    expect(column([1234.5, 999])).toEqual(['1235', '999']);
    expect(column([1.5, 2.25], 3, 'de-DE')).toEqual(['1,50', '2,25']);
  });

  it('writes a huge or a tiny column in scientific notation throughout', () => {
    expect(column([2.5e6, 3.75e7])).toEqual(['2.500e6', '3.750e7']);
    expect(column([1.2e-5, 3.4e-4])).toEqual(['1.200e-5', '3.400e-4']);
    expect(column([2.5e6, 0])).toEqual(['2.500e6', '0.000e0']);
  });

  it('reads a non-finite value as a dash, ignores it for the format, and never shows −0', () => {
    expect(column([Number.NaN, 2.5, Infinity])).toEqual(['–', '2.500', '–']);
    expect(column([-0.00004, 1.2])).toEqual(['0.000', '1.200']);
    expect(column([0, 0])).toEqual(['0.000', '0.000']);
    expect(column([])).toEqual([]);
  });
});

describe('formatShare', () => {
  it('writes every share with one decimal, so a column of them lines up', () => {
    expect([1, 0.0909, 0, 0.90909].map((v) => formatShare(v, 'en'))).toEqual([
      '100.0%',
      '9.1%',
      '0.0%',
      '90.9%',
    ]);
    expect(formatShare(Number.NaN, 'en')).toBe('–');
  });
});
