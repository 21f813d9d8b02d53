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
