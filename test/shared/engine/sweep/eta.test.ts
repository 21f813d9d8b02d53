import { describe, expect, it } from 'vitest';
import { sweepEtaSeconds } from '../../../../shared/engine/sweep/eta';

describe('sweepEtaSeconds', () => {
  it('is unknown before any work finished', () => {
    expect(sweepEtaSeconds(3, 0, 100)).toBeNull();
  });

  it('applies the observed rate to the cost still to run', () => {
    // 30 of 100 cost units in 6 s: 70 units left at 5 units/s.
    expect(sweepEtaSeconds(6, 30, 100)).toBeCloseTo(14, 12);
  });

  it('is 0 when all work is done and never negative', () => {
    expect(sweepEtaSeconds(5, 100, 100)).toBe(0);
    expect(sweepEtaSeconds(5, 120, 100)).toBe(0);
  });
});
