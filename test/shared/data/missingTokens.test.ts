import { describe, expect, it } from 'vitest';
import { MISSING_TOKENS, isNonfiniteToken, missingTokenIndex } from '../../../shared/data/missingTokens';

describe('missing tokens (fixture README rules)', () => {
  it.each(['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', '-', '?', '#N/A', '#DIV/0!', '  NA  ', ' '])(
    '%j is missing',
    (t) => {
      expect(missingTokenIndex(t)).toBeGreaterThanOrEqual(0);
    },
  );

  it.each(['n/a', 'None', 'NAN', 'N.A.', '#VALUE!', '#NUM!', '#REF!', '-1.5', '\tNA', 'Null'])(
    '%j is not missing',
    (t) => {
      expect(missingTokenIndex(t)).toBe(-1);
    },
  );

  it('returns the index of the token, so the cell text can be rebuilt', () => {
    expect(MISSING_TOKENS[missingTokenIndex('#DIV/0!')]).toBe('#DIV/0!');
  });

  it.each(['inf', '-inf', 'Inf', '+Infinity', 'INFINITY', ' inf '])('%j is non-finite', (t) => {
    expect(isNonfiniteToken(t)).toBe(true);
  });

  it.each(['nan', 'infinite', 'in', '1e999'])('%j is not a non-finite token', (t) => {
    expect(isNonfiniteToken(t)).toBe(false);
  });

  it('agrees with the plain definitions (trim spaces, look up; one regex) on random short texts', () => {
    const alphabet = [
      ' ',
      'N',
      'A',
      'a',
      'n',
      '/',
      '-',
      '+',
      '?',
      '#',
      'D',
      'I',
      'V',
      '0',
      '!',
      'u',
      'l',
      'L',
      'U',
      'i',
      'f',
      't',
      'y',
      'I',
      'F',
    ];
    let seed = 11;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const texts = [...MISSING_TOKENS, ...MISSING_TOKENS.map((t) => ` ${t}  `), '-inf', ' +Infinity', '+', ''];
    for (let i = 0; i < 20000; i++) {
      let t = '';
      const n = Math.floor(rand() * 10);
      for (let k = 0; k < n; k++) t += alphabet[Math.floor(rand() * alphabet.length)];
      texts.push(t);
    }
    const trim = (t: string) => t.replace(/^ +| +$/g, '');
    for (const t of texts) {
      expect(missingTokenIndex(t), JSON.stringify(t)).toBe(MISSING_TOKENS.indexOf(trim(t)));
      expect(isNonfiniteToken(t), JSON.stringify(t)).toBe(/^[+-]?(inf|infinity)$/i.test(trim(t)));
    }
  });
});
