import { describe, expect, it } from 'vitest';
import { ByteScanner } from '../../../../electron/engine/import/byteScanner';
import { DelimitedScanner, QuoteError } from '../../../../electron/engine/import/csvScanner';
import { tableSink } from '../../../../electron/engine/import/tableSink';
import { TableBuilder } from '../../../../shared/data/tableBuilder';

interface Options {
  delimiter?: string;
  decimal?: '.' | ',';
}

/** Small first capacity, so column growth happens inside records too. */
const builder = (decimal: '.' | ',') => new TableBuilder(decimal === ',', (rows) => rows + 3);

/** The byte path fed `step` bytes at a time, the unconsumed rest passed again as readDelimited does. */
function viaBytes(bytes: Buffer, step: number, o: Options = {}) {
  const { delimiter = ',', decimal = '.' } = o;
  const b = builder(decimal);
  const s = new ByteScanner(b, delimiter.charCodeAt(0), decimal.charCodeAt(0), (buf, st, en) =>
    buf.toString('utf8', st, en),
  );
  let rest = Buffer.alloc(0);
  for (let i = 0; ; i += step) {
    const final = i >= bytes.length;
    const buf = Buffer.concat([rest, bytes.subarray(i, i + step)]);
    rest = buf.subarray(s.push(buf, 0, buf.length, final));
    if (final) break;
  }
  return { header: b.header, built: b.finish() };
}

/** The decoded-text path (DelimitedScanner + tableSink), the reference. */
function viaChars(text: string, o: Options = {}) {
  const { delimiter = ',', decimal = '.' } = o;
  const b = builder(decimal);
  new DelimitedScanner(delimiter.charCodeAt(0), tableSink(b), decimal.charCodeAt(0)).push(text, true);
  return { header: b.header, built: b.finish() };
}

function cells(t: ReturnType<typeof viaChars>): string[][] {
  const { table } = t.built;
  return Array.from({ length: table.rowCount }, (_, r) =>
    Array.from({ length: table.columnCount }, (_, c) => table.text(c, r)),
  );
}

function numbers(t: ReturnType<typeof viaChars>): (number[] | null)[] {
  const { table } = t.built;
  return Array.from({ length: table.columnCount }, (_, c) => {
    const v = table.numeric(c);
    return v ? Array.from(v) : null;
  });
}

function expectSameTable(text: string, steps: number[], o: Options = {}): void {
  const want = viaChars(text, o);
  for (const step of steps) {
    const got = viaBytes(Buffer.from(text, 'utf8'), step, o);
    const where = `step ${step}`;
    expect(got.header, where).toEqual(want.header);
    expect(got.built.table.rowCount, where).toBe(want.built.table.rowCount);
    expect(got.built.columns, where).toEqual(want.built.columns);
    expect(got.built.errors, where).toEqual(want.built.errors);
    expect(cells(got), where).toEqual(cells(want));
    expect(numbers(got), where).toEqual(numbers(want));
  }
}

const TRICKY =
  'a,b\r\n"x, y","say ""hi"""\r\n"Line one\nLine two",""\r\n\r\n"Pasted:\n1,2\n\n3",end\r\n"""",x\r\nlast,row';

/** mulberry32, so the generated files are the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CELLS_DOT = [
  '12.5',
  '-3',
  '0',
  '-0',
  '-0.0',
  '007',
  '+4',
  '.5',
  '5.',
  '1e3',
  '1.5E-7',
  '123456789012345',
  '1234567890123456',
  '0.1000000000000000055511151231257827',
  'NA',
  '',
  ' NA ',
  '-',
  'n/a',
  'inf',
  '-Infinity',
  '1e999',
  'café',
  '中文',
  '😀 x',
  '"quoted, with delimiter"',
  '"a ""b"""',
  '"line\nbreak"',
  '"ab"cd',
  ' 7 ',
  '1,5',
  '9007199254740993',
];
const CELLS_COMMA = [
  '12,5',
  '-3',
  '1.234,5',
  '12.342.800',
  '1.200',
  '4,50',
  '0,1',
  '-0,0',
  'x',
  'NA',
  '',
  '1,5e3',
];

function randomFile(seed: number, pool: string[], delimiter: string): string {
  const rand = prng(seed);
  const pick = () => pool[Math.floor(rand() * pool.length)];
  const eols = ['\n', '\r\n', '\r'];
  const eol = eols[seed % 3];
  let text = ['h0', 'h1', '', 'h1', 'h4'].join(delimiter) + eol;
  for (let r = 0; r < 300; r++) {
    const width = rand() < 0.1 ? 1 + Math.floor(rand() * 7) : 5;
    const row: string[] = [];
    for (let c = 0; c < width; c++) row.push(pick());
    text += row.join(delimiter) + eol;
    if (rand() < 0.05) text += eol;
  }
  return text;
}

describe('ByteScanner: the byte path builds the same table as the decoded-text path', () => {
  it('on quoted fields, doubled quotes, line breaks inside quotes and blank lines, at every chunk size', () => {
    expectSameTable(TRICKY, [1, 2, 3, 7, 1000]);
  });

  it('on LF, CRLF and CR-only files with trailing delimiters and a last line without a break', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      expectSameTable(`h1,h2,${eol}1,2,${eol}${eol}3,4${eol}5${eol}${eol}6,7,8,9`, [1, 2, 5, 100]);
    }
  });

  it('on random files of numbers, missing tokens, non-finite, multi-byte text and ragged rows', () => {
    for (let seed = 1; seed <= 6; seed++) {
      expectSameTable(randomFile(seed, CELLS_DOT, ','), [1, 3, 17, 4096]);
      expectSameTable(randomFile(seed + 10, CELLS_DOT, '\t'), [5, 4096], { delimiter: '\t' });
      expectSameTable(randomFile(seed + 20, CELLS_COMMA, ';'), [2, 13, 4096], {
        delimiter: ';',
        decimal: ',',
      });
    }
  });

  it('reads a single-column file (no delimiter)', () => {
    const text = 'x\n1.5\n-2\nNA\n"a,b"\n3';
    const want = viaChars(text, { delimiter: '\u0000' });
    const b = builder('.');
    const s = new ByteScanner(b, -1, 46, (buf, st, en) => buf.toString('utf8', st, en));
    const bytes = Buffer.from(text);
    expect(s.push(bytes, 0, bytes.length, true)).toBe(bytes.length);
    const got = { header: b.header, built: b.finish() };
    expect(cells(got)).toEqual(cells(want));
    expect(numbers(got)).toEqual([[1.5, -2, NaN, NaN, 3]]);
  });

  it('consumes only complete records and says where the incomplete one starts', () => {
    const b = builder('.');
    const s = new ByteScanner(b, 44, 46, (buf, st, en) => buf.toString('utf8', st, en));
    const bytes = Buffer.from('a,b\n1,2\n3,"x\ny');
    expect(s.push(bytes, 0, bytes.length, false)).toBe(8);
    expect(b.rows).toBe(1);
  });
});

describe('numbers read from bytes equal Number() on the cell text (correctly rounded)', () => {
  /** Texts for one column, each with the value Number() gives it. */
  function column(texts: string[]) {
    const got = viaBytes(Buffer.from('x\n' + texts.join('\n') + '\n'), 1 << 16);
    return { values: got.built.table.numeric(0)!, errors: got.built.errors };
  }

  it('on random texts of 1-25 significant digits, with and without point and exponent', () => {
    const rand = prng(99);
    const texts: string[] = [];
    for (let i = 0; i < 30000; i++) {
      const digits = 1 + Math.floor(rand() * (rand() < 0.7 ? 15 : 25));
      let t = String(1 + Math.floor(rand() * 9));
      for (let k = 1; k < digits; k++) t += Math.floor(rand() * 10);
      const dot = Math.floor(rand() * (digits + 1));
      let text = (rand() < 0.5 ? '-' : '') + (dot === 0 ? '0' : t.slice(0, dot)) + '.' + t.slice(dot);
      if (dot === digits) text += '0';
      if (rand() < 0.2) text += 'e' + (Math.floor(rand() * 40) - 20);
      texts.push(text);
    }
    const { values } = column(texts);
    texts.forEach((t, i) => expect(values[i], t).toBe(Number(t)));
  });

  it('on halfway cases, 17+ digits, subnormals and the largest doubles', () => {
    const texts = [
      '9007199254740993', // 2^53 + 1: halfway, rounds to even
      '9007199254740995',
      '0.30000000000000004',
      '2.2250738585072011e-308',
      '2.2250738585072012e-308',
      '4.9406564584124654e-324', // smallest subnormal
      '2.4703282292062328e-324', // just above half of it: rounds up
      '1.7976931348623157e308',
      '1.7976931348623158e308', // rounds down to the largest double
      '123456789012345.6',
      '0.000000000000000000001',
      '999999999999999',
      '99999999999999.99',
    ];
    const { values } = column(texts);
    texts.forEach((t, i) => expect(values[i], t).toBe(Number(t)));
  });

  it('flags literals that overflow a double as non-finite, not as numbers', () => {
    const { values, errors } = column(['1', '1.7976931348623159e308', '1e309', '-2e400']);
    expect(values[0]).toBe(1);
    expect(Array.from(values.subarray(1))).toEqual([NaN, NaN, NaN]);
    expect(errors.filter((e) => e.kind === 'nonfinite').map((e) => e.row)).toEqual([2, 3, 4]);
  });
});

describe('ByteScanner: quotes that would merge lines', () => {
  it('throws QuoteError at the opening quote, with the record row, whatever the chunks', () => {
    const bytes = Buffer.from('a,b\n1,x\n2,"never closed\n3,y\n');
    for (const step of [1, 5, 64]) {
      let err: unknown = null;
      try {
        viaBytes(bytes, step);
      } catch (e) {
        err = e;
      }
      expect(err, `step ${step}`).toBeInstanceOf(QuoteError);
      expect((err as QuoteError).kind).toBe('unterminated');
      expect((err as QuoteError).row).toBe(2);
    }
  });

  it('throws for a multi-line field closed by a quote with text after it (at both quotes), not for a one-line one', () => {
    const text = 'a,b\n1,"stray\n2,x\n3,"here" z\n';
    let err: QuoteError | null = null;
    try {
      viaBytes(Buffer.from(text), 1 << 20);
    } catch (e) {
      err = e as QuoteError;
    }
    expect(err).toMatchObject({ kind: 'irregular', at: text.indexOf('"'), closeAt: text.indexOf('"here') });
    expect(cells(viaBytes(Buffer.from('a,b\n"ab"cd,x\n'), 3))).toEqual([['abcd', 'x']]);
  });
});
