import { describe, expect, it } from 'vitest';
import { detectDecimal, detectDelimiter } from '../../../../electron/engine/import/detectDialect';

describe('detectDelimiter', () => {
  it('prefers the split whose field counts agree, header included', () => {
    const tsv = 'name\tage\tcity\nSmith, John\t41\tLeeds\nDoe, Jane\t37\tYork\n';
    expect(detectDelimiter(tsv, true, '.txt')).toBe('\t');
    expect(detectDelimiter('a;b;c\n1,5;2;x\n3,25;4;y\n', true, '.csv')).toBe(';');
    expect(detectDelimiter('a|b\n1|2\n', true, '.csv')).toBe('|');
  });

  it('respects quotes', () => {
    expect(detectDelimiter('"a;1","b;2"\n"c;3","d;4"\n"e;5","f;6"\n', true, '.csv')).toBe(',');
  });

  it('returns null for a single-column file', () => {
    expect(detectDelimiter('value\n1.5\n2.5\n', true, '.csv')).toBeNull();
  });
});

describe('detectDecimal', () => {
  it('votes with the cells that only one locale reads as numbers', () => {
    expect(detectDecimal('a;b\n1.234,5;x\n4,5;y\n', ';', true)).toBe(',');
    expect(detectDecimal('a;b\n12.5;x\n3.25;y\n', ';', true)).toBe('.');
    expect(detectDecimal('a\tb\n1,5\t2,25\n', '\t', true)).toBe(',');
  });

  it('never picks a decimal comma in a comma-delimited file', () => {
    expect(detectDecimal('a,b\n1,2\n', ',', true)).toBe('.');
  });
});
