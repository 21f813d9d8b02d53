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
});
