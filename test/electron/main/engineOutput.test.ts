import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { OutputTail, readLines, type EngineStream } from '../../../electron/main/engineOutput';

describe('readLines', () => {
  it('splits chunks into lines (CRLF too, UTF-8 split across chunks) and keeps the last ones', async () => {
    const stream = new PassThrough();
    const seen: [EngineStream, string][] = [];
    const tail = new OutputTail(2);
    const flush = readLines(stream, 'stderr', (s, line) => seen.push([s, line]), tail);
    const chinese = Buffer.from('计算\n');
    stream.write('first li');
    stream.write('ne\r\nsecond\n');
    stream.write(chinese.subarray(0, 2));
    stream.write(chinese.subarray(2));
    stream.write('no newline at the end');
    await new Promise((r) => setImmediate(r));
    flush();
    expect(seen).toEqual([
      ['stderr', 'first line'],
      ['stderr', 'second'],
      ['stderr', '计算'],
      ['stderr', 'no newline at the end'],
    ]);
    expect(tail.lines).toEqual(['计算', 'no newline at the end']);
  });

  it('cuts a line that never ends, and survives a sink that throws', async () => {
    const stream = new PassThrough();
    const tail = new OutputTail();
    const lengths: number[] = [];
    readLines(
      stream,
      'stdout',
      (_s, line) => {
        lengths.push(line.length);
        throw new Error('sink closed');
      },
      tail,
    );
    stream.write('z'.repeat(20_000));
    await new Promise((r) => setImmediate(r));
    expect(lengths).toEqual([8192, 8192]);
    expect(tail.lines).toHaveLength(2);
  });
});
