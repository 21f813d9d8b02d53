import { describe, expect, it } from 'vitest';
import { ColumnBuilder } from '../../../shared/data/columnBuilder';
import { firstLineIsData, looksLikeLabels } from '../../../shared/data/firstLine';

/** Columns from rows of cell texts (the rows below the first line). */
function columns(rows: string[][], decimalComma = false): ColumnBuilder[] {
  return rows[0].map((_, j) => {
    const c = new ColumnBuilder(decimalComma, rows.length);
    for (const r of rows) c.add(r[j], 0, r[j].length);
    return c;
  });
}

const iris = [
  ['4.9', '3.0', '1.4', '0.2'],
  ['4.7', '3.2', '1.3', '0.2'],
  ['7.0', '3.2', '4.7', '1.4'],
  ['6.3', '3.3', '6.0', '2.5'],
];

describe('looksLikeLabels', () => {
  it('recognises sequences and years, not measurements', () => {
    expect(looksLikeLabels([1, 2, 3, 4])).toBe(true);
    expect(looksLikeLabels([2019, 2020])).toBe(true);
    expect(looksLikeLabels([10, 20, 40])).toBe(false);
    expect(looksLikeLabels([10, 20, 30])).toBe(true);
    expect(looksLikeLabels([1990, 2005, 2015])).toBe(true);
    expect(looksLikeLabels([3, 7])).toBe(false);
    expect(looksLikeLabels([5.1, 3.5, 1.4])).toBe(false);
    expect(looksLikeLabels([3, 3, 4])).toBe(false);
    expect(looksLikeLabels([7])).toBe(false);
  });
});

describe('firstLineIsData', () => {
  it('reads a first line of numbers like the rows below as data', () => {
    expect(firstLineIsData(['5.1', '3.5', '1.4', '0.2'], columns(iris), false)).toBe(true);
    expect(
      firstLineIsData(
        ['5,1', '3,5'],
        columns(
          [
            ['4,9', '3,0'],
            ['7,0', '3,9'],
          ],
          true,
        ),
        true,
      ),
    ).toBe(true);
  });

  it('keeps a header: text, an empty or missing cell, years, a sequence', () => {
    expect(firstLineIsData(['a', '3.5', '1.4', '0.2'], columns(iris), false)).toBe(false);
    expect(firstLineIsData(['5.1', '', '1.4', '0.2'], columns(iris), false)).toBe(false);
    expect(firstLineIsData(['5.1', 'NA', '1.4', '0.2'], columns(iris), false)).toBe(false);
    const counts = [
      ['2100', '3500', '4200'],
      ['1900', '2400', '2017'],
    ];
    expect(firstLineIsData(['2019', '2020', '2021'], columns(counts), false)).toBe(false);
    expect(
      firstLineIsData(
        ['1', '2', '3'],
        columns([
          ['1', '3', '2'],
          ['2', '1', '3'],
        ]),
        false,
      ),
    ).toBe(false);
  });

  it('keeps a header of numbers that do not look like their columns', () => {
    // Integers over decimals, decimals over integers, more decimals than the column ever has.
    expect(firstLineIsData(['5', '3', '1', '4'], columns(iris), false)).toBe(false);
    expect(
      firstLineIsData(
        ['2.5', '7.5'],
        columns([
          ['1', '2'],
          ['3', '9'],
        ]),
        false,
      ),
    ).toBe(false);
    expect(firstLineIsData(['5.125', '3.5', '1.4', '0.2'], columns(iris), false)).toBe(false);
    // Far outside the column's range (widened by the range on each side: 4.7-7.0 → 2.4-9.3).
    expect(firstLineIsData(['9.4', '3.5', '1.4', '0.2'], columns(iris), false)).toBe(false);
    expect(firstLineIsData(['9.2', '3.5', '1.4', '0.2'], columns(iris), false)).toBe(true);
  });

  it('keeps a header over a text or empty column, or a constant column with another value', () => {
    expect(
      firstLineIsData(
        ['1.5', '2.5'],
        columns([
          ['1.0', 'a'],
          ['2.0', 'b'],
        ]),
        false,
      ),
    ).toBe(false);
    expect(
      firstLineIsData(
        ['1.5', '2.5'],
        columns([
          ['1.0', 'NA'],
          ['2.0', ''],
        ]),
        false,
      ),
    ).toBe(false);
    expect(
      firstLineIsData(
        ['7', '3'],
        columns([
          ['7', '1'],
          ['7', '9'],
        ]),
        false,
      ),
    ).toBe(true);
    expect(
      firstLineIsData(
        ['8', '3'],
        columns([
          ['7', '1'],
          ['7', '9'],
        ]),
        false,
      ),
    ).toBe(false);
  });
});
