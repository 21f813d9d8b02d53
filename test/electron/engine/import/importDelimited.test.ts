import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { importDelimited, type ReadTuning } from '../../../../electron/engine/import/importDelimited';
import type { ImportContext } from '../../../../electron/engine/import/importer';
import { sniffFile } from '../../../../electron/engine/import/sniffFile';
import type { ImportProgress } from '../../../../shared/data/types';
import { EngineError } from '../../../../shared/errors';
import { csvDir, sidecars } from './sidecar';

function context(signal = new AbortController().signal) {
  const progress: ImportProgress[] = [];
  const ctx: ImportContext = { signal, progress: (p) => progress.push(p) };
  return { ctx, progress };
}

/** Everything a user sees of an import: settings, summaries, problems, every cell and number. */
async function imported(file: string, tuning: ReadTuning = {}, encoding?: string) {
  const t = await importDelimited(await sniffFile(file), { path: file, encoding }, context().ctx, tuning);
  const { table } = t;
  return {
    meta: t.meta,
    columns: t.columns,
    errors: t.errors,
    cells: Array.from({ length: table.rowCount }, (_, r) =>
      Array.from({ length: table.columnCount }, (_, c) => table.text(c, r)),
    ),
    numbers: Array.from({ length: table.columnCount }, (_, c) => {
      const v = table.numeric(c);
      return v ? Array.from(v) : null;
    }),
  };
}

const tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-import-delimited-'));

describe('importDelimited: reading by bytes gives what reading decoded text gives', () => {
  for (const want of sidecars().filter((s) => !s.reject)) {
    it(`${want.file}, read in 16-byte, 61-byte and 4 MiB pieces`, async () => {
      const file = path.join(csvDir, want.file);
      const reference = await imported(file, { charPath: true });
      for (const readBytes of [16, 61, undefined]) {
        expect(await imported(file, { readBytes }), `readBytes ${readBytes}`).toEqual(reference);
      }
    });
  }

  it('drops a UTF-8 BOM and keeps a UTF-8 character cut by a read boundary whole', async () => {
    const file = path.join(tmp, 'bom.csv');
    writeFileSync(file, '\ufeffnom,prix\ncafé,1.5\n中文,2\nœuvre,3\n');
    const reference = await imported(file, { charPath: true });
    expect(reference.meta).toMatchObject({ encoding: 'utf-8', bom: true });
    expect(reference.cells[0]).toEqual(['café', '1.5']);
    for (const readBytes of [16, 17, 18, 19, 20])
      expect(await imported(file, { readBytes })).toEqual(reference);
  });

  it('restarts as Windows-1252 when a byte after the detection sample is not UTF-8', async () => {
    const file = path.join(tmp, 'late-latin1.csv');
    const rows = Array.from({ length: 150_000 }, (_, i) => `${i},x`).join('\n');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from(`id,name\n${rows}\n`), Buffer.from([0x39, 0x2c, 0x63, 0xe9, 0x0a])]),
    );
    const got = await imported(file);
    expect(got.meta.encoding).toBe('windows-1252');
    expect(got.cells.at(-1)).toEqual(['9', 'cé']);
    const reference = await imported(file, { charPath: true });
    expect(got.columns).toEqual(reference.columns);
    expect(got.cells.slice(-3)).toEqual(reference.cells.slice(-3));
  });

  it('refuses bytes that are not UTF-8 when the user chose UTF-8', async () => {
    const file = path.join(tmp, 'forced.csv');
    writeFileSync(file, Buffer.concat([Buffer.from('a,b\n1,'), Buffer.from([0xe9]), Buffer.from('\n')]));
    await expect(imported(file, {}, 'utf-8')).rejects.toMatchObject({ code: 'undecodable' });
  });

  it('reports progress per read and stops between reads when cancelled', async () => {
    const file = path.join(tmp, 'long.csv');
    writeFileSync(file, 'a,b\n' + Array.from({ length: 20_000 }, (_, i) => `${i},${i / 4}`).join('\n'));
    const sniffed = await sniffFile(file);
    const done = context();
    await importDelimited(sniffed, { path: file }, done.ctx, { readBytes: 4096 });
    expect(done.progress.length).toBeGreaterThan(10);
    expect(done.progress.at(-1)).toMatchObject({ bytesRead: sniffed.size, rows: 20_000 });

    const controller = new AbortController();
    const ctx: ImportContext = {
      signal: controller.signal,
      progress: (p) => {
        if (p.bytesRead > 20_000) controller.abort();
      },
    };
    await expect(importDelimited(sniffed, { path: file }, ctx, { readBytes: 4096 })).rejects.toMatchObject({
      code: 'cancelled',
    });
  });
});

describe('importDelimited: quotes that would merge lines, and NUL bytes, refused where they are', () => {
  async function refusal(file: string, tuning: ReadTuning = {}, encoding?: string) {
    const err = await importDelimited(
      await sniffFile(file),
      { path: file, encoding },
      context().ctx,
      tuning,
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(EngineError);
    return err as EngineError;
  }

  it('names the line of an unclosed quote by both readers, in any read size, in UTF-8 and GBK', async () => {
    const lines = ['id,name', ...Array.from({ length: 300 }, (_, i) => `${i + 1},名字 ${i + 1}`)];
    lines[201] = '201,"没有结束';
    const utf8 = path.join(tmp, 'open-quote.csv');
    writeFileSync(utf8, lines.join('\r\n') + '\r\n');
    const gbk = path.join(tmp, 'open-quote-gbk.csv');
    writeFileSync(gbk, gbkBytes(lines.join('\r\n') + '\r\n'));
    for (const [file, tuning] of [
      [utf8, { readBytes: 16 }],
      [utf8, {}],
      [utf8, { charPath: true }],
      [gbk, {}],
    ] as const) {
      const err = await refusal(file, tuning);
      expect(err.code, `${file} ${JSON.stringify(tuning)}`).toBe('unterminated_quote');
      expect(err.details).toEqual({ line: 202, row: 201, closeLine: null });
    }
  });

  it('refuses a NUL byte past the sniffed sample with its line, in UTF-8 and UTF-16', async () => {
    const rows = ['a,b', ...Array.from({ length: 20_000 }, (_, i) => `${i},${i * 2}`)];
    const nulAt = rows.length;
    rows.push('1,2\u00003', '4,5');
    const utf8 = path.join(tmp, 'nul.csv');
    writeFileSync(utf8, rows.join('\n'));
    expect((await refusal(utf8)).details).toMatchObject({ line: nulAt + 1 });
    const utf16 = path.join(tmp, 'nul-utf16.csv');
    writeFileSync(
      utf16,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rows.join('\r\n'), 'utf16le')]),
    );
    const err = await refusal(utf16);
    expect(err.code).toBe('not_text');
    const text = rows.join('\r\n');
    expect(err.details).toEqual({
      detected: 'binary',
      line: nulAt + 1,
      byteOffset: 2 + 2 * text.indexOf('\u0000'),
    });
  });
});

/** GBK bytes of a text of ASCII and the few Chinese characters used above. */
function gbkBytes(text: string): Buffer {
  const table: Record<string, number[]> = {
    名: [0xc3, 0xfb],
    字: [0xd7, 0xd6],
    没: [0xc3, 0xbb],
    有: [0xd3, 0xd0],
    结: [0xbd, 0xe1],
    束: [0xca, 0xf8],
  };
  const out: number[] = [];
  for (const ch of text) out.push(...(table[ch] ?? [ch.charCodeAt(0)]));
  return Buffer.from(out);
}
