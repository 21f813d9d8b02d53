import { describe, expect, it } from 'vitest';
import { TableBuilder } from '../../../shared/data/tableBuilder';

/** Builds a table from rows of cell texts (header first). */
function build(records: string[][], decimalComma = false, capacity = 2) {
  const b = new TableBuilder(decimalComma, (rows) => rows + capacity);
  b.setHeader(records[0]);
  for (const rec of records.slice(1)) {
    b.beginRecord();
    rec.slice(0, b.width).forEach((t, i) => b.columns[i].add(t, 0, t.length));
    b.endRecord(rec.length);
  }
  return b.finish();
}

describe('TableBuilder', () => {
  it('pads short rows with missing cells, cuts long ones, and reports both as ragged', () => {
    const t = build([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['4', '5'],
      ['7', '8', '9', '10'],
    ]);
    expect(t.columns[2]).toMatchObject({ kind: 'numeric', missing: 1, sum: 12 });
    expect(t.errors).toEqual([
      { row: 2, kind: 'ragged', expectedFields: 3, foundFields: 2 },
      { row: 3, kind: 'ragged', expectedFields: 3, foundFields: 4 },
    ]);
    expect(t.table.text(2, 1)).toBe('');
  });

  it('drops a phantom column (empty header, all cells empty) but keeps an empty-header column with data', () => {
    const t = build([
      ['', 'x', ''],
      ['1', '2', ''],
      ['3', '4', '  '],
    ]);
    expect(t.droppedPhantomColumns).toBe(1);
    expect(t.columns.map((c) => c.displayName)).toEqual(['Column 1', 'x']);
    expect(t.errors).toEqual([{ row: 0, kind: 'empty_header', column: 0 }]);
  });

  it('reports non-finite cells with their column index after phantom columns are dropped', () => {
    const t = build([
      ['', 'v'],
      ['', '1'],
      ['', 'inf'],
      ['', '2'],
    ]);
    expect(t.columns[0]).toMatchObject({
      kind: 'mixed',
      nonNumeric: 1,
      nonNumericRows: [2],
      nonfinite: 1,
      sum: 3,
    });
    expect(t.errors).toEqual([{ row: 2, kind: 'nonfinite', column: 0, value: 'inf' }]);
  });

  it('grows its columns past the first capacity estimate', () => {
    const records = [['n'], ...Array.from({ length: 1000 }, (_, i) => [String(i)])];
    const t = build(records, false, 1);
    expect(t.table.rowCount).toBe(1000);
    expect(t.columns[0].sum).toBe(499500);
    expect(t.table.text(0, 999)).toBe('999');
  });
});

describe('TableBuilder limits (importLimits.ts): refused before allocating', () => {
  const limits = { fileBytes: 1e9, recordBytes: 1e6, columns: 4, cells: 20 };

  it('refuses a header wider than the column limit, naming both counts', () => {
    const builder = new TableBuilder(false, () => 16, limits);
    expect(() => builder.setHeader(['a', 'b', 'c', 'd', 'e'])).toThrow(
      expect.objectContaining({
        code: 'too_many_columns',
        message:
          'The header has 5 columns; Mixture Lab reads files of up to 4 columns. Keep only the columns you need (for example in a spreadsheet) and import again.',
      }),
    );
    expect(builder.columns).toHaveLength(0);
  });

  it('never sizes columns past the cell limit, however large the row estimate', () => {
    const builder = new TableBuilder(false, () => 1e12, limits);
    builder.setHeader(['a', 'b', 'c', 'd']);
    expect(builder.columns[0].capacity).toBe(5); // 20 cells / 4 columns
  });

  it('refuses the first row beyond rows × columns = cells, with that row', () => {
    const builder = new TableBuilder(false, (rows) => rows + 1, limits);
    builder.setHeader(['a', 'b', 'c', 'd']);
    for (let r = 0; r < 5; r++) {
      builder.beginRecord();
      for (const c of builder.columns) c.add('1', 0, 1);
      builder.endRecord(4);
    }
    expect(builder.rows).toBe(5);
    expect(() => builder.beginRecord()).toThrow(
      expect.objectContaining({
        code: 'too_many_cells',
        message:
          'The table does not fit in memory: at data row 6, 4 columns make more than 20 cells (about 180 bytes). Import fewer columns or a sample of the rows.',
      }),
    );
  });
});

describe('TableBuilder: the first line and summary rows', () => {
  function rules(records: string[][], r: { header?: boolean; totalRows?: 'exclude' | 'keep' }) {
    const b = new TableBuilder(false, (rows) => rows + 2, undefined, r);
    b.setHeader(records[0]);
    for (const rec of records.slice(1)) {
      b.beginRecord();
      rec.slice(0, b.width).forEach((t, i) => b.columns[i].add(t, 0, t.length));
      b.endRecord(rec.length);
    }
    return b.finish();
  }

  it('a first line of data becomes row 1: ragged rows renumbered, no header problems, Column names', () => {
    const t = rules(
      [
        ['1.5', '2', ''],
        ['2.5', '3'],
        ['3.5', '4', '', '9'],
      ],
      {},
    );
    expect(t.header).toBe(false);
    expect(t.columns.map((c) => c.name)).toEqual(['Column 1', 'Column 2']);
    expect(t.droppedPhantomColumns).toBe(1);
    expect(t.table.rowCount).toBe(3);
    expect(t.errors).toEqual([
      { row: 2, kind: 'ragged', expectedFields: 3, foundFields: 2 },
      { row: 3, kind: 'ragged', expectedFields: 3, foundFields: 4 },
    ]);
    expect(t.columns[0]).toMatchObject({ sum: 7.5, count: 3 });
  });

  it('header: false reads even a text first line as data; header: true keeps numbers as names', () => {
    const t = rules(
      [
        ['a', 'b'],
        ['1', '2'],
      ],
      { header: false },
    );
    expect(t.columns.map((c) => [c.name, c.kind])).toEqual([
      ['Column 1', 'mixed'],
      ['Column 2', 'mixed'],
    ]);
    expect(t.columns[0].nonNumericRows).toEqual([1]);
    expect(
      rules(
        [
          ['1.5', '2'],
          ['2.5', '3'],
          ['3.5', '4'],
        ],
        { header: true },
      ).columns[0].name,
    ).toBe('1.5');
  });

  it('reports summary rows with their range, excluded unless kept', () => {
    const records = [
      ['k', 'v'],
      ['a', '1'],
      ['b', '2'],
      ['Total', '3'],
    ];
    const excluded = rules(records, {});
    expect(excluded.errors).toEqual([
      { row: 3, kind: 'total_row', column: 0, label: 'Total', sumOf: [1, 2], columns: [1], excluded: true },
    ]);
    expect(excluded.columns[1]).toMatchObject({ sum: 3, count: 2 });
    expect(excluded.columns[0]).toMatchObject({ kind: 'categorical', distinct: 2 });
    const kept = rules(records, { totalRows: 'keep' });
    expect(kept.errors[0]).toMatchObject({ excluded: false });
    expect(kept.columns[1]).toMatchObject({ sum: 6, count: 3 });
  });
});
