/**
 * Resource limits on untrusted data files (docs/SECURITY.md, "Resource limits"), through the REAL services and engine
 * process as the app runs them: each hostile file is refused with its code and a message that names
 * the limit and where the file broke it; the engine neither crashes nor restarts, and answers the
 * next request.
 */
import { closeSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/api';
import type { DatasetSummary } from '../../../shared/data/types';
import { fixturesDir } from '../../support/paths';
import { realEngineRouter } from '../../support/services';

const { engine, route } = realEngineRouter();
const tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-limits-'));
// Started before the first test, so each can check that a refusal did not restart it.
beforeAll(async () => expect((await route('getAppInfo', {})).ok).toBe(true));
afterAll(() => {
  engine.dispose();
  rmSync(tmp, { recursive: true, force: true });
});

const GB = 2 ** 30;
const MB = 2 ** 20;
let jobs = 0;
const importFile = (file: string, extra: Record<string, unknown> = {}) =>
  route('importDataset', { jobId: `lim${jobs++}`, options: { path: file, ...extra } });
const previewFile = (file: string) => route('previewDataset', { options: { path: file } });

function refusal(res: Envelope<unknown>): { code: string; message: string } {
  expect(res.ok, JSON.stringify(res).slice(0, 300)).toBe(false);
  return (res as { ok: false; error: { code: string; message: string } }).error;
}

/** A file of `size` bytes that starts with `head` and holds NULs after it, without writing them. */
function sparse(name: string, head: string | Buffer, size: number): string {
  const file = path.join(tmp, name);
  writeFileSync(file, head);
  truncateSync(file, size);
  return file;
}

/** After a refusal the same engine (no restart) still imports a small file. */
async function engineStillServes(generation: number): Promise<void> {
  const res = await importFile(path.join(fixturesDir, 'csv', '01_plain_comma.csv'));
  expect(res.ok).toBe(true);
  expect((res as { value: DatasetSummary }).value.rows).toBeGreaterThan(0);
  expect(engine.generation).toBe(generation);
}

describe('a 20 GB file', () => {
  it('is refused from its size before any byte is read, by import and by preview', async () => {
    const generation = engine.generation;
    const nuls = sparse('nuls-20g.csv', '', 20 * GB);
    const csvHead = sparse('table-then-nuls-20g.csv', 'x,y\n1,2\n3,4\n', 20 * GB);
    for (const file of [nuls, csvHead]) {
      const started = Date.now();
      const error = refusal(await importFile(file));
      expect(error.code).toBe('file_too_large');
      expect(error.message).toBe(
        'The file is 20 GB; Mixture Lab imports files of up to 4 GB, because the whole table is held in memory. Split the file, or export only the rows and columns you need.',
      );
      expect(refusal(await previewFile(file)).code).toBe('file_too_large');
      // Reading 20 GB would take minutes; a size check takes milliseconds (generous bound for CI).
      expect(Date.now() - started).toBeLessThan(5000);
    }
    await engineStillServes(generation);
  });

  it('under the size limit, NULs after a valid first MiB are named as binary data at their byte and line', async () => {
    const generation = engine.generation;
    // 2 MiB of a real table (past the 1 MiB detection sample), then 3 GB of NULs (sparse).
    const rows = ['a,b'];
    for (let chars = 3; chars < 2 * MB; chars += rows.at(-1)!.length + 1)
      rows.push(`${rows.length},${rows.length * 2}`);
    const head = rows.join('\n') + '\n';
    const file = sparse('table-then-nuls-3g.csv', head, 3 * GB);
    const error = refusal(await importFile(file));
    expect(error.code).toBe('not_text');
    const offset = String(Buffer.byteLength(head)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
    const line = String(rows.length + 1).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
    expect(error.message).toBe(
      `This file is not delimited text: from byte ${offset} (line ${line}) on it holds binary data (NUL bytes). Choose a CSV, TSV or .xlsx file, or check that the export finished writing.`,
    );
    await engineStillServes(generation);
  });
});

describe('a CSV with a 100 MB single line', () => {
  const file = path.join(tmp, 'long-line.csv');
  const fd = openSync(file, 'w');
  writeSync(fd, 'id,note\n1,short\n2,');
  const block = Buffer.alloc(MB, '9');
  for (let i = 0; i < 100; i++) writeSync(fd, block);
  writeSync(fd, '\n3,short\n');
  closeSync(fd);

  it('is refused at the 16 MB record limit with its line and row', async () => {
    const generation = engine.generation;
    const error = refusal(await importFile(file));
    expect(error.code).toBe('record_too_long');
    expect(error.message).toBe(
      'Line 3 (data row 2) is longer than 16 MB, the limit for one record. The file is probably not a table, or a quote (") opened there is never closed.',
    );
    await engineStillServes(generation);
  });

  it('is refused by the decoded-text reader too (a legacy encoding), naming the row', async () => {
    const error = refusal(await importFile(file, { encoding: 'gbk' }));
    expect(error.code).toBe('record_too_long');
    expect(error.message).toMatch(/^Data row 2 is longer than 16 MB, the limit for one record\./);
  });

  it('an unclosed quote makes the rest of the file one record: refused the same way', async () => {
    const quoted = path.join(tmp, 'unclosed-quote.csv');
    const rows = ['id,note', '1,"never closed'];
    for (let i = 0, chars = 0; chars < 20 * MB; i++, chars += rows.at(-1)!.length + 1) rows.push(`${i},text`);
    writeFileSync(quoted, rows.join('\n'));
    const error = refusal(await importFile(quoted));
    expect(error.code).toBe('record_too_long');
    expect(error.message).toMatch(/^Line 2 \(data row 1\) is longer than 16 MB/);
  });
});

describe('column count', () => {
  const wide = (name: string, columns: number) => {
    const file = path.join(tmp, name);
    const header = Array.from({ length: columns }, (_, i) => `c${i}`).join(',');
    const row = Array.from({ length: columns }, (_, i) => String(i % 7)).join(',');
    writeFileSync(file, `${header}\n${row}\n${row}\n`);
    return file;
  };

  it('100 000 columns are refused, stating the 10 000-column limit, by import and preview', async () => {
    const generation = engine.generation;
    const file = wide('wide-100k.csv', 100_000);
    const error = refusal(await importFile(file));
    expect(error).toMatchObject({
      code: 'too_many_columns',
      message:
        'The header has 100 000 columns; Mixture Lab reads files of up to 10 000 columns. Keep only the columns you need (for example in a spreadsheet) and import again.',
    });
    expect(refusal(await previewFile(file)).code).toBe('too_many_columns');
    await engineStillServes(generation);
  });

  it('10 000 columns, the limit, import', async () => {
    const res = await importFile(wide('wide-10k.csv', 10_000));
    expect(res.ok).toBe(true);
    const summary = (res as { value: DatasetSummary }).value;
    expect(summary.columns).toHaveLength(10_000);
    expect(summary.rows).toBe(2);
    expect(summary.columns[9_999]).toMatchObject({ name: 'c9999', kind: 'numeric', sum: 2 * (9_999 % 7) });
  });
});
