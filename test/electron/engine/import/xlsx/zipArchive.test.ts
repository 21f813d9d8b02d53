import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZipArchive } from '../../../../../electron/engine/import/xlsx/zipArchive';
import { EngineError } from '../../../../../shared/errors';
import { zip } from '../../../../support/zipWriter.mjs';

const tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-zip-'));
let n = 0;
const archive = (bytes: Buffer) => {
  const file = path.join(tmp, `a${n++}.zip`);
  writeFileSync(file, bytes);
  return ZipArchive.open(file, bytes.length);
};

async function refusal(bytes: Buffer): Promise<EngineError> {
  const err = await archive(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EngineError);
  expect((err as EngineError).code).toBe('xlsx_invalid');
  return err as EngineError;
}

describe('ZipArchive', () => {
  const parts = [
    { name: 'xl/workbook.xml', data: '<workbook/>' },
    { name: 'Stored.txt', data: 'plain', method: 0 },
  ];

  it('lists the parts from the central directory, names case-insensitively', async () => {
    const a = await archive(zip(parts));
    expect(a.entries.map((e) => [e.name, e.method, e.size])).toEqual([
      ['xl/workbook.xml', 8, 11],
      ['Stored.txt', 0, 5],
    ]);
    expect(a.entry('/XL/Workbook.xml')?.name).toBe('xl/workbook.xml');
    expect(a.entry('missing.xml')).toBeNull();
    const stored = a.entry('stored.txt')!;
    expect(await a.dataOffset(stored)).toBe(a.entries[0].compressedSize + 30 + 15 + 30 + 10);
  });

  it('refuses a truncated archive, bytes that are not one, and a comment that hides the end', async () => {
    const whole = zip(parts);
    for (const cut of [whole.length - 1, whole.length - 30, 40, 4]) {
      expect((await refusal(whole.subarray(0, cut))).message).toMatch(/truncated|damaged/);
    }
    await refusal(Buffer.from('PK\x03\x04 but nothing else of a zip'));
  });

  it('refuses encrypted parts, other compression methods and a directory pointing outside the file', async () => {
    expect((await refusal(zip([{ name: 'a.xml', data: 'x', flags: 1 }]))).message).toMatch(/encrypted/);
    expect((await refusal(zip([{ name: 'a.xml', data: 'x', method: 12 }]))).message).toMatch(/method 12/);
    const bytes = zip(parts);
    // The first entry's local-header offset (central directory + 42) moved past the end.
    const directory = bytes.readUInt32LE(bytes.length - 22 + 16);
    bytes.writeUInt32LE(bytes.length + 100, directory + 42);
    expect((await refusal(bytes)).message).toMatch(/lies outside/);
  });

  it('refuses ZIP64 and multi-disk archives with a reason', async () => {
    const zip64 = zip(parts);
    zip64.writeUInt16LE(0xffff, zip64.length - 22 + 10);
    expect((await refusal(zip64)).message).toMatch(/ZIP64/);
    const split = zip(parts);
    split.writeUInt16LE(1, split.length - 22 + 4);
    expect((await refusal(split)).message).toMatch(/split/);
  });
});
