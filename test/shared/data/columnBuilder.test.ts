import { describe, expect, it } from 'vitest';
import { ColumnBuilder } from '../../../shared/data/columnBuilder';
import { ColumnTable } from '../../../shared/data/columnTable';
import { columnKind, summarizeColumn } from '../../../shared/data/columnSummary';

function column(cells: string[], decimalComma = false) {
  const c = new ColumnBuilder(decimalComma, cells.length);
  for (const t of cells) c.add(t, 0, t.length);
  return c;
}

describe('ColumnBuilder + ColumnTable', () => {
  it('gives back every original cell text, numbers and missing tokens included', () => {
    const cells = ['12.50', '+3', '1.5e3', 'NA', '', ' NA ', 'n/a', '-0', '007', 'inf', '1e999', '-', 'n/a'];
    const c = column(cells);
    const table = new ColumnTable([c], cells.length, [columnKind(c)]);
    expect(cells.map((_, row) => table.text(0, row))).toEqual(cells);
    expect(c.dictionary.length).toBeLessThan(cells.length);
  });

  it('keeps decimal-comma texts with thousands groups', () => {
    const cells = ['1.234,5', '12.342.800', '4,50', '1234'];
    const c = column(cells, true);
    const table = new ColumnTable([c], cells.length, ['numeric']);
    expect(cells.map((_, row) => table.text(0, row))).toEqual(cells);
    expect(Array.from(table.numeric(0)!)).toEqual([1234.5, 12342800, 4.5, 1234]);
    expect(c.codes).toBeNull();
  });

  it('classifies kinds by the README rules, one number among texts making a column mixed', () => {
    expect(columnKind(column(['NA', '', '-']))).toBe('empty');
    expect(columnKind(column(['a', 'b', 'NA']))).toBe('categorical');
    expect(columnKind(column(['a', '5']))).toBe('mixed');
    expect(columnKind(column(['1', 'NA', '2']))).toBe('numeric');
  });

  it('summarises with an exact sum and the sample (ddof = 1) standard deviation', () => {
    const s = summarizeColumn(column(['2', '4', '4', '4', '5', '5', '7', '9', 'NA']), 0, 'x', 'x');
    expect(s).toMatchObject({ kind: 'numeric', count: 8, missing: 1, sum: 40, min: 2, max: 9, mean: 5 });
    expect(s.std).toBeCloseTo(Math.sqrt(32 / 7), 14);
  });

  it('keeps the std finite for values near the largest double', () => {
    const s = summarizeColumn(column(['1E+308', '-1E+308']), 0, 'x', 'x');
    expect(s.std).toBeCloseTo(Math.SQRT2 * 1e308, -295);
  });

  it('counts distinct non-missing texts of a categorical column', () => {
    const s = summarizeColumn(column(['a', 'b', 'a', 'NA', 'inf']), 0, 'x', 'x');
    expect(s).toMatchObject({ kind: 'categorical', distinct: 3, missing: 1 });
  });

  it('keeps its statistics right when rows are added after they were first asked for', () => {
    const c = column(['1.5', 'x', '-2']);
    expect(c.numbers()).toMatchObject({ count: 2, sum: -0.5, min: -2, max: 1.5 });
    c.reserve(8);
    for (const t of ['10', 'NA', '0.25']) c.add(t, 0, t.length);
    expect(c.numbers()).toEqual({ count: 4, sum: 9.75, min: -2, max: 10 });
    expect(summarizeColumn(c, 0, 'x', 'x')).toMatchObject({ kind: 'mixed', count: 4, sum: 9.75, missing: 1 });
  });
});

describe('ColumnBuilder edits after the import', () => {
  it('insertFirst makes a cell row 1 and moves every listed row number down one', () => {
    const c = column(['1', 'x', 'inf', '2', '1e-400']);
    c.insertFirst('y');
    expect(c.length).toBe(6);
    expect(c.nonNumericRows).toEqual([1, 3, 4]);
    expect(c.nonfinite).toEqual([{ row: 4, value: 'inf' }]);
    expect(c.underflow).toEqual([{ row: 6, value: '1e-400' }]);
    const table = new ColumnTable([c], 6, ['mixed']);
    expect(Array.from({ length: 6 }, (_, r) => table.text(0, r))).toEqual([
      'y',
      '1',
      'x',
      'inf',
      '2',
      '1e-400',
    ]);
    expect(summarizeColumn(c, 0, 'c', 'c')).toMatchObject({ count: 3, sum: 3, nonNumeric: 3 });
  });

  it('excludeRows takes rows out of every count and statistic but keeps their texts', () => {
    const c = column(['Total', '1', 'NA', 'Total', '2.50', 'x', '7']);
    c.excludeRows([0, 2, 3, 6]);
    expect(summarizeColumn(c, 0, 'c', 'c')).toMatchObject({
      kind: 'mixed',
      missing: 0,
      count: 2,
      sum: 3.5,
      nonNumeric: 1,
      nonNumericRows: [6],
    });
    const table = new ColumnTable([c], 7, ['mixed']);
    expect(Array.from({ length: 7 }, (_, r) => table.text(0, r))).toEqual([
      'Total',
      '1',
      'NA',
      'Total',
      '2.50',
      'x',
      '7',
    ]);
    expect(Number.isNaN(table.numeric(0)![6])).toBe(true);
    const labels = column(['a', 'Total', 'b']);
    labels.excludeRows([1]);
    expect(labels.distinctTexts).toBe(2);
  });

  it('reports a literal that underflows to 0, not one that is 0 or a subnormal', () => {
    const c = column(['1e-400', '0e5', '0.000', '4.9e-324', '-1E-999', '0']);
    expect(c.underflow).toEqual([
      { row: 1, value: '1e-400' },
      { row: 5, value: '-1E-999' },
    ]);
    expect(Array.from(c.values)).toEqual([0, 0, 0, 5e-324, -0, 0]);
  });
});
