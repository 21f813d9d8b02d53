/** The E-step's log of Σ exp(w − max) ∈ [1, K] agrees with Math.log to the last place or two. */
import { describe, expect, it } from 'vitest';
import { logAtLeastOne } from '../../../../shared/engine/compute/logAtLeastOne';
import { Rng } from '../../../../shared/engine/model/rng';

/** Distance in units in the last place between two positive doubles (same binade or neighbours). */
function ulps(a: number, b: number): number {
  const bits = new BigInt64Array(new Float64Array([a, b]).buffer);
  return Math.abs(Number(bits[0] - bits[1]));
}

describe('logAtLeastOne', () => {
  it('is within 2 ulp of Math.log on [1, 64), densely near 1 where the result is small', () => {
    const rng = new Rng(2);
    let worst = 0;
    for (let i = 0; i < 200000; i++) {
      const s = i < 100000 ? 1 + 63 * rng.random() : 1 + Math.pow(2, -50 * rng.random()) * rng.random();
      worst = Math.max(worst, ulps(logAtLeastOne(s), Math.log(s)));
    }
    expect(worst).toBeLessThanOrEqual(2);
  });

  it('is exact at 1 and at powers of two, monotone across table boundaries, and Math.log outside [1, 64)', () => {
    expect(logAtLeastOne(1)).toBe(0);
    for (const s of [2, 4, 8, 32]) expect(logAtLeastOne(s)).toBe(Math.log(s));
    for (const s of [64, 100, 0.5, 0]) expect(logAtLeastOne(s)).toBe(Math.log(s));
    expect(logAtLeastOne(NaN)).toBeNaN();
    let previous = -Infinity;
    for (let s = 1; s < 3; s += 1 / 128 / 3) {
      const v = logAtLeastOne(s);
      expect(v).toBeGreaterThanOrEqual(previous);
      previous = v;
    }
  });
});
