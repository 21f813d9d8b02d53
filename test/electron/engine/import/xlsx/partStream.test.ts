import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { newBudget, partStream, readPart } from '../../../../../electron/engine/import/xlsx/partStream';
import { XLSX_LIMITS } from '../../../../../electron/engine/import/xlsx/xlsxLimits';
import { ZipArchive } from '../../../../../electron/engine/import/xlsx/zipArchive';
import { EngineError } from '../../../../../shared/errors';
import { repeatedDeflate, zip, type ZipPart } from '../../../../support/zipWriter.mjs';

const tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-part-'));
const signal = new AbortController().signal;
let n = 0;

async function open(part: ZipPart) {
  const bytes = zip([part]);
  const file = path.join(tmp, `p${n++}.zip`);
  writeFileSync(file, bytes);
  const archive = await ZipArchive.open(file, bytes.length);
  return { archive, entry: archive.entries[0] };
}

async function inflated(part: ZipPart, budget = newBudget(), limit = XLSX_LIMITS.partBytes) {
  const { archive, entry } = await open(part);
  let size = 0;
  for await (const chunk of partStream(archive, entry, budget, { limit, signal })) size += chunk.length;
  return size;
}

async function refusal(promise: Promise<unknown>): Promise<EngineError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EngineError);
  return err as EngineError;
}

/** Letters that compress about 1.3 : 1. */
const randomLetters = (n: number): string =>
  randomBytes(Math.ceil((n * 3) / 4))
    .toString('base64')
    .slice(0, n);

const cells = Buffer.from('<row><c><v>1</v></c><c><v>2</v></c></row>'.repeat(25_000));

describe('partStream', () => {
  it('inflates deflated and stored parts, checking size and checksum', async () => {
    const data = 'x'.repeat(100_000) + 'end';
    expect(await inflated({ name: 'a', data })).toBe(100_003);
    expect(await inflated({ name: 'a', data, method: 0 })).toBe(100_003);
    const { archive, entry } = await open({ name: 'a', data });
    expect((await readPart(archive, entry, newBudget(), signal)).toString()).toBe(data);
  });

  it('refuses a bomb from its declared size and ratio before inflating a byte', async () => {
    const compressed = repeatedDeflate(cells, 400);
    const declared = cells.length * 400;
    const started = performance.now();
    const err = await refusal(inflated({ name: 'sheet.xml', compressed, declaredSize: declared, crc: 0 }));
    expect(err).toMatchObject({ code: 'xlsx_too_large', details: { limit: 'ratio', declared } });
    expect(performance.now() - started).toBeLessThan(1000);
    expect((await refusal(inflated({ name: 's', data: 'abc' }, newBudget(), 2))).details).toMatchObject({
      limit: 'part',
    });
    const budget = newBudget();
    budget.inflated = XLSX_LIMITS.totalBytes - 2;
    expect((await refusal(inflated({ name: 's', data: 'abc' }, budget))).details).toMatchObject({
      limit: 'total',
    });
  });

  it('stops a part that lies about its size at the size it declares', async () => {
    const compressed = repeatedDeflate(cells, 400);
    const budget = newBudget();
    const err = await refusal(
      inflated({ name: 'sheet.xml', compressed, declaredSize: 4 << 20, crc: 0 }, budget),
    );
    expect(err.code).toBe('xlsx_invalid');
    expect(err.message).toMatch(/beyond the size its ZIP directory declares/);
    // At most one output chunk (256 KiB) past the declared 4 MiB was inflated.
    expect(budget.inflated).toBeLessThanOrEqual((4 << 20) + 256 * 1024);
  });

  it('inflates a part compressed better than 25 : 1 once, only counting, before yielding a byte', async () => {
    const compressed = repeatedDeflate(cells, 400);
    const { archive, entry } = await open({ name: 'sheet.xml', compressed, declaredSize: 64 << 20, crc: 0 });
    let yielded = 0;
    const err = await refusal(
      (async () => {
        for await (const chunk of partStream(archive, entry, newBudget(), {
          limit: XLSX_LIMITS.partBytes,
          signal,
        }))
          yielded += chunk.length;
      })(),
    );
    expect(err.message).toMatch(/beyond the size its ZIP directory declares/);
    expect(yielded).toBe(0);
    // A part as compressed as real sheets is streamed straight away.
    const plain = await open({ name: 's', data: Buffer.from(randomLetters(20 << 20)) });
    let first = 0;
    for await (const chunk of partStream(plain.archive, plain.entry, newBudget(), {
      limit: XLSX_LIMITS.partBytes,
      signal,
    })) {
      first = chunk.length;
      break;
    }
    expect(first).toBeGreaterThan(0);
  });

  it('refuses a part cut short, damaged, or with a wrong checksum', async () => {
    const data = Buffer.from('y'.repeat(50_000));
    const full = deflateRawSync(data);
    const short = await refusal(inflated({ name: 's', data, compressed: full.subarray(0, full.length - 5) }));
    expect(short).toMatchObject({
      code: 'xlsx_invalid',
      message: expect.stringMatching(/truncated|ends early/),
    });
    const garbage = await refusal(
      inflated({ name: 's', data, compressed: Buffer.from('garbage bytes, not deflate') }),
    );
    expect(garbage).toMatchObject({ code: 'xlsx_invalid', message: expect.stringMatching(/damaged/) });
    const crc = await refusal(inflated({ name: 's', data, crc: 1234 }));
    expect(crc.message).toMatch(/checksum/);
    const tooShort = await refusal(inflated({ name: 's', data, declaredSize: data.length + 10 }));
    expect(tooShort.message).toMatch(/holds 50000 of the 50010 bytes/);
  });

  it('stops inflating when the reader stops early', async () => {
    const { archive, entry } = await open({ name: 'a', data: cells });
    let chunks = 0;
    for await (const _chunk of partStream(archive, entry, newBudget(), {
      limit: XLSX_LIMITS.partBytes,
      signal,
    })) {
      chunks++;
      break;
    }
    expect(chunks).toBe(1);
  });
});
