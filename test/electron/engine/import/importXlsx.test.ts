import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateRawSync, constants } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../electron/engine/import/importFile';
import { previewFile } from '../../../../electron/engine/import/previewFile';
import { EngineError } from '../../../../shared/errors';
import { repeatedDeflate, workbookParts, zip, type ZipPart } from '../../../support/zipWriter.mjs';

const tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-xlsx-'));
const ctx = () => ({ signal: new AbortController().signal, progress: () => {} });
let n = 0;

function book(parts: ZipPart[]): string {
  const file = path.join(tmp, `b${n++}.xlsx`);
  writeFileSync(file, zip(parts));
  return file;
}

const load = (file: string) => importFile({ path: file }, ctx(), 'x');

async function refusal(promise: Promise<unknown>): Promise<EngineError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EngineError);
  return err as EngineError;
}

const str = (t: string, r = '') => `<c${r ? ` r="${r}"` : ''} t="inlineStr"><is><t>${t}</t></is></c>`;
const num = (v: string, attrs = '') => `<c${attrs}><v>${v}</v></c>`;
const header = (...names: string[]) => `<row>${names.map((x) => str(x)).join('')}</row>`;

describe('importXlsx: cells as the text Excel would export', () => {
  it('reads every cell type, dates by their style, rich text without phonetic guides', async () => {
    const styles =
      '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts>' +
      '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="2"/></cellXfs></styleSheet>';
    const sheetData =
      header('s', 'rich', 'str', 'b', 'e', 'd', 'n', 'date', 'stamp', 'fixed') +
      '<row>' +
      '<c t="s"><v>1</v></c>' +
      '<c t="inlineStr"><is><r><t>ri</t></r><r><t>ch</t></r><rPh><t>x</t></rPh></is></c>' +
      '<c t="str"><f>A1&amp;"!"</f><v>formula text</v></c>' +
      '<c t="b"><v>1</v></c>' +
      '<c t="e"><v>#N/A</v></c>' +
      '<c t="d"><v>2023-05-01T00:00:00</v></c>' +
      '<c><v>1.5E-3</v></c>' +
      '<c s="1"><v>45047</v></c>' +
      '<c s="2"><v>45047.75</v></c>' +
      '<c s="3"><v>2.5</v></c>' +
      '</row>';
    const { table, summary } = await load(
      book(workbookParts({ sheetData, sharedStrings: ['zero', 'one'], styles })),
    );
    expect(Array.from({ length: 10 }, (_, c) => table.text(c, 0))).toEqual([
      'one',
      'rich',
      'formula text',
      'TRUE',
      '#N/A',
      '2023-05-01T00:00:00',
      '1.5E-3',
      '2023-05-01',
      '2023-05-01 18:00:00',
      '2.5',
    ]);
    expect(summary.columns[4]).toMatchObject({ kind: 'empty', missing: 1 });
    expect(summary.columns[6]).toMatchObject({ kind: 'numeric', sum: 0.0015 });
  });

  it('places cells by reference, and cells without one after the previous cell of the row', async () => {
    const sheetData =
      `<row r="1">${str('a', 'A1')}${str('b')}${str('c', 'C1')}${str('d')}</row>` +
      `<row r="3">${num('1', ' r="B3"')}${num('2')}</row>` +
      `<row>${num('3')}${num('4', ' r="D4"')}</row>`;
    const { table, summary } = await load(book(workbookParts({ sheetData })));
    expect(summary.rows).toBe(2);
    const cells = (r: number) => Array.from({ length: 4 }, (_, c) => table.text(c, r));
    expect(cells(0)).toEqual(['', '1', '2', '']);
    expect(cells(1)).toEqual(['3', '', '', '4']);
  });

  it('reports a value in column XFD as ragged without building 16 384 cells, and refuses such a header', async () => {
    const ragged = await load(
      book(workbookParts({ sheetData: header('a') + `<row>${num('1')}${num('2', ' r="XFD2"')}</row>` })),
    );
    expect(ragged.summary.errors).toEqual([
      { row: 1, kind: 'ragged', expectedFields: 1, foundFields: 16_384 },
    ]);
    const wide = await refusal(
      load(book(workbookParts({ sheetData: `<row>${str('a')}${str('z', 'XFD1')}</row>` }))),
    );
    expect(wide.code).toBe('too_many_columns');
  });

  it('refuses references that are not cells and shared-string indices out of range', async () => {
    for (const ref of ['XFE1', 'A0', '1A']) {
      const err = await refusal(
        load(book(workbookParts({ sheetData: header('a') + `<row>${num('1', ` r="${ref}"`)}</row>` }))),
      );
      expect(err.code, ref).toBe('xlsx_invalid');
    }
    const sst = await refusal(
      load(book(workbookParts({ sheetData: '<row><c t="s"><v>5</v></c></row>', sharedStrings: ['a'] }))),
    );
    expect(sst).toMatchObject({
      code: 'xlsx_invalid',
      message: expect.stringMatching(/shared string "5", but the table holds 1/),
    });
  });

  it('refuses a cell of more than 16 MB', async () => {
    // Letters that do not compress (a run of one letter would be refused as a bomb first).
    const text = randomBytes(12 * 2 ** 20 + 3)
      .toString('base64')
      .replace(/[+/]/g, 'x');
    const sheetData = header('a') + `<row>${str(text)}</row>`;
    const err = await refusal(load(book(workbookParts({ sheetData }))));
    expect(err).toMatchObject({ code: 'xlsx_too_large', details: { limit: 'cell' } });
  });

  it('refuses a ZIP without a workbook, and lists worksheets only (not chart sheets)', async () => {
    const empty = await refusal(load(book([{ name: 'readme.txt', data: 'hello' }])));
    expect(empty.message).toMatch(/without a workbook part/);
    const parts = workbookParts({ sheetData: header('a') + `<row>${num('1')}</row>` });
    const wb = parts.find((p) => p.name === 'xl/workbook.xml')!;
    wb.data = String(wb.data).replace('<sheets>', '<sheets><sheet name="Chart" sheetId="9" r:id="rId9"/>');
    const rels = parts.find((p) => p.name === 'xl/_rels/workbook.xml.rels')!;
    rels.data = String(rels.data).replace(
      '</Relationships>',
      '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/c.xml"/></Relationships>',
    );
    const { summary } = await load(book(parts));
    expect(summary.sheets).toEqual(['Data']);
    expect(summary.sheet).toBe('Data');
  });
});

describe('importXlsx: decompression bombs', () => {
  const head = Buffer.from(
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      header('a', 'b'),
  );
  const cells = Buffer.from('<row><c><v>1</v></c><c><v>2</v></c></row>'.repeat(25_000));

  /** A 1.5 MB workbook whose sheet inflates to ~490 MB, declaring `declared` bytes. */
  function bomb(declared?: number): string {
    const parts = workbookParts({});
    const sheet = parts.find((p) => p.name.endsWith('sheet1.xml'))!;
    sheet.data = undefined;
    const headBlock = deflateRawSync(head, { finishFlush: constants.Z_SYNC_FLUSH });
    sheet.compressed = Buffer.concat([headBlock, repeatedDeflate(cells, 500)]);
    sheet.declaredSize = declared ?? head.length + cells.length * 500;
    sheet.crc = 0;
    return book(parts);
  }

  it('a bomb that declares its size is refused before inflating', async () => {
    const started = performance.now();
    const err = await refusal(load(bomb()));
    expect(err).toMatchObject({ code: 'xlsx_too_large', details: { limit: 'ratio' } });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('a bomb that lies about its size is stopped at the size it declares', async () => {
    // 16 MB declared (the ratio floor): inflated and parsed up to there, then refused.
    const started = performance.now();
    const err = await refusal(load(bomb(16 * 2 ** 20)));
    expect(err.code).toBe('xlsx_invalid');
    expect(err.message).toMatch(/beyond the size its ZIP directory declares/);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('the preview of a big sheet stops reading after its rows', async () => {
    const parts = workbookParts({});
    const sheet = parts.find((p) => p.name.endsWith('sheet1.xml'))!;
    const body = Buffer.concat([
      head,
      Buffer.from(cells.toString().repeat(8)),
      Buffer.from('</sheetData></worksheet>'),
    ]);
    sheet.data = body;
    const started = performance.now();
    const preview = await previewFile({ path: book(parts) }, ctx());
    expect(preview.rows).toHaveLength(50);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
