/** The E-step's exp agrees with Math.exp to a few units in the last place over x ≤ 0. */
import { describe, expect, it } from 'vitest';
import { expNonPositive } from '../../../../shared/engine/compute/expNonPositive';
import { Rng } from '../../../../shared/engine/model/rng';

describe('expNonPositive', () => {
  it('is within 3 ulp (relative 6.7e-16) of Math.exp for normal results', () => {
    const rng = new Rng(1);
    let worst = 0;
    for (let i = 0; i < 200000; i++) {
      const x = i < 100000 ? -rng.random() * 700 : -rng.random() * 2; // the whole range, and near 0 densely
      const e = Math.exp(x);
      worst = Math.max(worst, Math.abs(expNonPositive(x) - e) / e);
    }
    expect(worst).toBeLessThan(3 * 2.220446049250313e-16);
  });

  it('is exact at 0, 0 below the underflow threshold and for −Infinity, and monotone across table boundaries', () => {
    expect(expNonPositive(0)).toBe(1);
    expect(expNonPositive(-0)).toBe(1);
    expect(expNonPositive(-746)).toBe(0);
    expect(expNonPositive(-Infinity)).toBe(0);
    expect(expNonPositive(-700)).toBeGreaterThan(0);
    let previous = Infinity;
    for (let x = 0; x > -20; x -= Math.LN2 / 256 / 3) {
      const v = expNonPositive(x);
      expect(v).toBeLessThanOrEqual(previous);
      previous = v;
    }
  });
});
