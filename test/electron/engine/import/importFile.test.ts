import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { importFile } from '../../../../electron/engine/import/importFile';
import { previewFile } from '../../../../electron/engine/import/previewFile';
import { inspectJson } from '../../../../electron/cli/commands/inspect';
import { EngineError } from '../../../../shared/errors';
import type { ImportOptions } from '../../../../shared/data/types';
import { expectMatchesSidecar, hostileDir, sidecars } from './sidecar';

const ctx = () => ({ signal: new AbortController().signal, progress: () => {} });
const load = (options: ImportOptions) => importFile(options, ctx(), 'd1');

async function refusal(promise: Promise<unknown>): Promise<EngineError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EngineError);
  return err as EngineError;
}

describe('every hostile fixture is refused with its code, or imported with nothing lost', () => {
  for (const want of sidecars(hostileDir)) {
    it(want.file, async () => {
      const file = path.join(hostileDir, want.file);
      if (want.reject) {
        const err = await refusal(load({ path: file }));
        expect(err.code).toBe(want.reason_code);
        if (want.details) expect(err.details).toMatchObject(want.details);
        expect(err.message.length).toBeGreaterThan(40);
        return;
      }
      const { table, summary } = await load({ path: file });
      const got = inspectJson(summary);
      expectMatchesSidecar(got, want);
      // The extra fields of the new problems, and the spot-checked cells, as the sidecar states them.
      for (const w of want.errors!) {
        const g = summary.errors.find((e) => e.row === w.row && e.kind === w.kind && e.column === w.column);
        const { row: _row, kind: _kind, column: _column, ...extra } = w;
        expect(g, `${w.kind} at row ${w.row}`).toMatchObject(extra);
      }
      for (const cell of want.cells ?? []) {
        expect(table.text(cell.column, cell.row - 1)).toBe(cell.value);
        if (cell.number !== undefined) expect(table.numeric(cell.column)![cell.row - 1]).toBe(cell.number);
      }
    });
  }
});

describe('the first line of numbers, by detection and by the header option', () => {
  const headerless = path.join(hostileDir, 'h04_headerless_numeric.csv');

  it('header: true reads it as the header, header: false reads a real header as data', async () => {
    const forced = (await load({ path: headerless, header: true })).summary;
    expect(forced.header).toBe(true);
    expect(forced.rows).toBe(29);
    expect(forced.columns[0].name).toBe('61.4');
    const years = (await load({ path: path.join(hostileDir, 'h05_year_header.csv'), header: false })).summary;
    expect(years.header).toBe(false);
    expect(years.rows).toBe(21);
    expect(years.columns.map((c) => [c.name, c.kind])).toEqual([
      ['Column 1', 'numeric'],
      ['Column 2', 'numeric'],
      ['Column 3', 'numeric'],
    ]);
  });

  it('the preview shows the first line as the first row and says there is no header', async () => {
    const preview = await previewFile({ path: headerless }, ctx());
    expect(preview.hasHeader).toBe(false);
    expect(preview.header).toEqual([]);
    expect(preview.rows[0]).toEqual(['61.4', '32.7', '45.9', '14.8']);
    expect(preview.rows).toHaveLength(30);
    expect(preview.columns.map((c) => c.displayName)).toEqual([
      'Column 1',
      'Column 2',
      'Column 3',
      'Column 4',
    ]);
    const asHeader = await previewFile({ path: headerless, header: true }, ctx());
    expect(asHeader.hasHeader).toBe(true);
    expect(asHeader.header).toEqual(['61.4', '32.7', '45.9', '14.8']);
  });
});

describe('summary rows', () => {
  const totals = path.join(hostileDir, 'h07_total_row.csv');

  it('are left out of the fit values by default and kept with totalRows: keep', async () => {
    const { table, summary } = await load({ path: totals });
    expect(Number.isNaN(table.numeric(2)![24])).toBe(true);
    expect(table.text(2, 24)).toBe(String(summary.columns[2].sum));
    const kept = await load({ path: totals, totalRows: 'keep' });
    expect(kept.summary.errors).toEqual([
      expect.objectContaining({ row: 25, kind: 'total_row', excluded: false }),
    ]);
    // Kept, the total doubles the column's sum and the label makes the id column mixed.
    expect(kept.summary.columns[2].sum).toBe(2 * summary.columns[2].sum!);
    expect(kept.summary.columns[0]).toMatchObject({ kind: 'mixed', nonNumericRows: [25] });
    expect(kept.table.numeric(2)![24]).toBe(summary.columns[2].sum);
  });

  it('are counted in the preview', async () => {
    const preview = await previewFile({ path: path.join(hostileDir, 'h08_subtotals_zh.csv') }, ctx());
    expect(preview.totalRows).toBe(4);
  });
});

describe('the preview refuses what the import refuses', () => {
  it('a NUL byte the sniffing did not see refuses the preview too, with its line', async () => {
    const err = await refusal(previewFile({ path: path.join(hostileDir, 'h03_nul_byte_late.csv') }, ctx()));
    expect(err).toMatchObject({ code: 'not_text', details: { line: 4138 } });
  });
});
