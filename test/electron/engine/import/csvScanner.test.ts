import { describe, expect, it } from 'vitest';
import { DelimitedScanner, QuoteError, recordTexts } from '../../../../electron/engine/import/csvScanner';

/** Records of `text` fed in pieces of `step` characters (1 = the worst chunk boundaries). */
function records(text: string, step = text.length || 1, delimiter = ',', decimal = -1): string[][] {
  const out: string[][] = [];
  const s = new DelimitedScanner(
    delimiter.charCodeAt(0),
    {
      record(buf, starts, ends, flags, n) {
        out.push(recordTexts(buf, starts, ends, flags, n));
        return true;
      },
    },
    decimal,
  );
  for (let i = 0; i < text.length; i += step) s.push(text.slice(i, i + step), false);
  s.push('', true);
  return out;
}

const TRICKY =
  'a,b\r\n"x, y","say ""hi"""\r\n"Line one\nLine two",""\r\n\r\n"Pasted:\n1,2\n\n3",end\r\n"""",x\r\nlast,row';

describe('DelimitedScanner (RFC 4180 as Python csv reads it)', () => {
  it('splits quoted fields with delimiters, doubled quotes, line breaks and blank lines inside', () => {
    expect(records(TRICKY)).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['Line one\nLine two', ''],
      ['Pasted:\n1,2\n\n3', 'end'],
      ['"', 'x'],
      ['last', 'row'],
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const whole = records(TRICKY);
    for (const step of [1, 2, 3, 7]) expect(records(TRICKY, step)).toEqual(whole);
  });

  it('reads LF, CRLF and CR-only line endings and skips empty lines', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      expect(records(`h1,h2${eol}1,2${eol}${eol}3,4${eol}${eol}${eol}`, 1)).toEqual([
        ['h1', 'h2'],
        ['1', '2'],
        ['3', '4'],
      ]);
    }
  });

  it('keeps a trailing delimiter as an empty last field, and text after a closing quote literally', () => {
    expect(records('a,b,\n1,2,\n"ab"cd,x')).toEqual([
      ['a', 'b', ''],
      ['1', '2', ''],
      ['abcd', 'x'],
    ]);
  });

  it('pre-parses plain numbers while scanning, and only those', () => {
    const seen: number[] = [];
    const s = new DelimitedScanner(
      59,
      {
        record(_b, _s, _e, _f, n, values, formats) {
          for (let i = 0; i < n; i++) seen.push(formats[i] >= 0 ? values[i] : NaN);
          return true;
        },
      },
      44,
    );
    s.push('12,5;-3;007;1.200;+4;x;"9"\n', true);
    expect(seen).toEqual([12.5, -3, NaN, NaN, NaN, NaN, NaN]);
  });
});

describe('DelimitedScanner with strict quotes (the import and the preview)', () => {
  const strict = (text: string, step = text.length || 1) => {
    const out: string[][] = [];
    const s = new DelimitedScanner(
      44,
      {
        record(buf, starts, ends, flags, n) {
          out.push(recordTexts(buf, starts, ends, flags, n));
          return true;
        },
      },
      -1,
      true,
    );
    let scanned = '';
    try {
      for (let i = 0; i < text.length; i += step) {
        scanned = scanned.slice(scanned.length - s.pendingLength) + text.slice(i, i + step);
        s.push(text.slice(i, i + step), false);
      }
      scanned = scanned.slice(scanned.length - s.pendingLength);
      s.push('', true);
      return { records: out };
    } catch (err) {
      // Positions are in the text the failing push scanned: the carried rest, then the chunk.
      const e = err as QuoteError;
      return { records: out, kind: e.kind, at: scanned[e.at], quoteText: scanned.slice(e.at, e.at + 12) };
    }
  };

  it('refuses a quote never closed, at that quote, whatever the chunks; lenient detection runs it to the end', () => {
    const text = 'a,b\n1,x\n2,"open\n3,y\n4,z\n';
    for (const step of [1, 3, 7, text.length]) {
      const got = strict(text, step);
      expect(got.kind, `step ${step}`).toBe('unterminated');
      expect(got.quoteText).toBe('"open\n3,y\n4,');
      expect(got.records).toEqual([
        ['a', 'b'],
        ['1', 'x'],
      ]);
    }
    expect(records(text)).toEqual([
      ['a', 'b'],
      ['1', 'x'],
      ['2', 'open\n3,y\n4,z\n'],
    ]);
  });

  it('refuses a field spanning lines whose closing quote has text after it; keeps the legitimate cases', () => {
    expect(strict('a,b\n1,"stray\n2,x\n3,y "here" z\n').kind).toBe('irregular');
    expect(strict(TRICKY).records).toEqual(records(TRICKY));
    expect(strict('a,b\n"ab"cd,x\n').records).toEqual([
      ['a', 'b'],
      ['abcd', 'x'],
    ]);
    expect(strict('a\n"ends with quote"').records).toEqual([['a'], ['ends with quote']]);
  });
});
