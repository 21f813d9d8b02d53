import { describe, expect, it } from 'vitest';
import { ColumnBuilder } from '../../../shared/data/columnBuilder';
import { findTotalRows } from '../../../shared/data/totalRows';

/** Columns from rows of cell texts. */
function columns(rows: string[][]): ColumnBuilder[] {
  return rows[0].map((_, j) => {
    const c = new ColumnBuilder(false, rows.length);
    for (const r of rows) c.add(r[j], 0, r[j].length);
    return c;
  });
}

const found = (rows: string[][]) =>
  findTotalRows(columns(rows), rows.length).map(({ row, labelColumn, from, to, columns }) => ({
    row,
    labelColumn,
    from,
    to,
    columns,
  }));

describe('findTotalRows', () => {
  it('finds a grand total over every row above it', () => {
    const rows = [
      ['a', '1', '10.5'],
      ['b', '2', '20.25'],
      ['c', '3', '30'],
      ['Total', '6', '60.75'],
    ];
    expect(found(rows)).toEqual([{ row: 3, labelColumn: 0, from: 0, to: 2, columns: [1, 2] }]);
  });

  it('finds subtotals and a grand total of the data rows (not of the subtotals too)', () => {
    const rows = [
      ['N', 'x', '1'],
      ['N', 'y', '2'],
      ['N Total', '', '3'],
      ['S', 'z', '5'],
      ['S Total', '', '5'],
      ['Grand Total', '', '8'],
    ];
    expect(found(rows).map((t) => [t.row, t.from, t.to])).toEqual([
      [2, 0, 1],
      [4, 3, 3],
      [5, 0, 4],
    ]);
  });

  it('allows the rounding of the written total, not more', () => {
    const base = [
      ['a', '1.234'],
      ['b', '2.345'],
    ];
    expect(found([...base, ['Total', '3.58']])).toHaveLength(1);
    expect(found([...base, ['Total', '3.579']])).toHaveLength(1);
    expect(found([...base, ['Total', '3.57']])).toHaveLength(0);
    expect(found([...base, ['Total', '3.6']])).toHaveLength(1);
  });

  it('lets an id continue in the row when at least half the numbers are sums of 2 or more rows', () => {
    const rows = [
      ['11', 'x', '4', '5'],
      ['12', 'y', '6', '7'],
      ['13', 'Total', '10', '12'],
    ];
    expect(found(rows)).toEqual([{ row: 2, labelColumn: 1, from: 0, to: 1, columns: [2, 3] }]);
    // One number of two, over a single row: not enough.
    expect(
      found([
        ['1', 'x', '4'],
        ['2', 'Total', '4'],
      ]),
    ).toEqual([]);
  });

  it('leaves labelled rows whose numbers are not sums, or sum to zero, as data', () => {
    expect(
      found([
        ['HDL', '50'],
        ['LDL', '120'],
        ['Total', '190'],
      ]),
    ).toEqual([]);
    expect(
      found([
        ['a', '0'],
        ['b', '0'],
        ['Total', '0'],
      ]),
    ).toEqual([]);
    expect(
      found([
        ['a', '1'],
        ['b', '2'],
        ['Total', 'n/a'],
      ]),
    ).toEqual([]);
    expect(
      found([
        ['a', '1'],
        ['b', '2'],
        ['Totally', '3'],
      ]),
    ).toEqual([]);
  });

  it('finds nothing, and costs one look at each dictionary, when no text is a summary label', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`id${i}`, String(i)]);
    expect(found(rows)).toEqual([]);
  });
});

describe('findTotalRows: totals of rounded displays', () => {
  it('finds a total whose cells were all exported rounded (the sum of the shown values drifts)', () => {
    // 200 amounts with three decimals, shown and exported with two, and their true total shown too.
    const truth = Array.from({ length: 200 }, (_, i) => 10 + ((i * 7919) % 1000) / 1000 + 0.0049);
    const rows = truth.map((x, i) => [`r${i}`, x.toFixed(2)]);
    const total = truth.reduce((a, b) => a + b, 0);
    const shownSum = rows.reduce((a, r) => a + Number(r[1]), 0);
    expect(Math.abs(total - shownSum)).toBeGreaterThan(0.05);
    expect(found([...rows, ['Total', total.toFixed(2)]])).toHaveLength(1);
    // Off by more than rounding can explain: data.
    expect(found([...rows, ['Total', (total + 2).toFixed(2)]])).toHaveLength(0);
  });
});
