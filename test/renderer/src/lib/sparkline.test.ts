import { describe, expect, it } from 'vitest';
import { sparklineCounts } from '../../../../renderer/src/lib/sparkline';

describe('sparklineCounts', () => {
  it('bins finite values evenly between min and max, the maximum in the last bin', () => {
    expect(sparklineCounts([0, 1, 2, 3, 4, Number.NaN], 0, 4, 4)).toEqual([1, 1, 1, 2]);
  });
  it('puts a constant column in the middle bin', () => {
    expect(sparklineCounts([5, 5, 5], 5, 5, 5)).toEqual([0, 0, 3, 0, 0]);
  });
});
