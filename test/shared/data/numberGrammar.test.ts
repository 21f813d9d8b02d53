import { describe, expect, it } from 'vitest';
import {
  FORMAT_VERBATIM,
  SCAN_NOT_NUMBER,
  SCAN_NUMBER,
  SCAN_OVERFLOW,
  formatNumber,
  scanNumber,
  type NumberScan,
} from '../../../shared/data/numberGrammar';

const scan = (text: string, decimalComma = false) => {
  const out: NumberScan = { value: NaN, format: -1 };
  const status = scanNumber(text, 0, text.length, decimalComma, out);
  return { status, value: out.value, format: out.format };
};

describe('scanNumber, decimal point locale', () => {
  it.each([
    ['+12', 12],
    ['-0', -0],
    ['.5', 0.5],
    ['5.', 5],
    ['-.25', -0.25],
    ['1E+308', 1e308],
    ['2E-5', 2e-5],
    ['1.5e3', 1500],
    // A 30-digit integer: the nearest double, as Number() gives it.
    ['123456789012345678901234567890', Number('123456789012345678901234567890')],
    ['0.1', 0.1],
    ['2.2250738585072014e-308', 2.2250738585072014e-308],
    [' 12.5 ', 12.5],
  ])('reads %s as the correctly rounded double', (text, value) => {
    const r = scan(text);
    expect(r.status).toBe(SCAN_NUMBER);
    expect(Object.is(r.value, value)).toBe(true);
  });

  it.each([
    '',
    '.',
    '+',
    '1,5',
    '1.234,5',
    '1e',
    '0x1F',
    '2021-03-04',
    '14:05',
    '1 000',
    'TRUE',
    '12.5.1',
    'inf',
  ])('rejects %j', (text) => {
    expect(scan(text).status).toBe(SCAN_NOT_NUMBER);
  });

  it('flags a literal that overflows a double as overflow (non-finite)', () => {
    expect(scan('1e999').status).toBe(SCAN_OVERFLOW);
    expect(scan('-1e400').status).toBe(SCAN_OVERFLOW);
  });

  it('matches Number() on random decimal texts (the fast path is correctly rounded)', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 20000; i++) {
      const digits = 1 + Math.floor(rand() * 15);
      let t = '';
      for (let k = 0; k < digits; k++) t += Math.floor(rand() * 10);
      const dot = Math.floor(rand() * (digits + 1));
      const text = (rand() < 0.5 ? '-' : '') + t.slice(0, dot) + '.' + t.slice(dot);
      if (text === '.' || text === '-.') continue;
      expect(scan(text).value).toBe(Number(text));
    }
  });
});

describe('scanNumber, decimal comma locale with "." thousands', () => {
  it.each([
    ['1.234,5', 1234.5],
    ['1.200', 1200],
    ['12.342.800', 12342800],
    ['-14,9', -14.9],
    ['1234,5', 1234.5],
    ['1,5e3', 1500],
  ])('reads %s', (text, value) => {
    expect(scan(text, true)).toMatchObject({ status: SCAN_NUMBER, value });
  });

  it.each(['15.11.2023', '12.5', '1.23', '1234.567', '1,', ',5', '1.234.5'])(
    'rejects %s (groups need 3 digits)',
    (text) => {
      expect(scan(text, true).status).toBe(SCAN_NOT_NUMBER);
    },
  );
});

describe('formatNumber rebuilds the cell text from the value and format', () => {
  it.each([
    ['12.50', false],
    ['-0.001', false],
    ['1234567', false],
    ['99999999999.9999', false],
    ['1.234,50', true],
    ['12.342.800', true],
    ['-1.000,5', true],
    ['4,5', true],
  ])('%s', (text, comma) => {
    const r = scan(text, comma);
    expect(r.format).not.toBe(FORMAT_VERBATIM);
    expect(formatNumber(r.value, r.format, comma)).toBe(text);
  });

  it.each([['+12'], ['.5'], ['5.'], ['007'], ['-0'], ['1e3'], ['1234567890123456'], [' 1 ']])(
    'marks %j verbatim (the value cannot give the text back)',
    (text) => {
      expect(scan(text).format).toBe(FORMAT_VERBATIM);
    },
  );
});
