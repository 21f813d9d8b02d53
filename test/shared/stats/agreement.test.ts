import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, contingencyTable, normalizedMutualInfo } from '../../../shared/stats/agreement';

/** Codes 0 … max of a label vector, as the table wants them. */
const table = (a: number[], b: number[]) => contingencyTable(a, b, Math.max(...a) + 1, Math.max(...b) + 1);

/**
 * scikit-learn 1.2.1 adjusted_rand_score / normalized_mutual_info_score (average_method
 * 'arithmetic') on these label vectors, printed with repr().
 */
const SKLEARN: Record<string, { a: number[]; b: number[]; ari: number; nmi: number }> = {
  hand: { a: [0, 0, 0, 1, 1, 1], b: [0, 0, 1, 1, 2, 2], ari: 0.24242424242424243, nmi: 0.5158037429793888 },
  renamed: { a: [0, 0, 1, 1, 2, 2], b: [2, 2, 0, 0, 1, 1], ari: 1.0, nmi: 1.0 },
  independent: { a: [0, 0, 1, 1], b: [0, 1, 0, 1], ari: -0.5, nmi: 0.0 },
  uneven: {
    a: [0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2],
    b: [1, 1, 1, 0, 0, 0, 0, 2, 2, 2, 2, 1],
    ari: 0.5119453924914675,
    nmi: 0.6457828916138151,
  },
  bothSingle: { a: [0, 0, 0], b: [0, 0, 0], ari: 1.0, nmi: 1.0 },
  oneVsEach: { a: [0, 0, 0, 0], b: [0, 1, 2, 3], ari: 0.0, nmi: 0.0 },
};

describe('contingencyTable', () => {
  it('counts pairs with row and column totals and leaves out rows with a missing code', () => {
    const t = contingencyTable([0, 0, 1, 1, 1, 0], [1, 0, 1, 1, -1, 1], 2, 2);
    expect(Array.from(t.counts)).toEqual([1, 2, 0, 2]);
    expect(Array.from(t.rowSums)).toEqual([3, 2]);
    expect(Array.from(t.colSums)).toEqual([1, 4]);
    expect(t.n).toBe(5);
    expect(t.missing).toBe(1);
  });
});

describe('adjustedRandIndex', () => {
  it('matches the hand computation on a 2 × 3 table', () => {
    // Table [[2,1,0],[0,1,2]]: Σ C(n_ij,2) = 2; rows 3,3 → 6; columns 2,2,2 → 3; C(6,2) = 15.
    // expected = 6·3/15 = 1.2, max = (6+3)/2 = 4.5, ARI = (2 − 1.2)/(4.5 − 1.2) = 8/33.
    expect(adjustedRandIndex(table([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]))).toBeCloseTo(8 / 33, 15);
  });

  for (const [name, c] of Object.entries(SKLEARN))
    it(`agrees with scikit-learn's adjusted_rand_score (${name})`, () => {
      expect(adjustedRandIndex(table(c.a, c.b))).toBeCloseTo(c.ari, 12);
    });

  it('is symmetric in its two labellings', () => {
    const c = SKLEARN.uneven;
    expect(adjustedRandIndex(table(c.b, c.a))).toBeCloseTo(c.ari, 12);
  });
});

describe('normalizedMutualInfo', () => {
  it('matches the hand computation on a 2 × 3 table', () => {
    // MI = 2·(2/6)ln(6·2/(3·2)) + 2·(1/6)ln(6·1/(3·2)) = (2/3) ln 2; H(a) = ln 2, H(b) = ln 3.
    const expected = ((2 / 3) * Math.LN2) / ((Math.LN2 + Math.log(3)) / 2);
    expect(normalizedMutualInfo(table([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]))).toBeCloseTo(expected, 15);
  });

  for (const [name, c] of Object.entries(SKLEARN))
    it(`agrees with scikit-learn's normalized_mutual_info_score (${name})`, () => {
      expect(normalizedMutualInfo(table(c.a, c.b))).toBeCloseTo(c.nmi, 12);
    });
});
