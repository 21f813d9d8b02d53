/**
 * Label exports of a file whose text cells look like spreadsheet formulas (OWASP "CSV Injection"),
 * through `mixlab fit --labels` as a user runs it: in CSV every such text cell starts with an
 * apostrophe, numbers (negative ones too) stay numbers; in .xlsx the cells stay text cells (no
 * formula element anywhere) holding the original text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runMixlab } from '../support/mixlabCli';
import { ZipArchive } from '../../electron/engine/import/xlsx/zipArchive';
import { newBudget, readPart } from '../../electron/engine/import/xlsx/partStream';

const NOTES = [
  '=HYPERLINK("http://example.invalid","click")',
  '+1+1',
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
  'plain text',
  '-',
];
const X = ['1.5', '-3', '2.25', '-0.5', '3', '-1e-3', '2', '4'];
const Y = ['-2.5', '4', '-1', '2', '-4', '5', '3', '-6'];

let tmp: string;
let data: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-formula-'));
  data = path.join(tmp, 'notes.csv');
  const quote = (t: string) => `"${t.replaceAll('"', '""')}"`;
  const lines = ['=id,note,x,y', ...NOTES.map((n, i) => `${i + 1},${quote(n)},${X[i]},${Y[i]}`)];
  writeFileSync(data, lines.join('\n') + '\n');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The cells of our CSV export (RFC 4180, CRLF rows; quoted cells may hold CR, LF and commas). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('formula-like text cells in label exports', () => {
  it('CSV: a leading apostrophe on each, none on numbers or ordinary text', () => {
    const out = path.join(tmp, 'labels.csv');
    const res = runMixlab([
      'fit',
      data,
      '--columns',
      'x,y',
      '--k',
      '2',
      '--labels',
      out,
      '--encoding',
      'utf-8',
    ]);
    expect(res.status, res.stderr).toBe(0);
    const [header, ...rows] = parseCsv(readFileSync(out, 'utf8'));
    expect(header).toEqual(["'=id", 'note', 'x', 'y', 'cluster', 'probability']);
    expect(rows.map((r) => r[1])).toEqual([
      `'=HYPERLINK("http://example.invalid","click")`,
      "'+1+1",
      "'-2+3+cmd|' /C calc'!A0",
      "'@SUM(A1:A9)",
      "'\t=1+1",
      "'\r=1+1",
      'plain text',
      '-',
    ]);
    expect(rows.map((r) => r[2])).toEqual(X);
    expect(rows.map((r) => r[3])).toEqual(Y);
    for (const r of rows) expect(r[4]).toMatch(/^[12]$/);
  });

  it('XLSX: text cells with the original text, no formula anywhere; numbers are numbers', async () => {
    const out = path.join(tmp, 'labels.xlsx');
    const res = runMixlab(['fit', data, '--columns', 'x,y', '--k', '2', '--labels', out]);
    expect(res.status, res.stderr).toBe(0);
    const archive = await ZipArchive.open(out, statSync(out).size);
    const sheet = (
      await readPart(
        archive,
        archive.entry('xl/worksheets/sheet1.xml')!,
        newBudget(),
        new AbortController().signal,
      )
    ).toString('utf8');
    expect(sheet).not.toMatch(/<f[\s>]/);
    const cell = (ref: string) => {
      const m = new RegExp(`<c r="${ref}"([^>]*)>(?:<v>([^<]*)</v>|<is><t[^>]*>([^<]*)</t></is>)</c>`).exec(
        sheet,
      );
      expect(m, ref).not.toBeNull();
      return {
        attrs: m![1],
        text: (m![2] ?? m![3]).replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&'),
      };
    };
    expect(cell('A1')).toMatchObject({ text: '=id' });
    expect(cell('A1').attrs).toMatch(/t="(str|s|inlineStr)"/);
    NOTES.slice(0, 4).forEach((note, i) => {
      const c = cell(`B${i + 2}`);
      expect(c.attrs, note).toMatch(/t="(str|inlineStr)"/);
      expect(c.text).toBe(note);
    });
    // Negative numbers stay numbers (no type attribute: a number cell).
    expect(cell('C3')).toEqual({ attrs: '', text: '-3' });
    expect(cell('D2')).toEqual({ attrs: '', text: '-2.5' });
  });
});
