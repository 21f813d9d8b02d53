import { describe, expect, it } from 'vitest';
import { csvRow, formatNumber, quoteCsvCell } from '../../../shared/export/csvFormat';

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
