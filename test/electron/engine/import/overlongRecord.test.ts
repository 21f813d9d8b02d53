import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineAt, openQuoteAt, overlongRecord } from '../../../../electron/engine/import/overlongRecord';

const tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-overlong-'));
const file = (name: string, content: string | Buffer) => {
  const p = path.join(tmp, name);
  writeFileSync(p, content);
  return p;
};

describe('lineAt: the 1-based line of a byte offset', () => {
  it('counts LF, CRLF and lone CR line breaks, each once, across read chunks', async () => {
    const text = 'a\nb\r\nc\rd\n\ne';
    const f = file('breaks.csv', text);
    for (const chunk of [1, 2, 3, 1 << 20]) {
      expect(await lineAt(f, text.indexOf('a'), chunk), `chunk ${chunk}`).toBe(1);
      expect(await lineAt(f, text.indexOf('b'), chunk)).toBe(2);
      expect(await lineAt(f, text.indexOf('c'), chunk)).toBe(3);
      expect(await lineAt(f, text.indexOf('d'), chunk)).toBe(4);
      expect(await lineAt(f, text.indexOf('e'), chunk)).toBe(6);
    }
  });
});

describe('overlongRecord: what the user is told', () => {
  it('a record with NUL bytes is binary data, at the first NUL', async () => {
    const bytes = Buffer.concat([Buffer.from('h\n1\n22'), Buffer.alloc(8)]);
    const f = file('nul.csv', bytes);
    const err = await overlongRecord(f, 4, bytes.subarray(4), 2);
    expect(err).toMatchObject({ code: 'not_text', details: { byteOffset: 6, line: 3 } });
  });

  it('otherwise a record too long, at the line it starts on, or the header', async () => {
    const f = file('long.csv', 'h\n1\n2222222');
    expect(await overlongRecord(f, 4, Buffer.from('2222222'), 2)).toMatchObject({
      code: 'record_too_long',
      message: expect.stringMatching(/^Line 3 \(data row 2\) is longer than 16 MB/),
    });
    expect(await overlongRecord(f, 0, Buffer.from('h'), 0)).toMatchObject({
      message: expect.stringMatching(/^The header \(line 1\) is longer than 16 MB/),
    });
  });
});

describe('overlongRecord: a record that runs on because a quote never closes', () => {
  it('names the line where the quote opened, keeping the record-too-long code', async () => {
    const text = 'h,i\n1,"a\nb\nc\nd';
    const f = file('quote.csv', text);
    const err = await overlongRecord(f, 4, Buffer.from(text.slice(4)), 1, 44);
    expect(err.code).toBe('record_too_long');
    expect(err.message).toMatch(
      /^Line 2 \(data row 1\) is longer than 16 MB, the limit for one record\. The quote \(".*line 2 is never closed/,
    );
    expect(err.details).toMatchObject({ quoteLine: 2 });
  });

  it('openQuoteAt: a quote still open at the end, not one closed or escaped', () => {
    expect(openQuoteAt(Buffer.from('1,"a""b",c'), 44)).toBe(-1);
    expect(openQuoteAt(Buffer.from('1,"a""b\nc'), 44)).toBe(2);
    expect(openQuoteAt(Buffer.from('1,"x"y,"z'), 44)).toBe(7);
    expect(openQuoteAt(Buffer.from('1,a"b,c'), 44)).toBe(-1);
  });
});
