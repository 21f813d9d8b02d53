import { describe, expect, it } from 'vitest';
import { countUncertain, maxPosterior } from '../../../shared/stats/certainty';

describe('certainty', () => {
  it('takes each row’s largest responsibility', () => {
    const resp = Float64Array.of(0.2, 0.8, 0.5, 0.5, 1, 0);
    expect(Array.from(maxPosterior(resp, 3, 2))).toEqual([0.8, 0.5, 1]);
  });
  it('counts rows strictly below the threshold', () => {
    expect(countUncertain([0.9, 0.89999, 1, 0.5], 0.9)).toBe(2);
  });
});
