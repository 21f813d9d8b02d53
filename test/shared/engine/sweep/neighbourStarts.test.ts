import { describe, expect, it } from 'vitest';
import { mergeStarts, splitStarts } from '../../../../shared/engine/sweep/neighbourStarts';
import type { CovarianceType, GaussianMixtureParams } from '../../../../shared/engine/model/types';

const params = (
  covarianceType: CovarianceType,
  weights: number[],
  means: number[],
  covariances: number[],
  d: number,
): GaussianMixtureParams => ({
  covarianceType,
  nComponents: weights.length,
  nFeatures: d,
  weights: Float64Array.from(weights),
  means: Float64Array.from(means),
  covariances: Float64Array.from(covariances),
  precisionsCholesky: new Float64Array(covariances.length),
});

describe('splitStarts', () => {
  // Component 1 is heavier and elongated along (1, 1)/√2 with variance 8 there.
  const p = params('full', [0.3, 0.7], [0, 0, 10, 10], [1, 0, 0, 1, 4.5, 3.5, 3.5, 4.5], 2);

  it('splits the heaviest, most spread-out component first, along its principal axis by ±½√λ', () => {
    const [start] = splitStarts(p, 1);
    expect(start.weights).toEqual([
      expect.closeTo(0.3, 15),
      expect.closeTo(0.35, 15),
      expect.closeTo(0.35, 15),
    ]);
    // ½ √8 along (1, 1)/√2 is (1, 1).
    const m = start.means as number[][];
    expect(m[0]).toEqual([0, 0]);
    const plus = m[1][0] > 10 ? m[1] : m[2];
    const minus = m[1][0] > 10 ? m[2] : m[1];
    expect(plus[0]).toBeCloseTo(11, 12);
    expect(plus[1]).toBeCloseTo(11, 12);
    expect(minus[0]).toBeCloseTo(9, 12);
    expect(minus[1]).toBeCloseTo(9, 12);
    expect(start.covariances).toEqual([
      [
        [1, 0],
        [0, 1],
      ],
      [
        [4.5, 3.5],
        [3.5, 4.5],
      ],
      [
        [4.5, 3.5],
        [3.5, 4.5],
      ],
    ]);
  });

  it('gives at most one start per component, in candidate order', () => {
    const starts = splitStarts(p, 5);
    expect(starts).toHaveLength(2);
    expect((starts[1].means as number[][])[0][0]).not.toBe(0);
  });

  it("returns scikit-learn's shapes for the fit's type (spherical: one variance per component)", () => {
    const s = params('spherical', [0.5, 0.5], [0, 0, 4, 4], [1, 2], 2);
    const [start] = splitStarts(s, 1);
    expect(start.covariances).toEqual([1, 2, 2]);
    const t = params('tied', [0.5, 0.5], [0, 0, 4, 4], [2, 0, 0, 1], 2);
    expect(splitStarts(t, 1)[0].covariances).toEqual([
      [2, 0],
      [0, 1],
    ]);
  });
});

describe('mergeStarts', () => {
  // Three 1-D components; rows' responsibilities overlap between components 1 and 2 only.
  const p = params('diag', [0.5, 0.25, 0.25], [0, 4, 6], [1, 1, 1], 1);
  const resp = Float64Array.from([1, 0, 0, 1, 0, 0, 0, 0.5, 0.5, 0, 0.6, 0.4, 0, 0.9, 0.1, 0, 0.1, 0.9]);

  it("merges the pair with the largest responsibility overlap first (Ueda's J_merge)", () => {
    const [start] = mergeStarts(p, resp, 1);
    expect(start.weights).toEqual([0.5, 0.5]);
    expect(start.means).toEqual([[0], [5]]);
  });

  it('matches the first two moments of the merged pair', () => {
    const [start] = mergeStarts(p, resp, 1);
    // Equal weights at 4 and 6 with variance 1: mean 5, variance 1 + 1 = 2.
    expect(start.covariances).toEqual([[1], [2]]);
  });

  it('lists at most every pair, and nothing for a single component', () => {
    expect(mergeStarts(p, resp, 10)).toHaveLength(3);
    expect(mergeStarts(params('full', [1], [0], [1], 1), new Float64Array(3).fill(1), 3)).toEqual([]);
  });
});
