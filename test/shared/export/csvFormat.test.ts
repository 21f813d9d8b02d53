import { describe, expect, it } from 'vitest';
import { csvRow, formatNumber, neutralizeFormula, quoteCsvCell } from '../../../shared/export/csvFormat';

describe('CSV cells (RFC 4180)', () => {
  it('quotes only what needs quoting and doubles inner quotes', () => {
    expect(quoteCsvCell('plain', ',')).toBe('plain');
    expect(quoteCsvCell('a,b', ',')).toBe('"a,b"');
    expect(quoteCsvCell('a,b', ';')).toBe('a,b');
    expect(quoteCsvCell('say "hi"', ',')).toBe('"say ""hi"""');
    expect(quoteCsvCell('two\nlines', '\t')).toBe('"two\nlines"');
    expect(quoteCsvCell('cr\r', ',')).toBe('"cr\r"');
    expect(quoteCsvCell(' padded ', ',')).toBe('" padded "');
    expect(quoteCsvCell('', ',')).toBe('');
  });

  it('joins a row with the delimiter', () => {
    expect(csvRow(['1', 'x;y', ''], ';')).toBe('1;"x;y";');
  });

  it('numbers: shortest round-trip text, decimal mark of the source, empty for non-finite', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(Number(formatNumber(1 / 3))).toBe(1 / 3);
    expect(formatNumber(2.5e-8)).toBe('2.5e-8');
    expect(formatNumber(0.75, ',')).toBe('0,75');
    expect(formatNumber(NaN)).toBe('');
  });
});

describe('CSV cells that a spreadsheet would run as formulas', () => {
  it('get a leading apostrophe when they start with = + - @, tab or carriage return', () => {
    expect(neutralizeFormula('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(neutralizeFormula('+SUM(A1)')).toBe(`'+SUM(A1)`);
    expect(neutralizeFormula("-2+3+cmd|' /C calc'!A0")).toBe(`'-2+3+cmd|' /C calc'!A0`);
    expect(neutralizeFormula('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutralizeFormula('\t=1+1')).toBe(`'\t=1+1`);
    expect(neutralizeFormula('\r=1+1')).toBe(`'\r=1+1`);
  });

  it('leave numbers, negative ones included, and ordinary text as they are', () => {
    for (const n of ['-1.5', '+2', '-0,75', '-1e-7', '-.5', '12', '-3.'])
      expect(neutralizeFormula(n)).toBe(n);
    expect(neutralizeFormula('-1 234,5', true)).toBe('-1 234,5');
    for (const t of ['setosa', 'a=b', 'x-1', '', "'quoted"]) expect(neutralizeFormula(t)).toBe(t);
    // A lone sign (the "-" missing-value token) is no formula and is written back as it was.
    expect(neutralizeFormula('-')).toBe('-');
    expect(neutralizeFormula('--')).toBe(`'--`);
  });

  it('always neutralise = and @, even where the importer read a number', () => {
    expect(neutralizeFormula('="007"', true)).toBe(`'="007"`);
  });
});
