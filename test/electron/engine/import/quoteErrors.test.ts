import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineAtChar, lineInText } from '../../../../electron/engine/import/quoteErrors';

describe('lines of a character offset', () => {
  const text = 'a\nb\r\nc\rd\n\ne';
  const where = (ch: string) => text.indexOf(ch);

  it('lineInText counts LF, CRLF and lone CR once each', () => {
    expect(['a', 'b', 'c', 'd', 'e'].map((ch) => lineInText(text, where(ch)))).toEqual([1, 2, 3, 4, 6]);
  });

  it('lineAtChar decodes the file again: the same lines in UTF-16 with a BOM', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'mixlab-lines-')), 'u16.txt');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const lines = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((ch) => lineAtChar(file, 'utf-16le', where(ch))),
    );
    expect(lines).toEqual([1, 2, 3, 4, 6]);
  });
});
