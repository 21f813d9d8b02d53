/** The seedable generator: xoshiro128** as published, reproducible from a seed, uniform. */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../shared/engine/model/rng';

describe('Rng', () => {
  it('produces the reference xoshiro128** stream from state (1, 2, 3, 4)', () => {
    // Values from an independent Python transcription of Blackman & Vigna's xoshiro128starstar.c.
    const rng = Rng.fromState(1, 2, 3, 4);
    expect(Array.from({ length: 6 }, () => rng.nextUint32())).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492,
    ]);
  });

  it('repeats a stream for the same seed and differs for another seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const sa = Array.from({ length: 20 }, () => a.random());
    expect(Array.from({ length: 20 }, () => b.random())).toEqual(sa);
    expect(Array.from({ length: 20 }, () => c.random())).not.toEqual(sa);
  });

  it('draws uniforms in [0, 1) with mean ½ and variance 1/12, integers in range, normals with mean 0 and variance 1', () => {
    const rng = new Rng(7);
    const n = 200000;
    let s = 0;
    let s2 = 0;
    let z = 0;
    let z2 = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.random();
      expect(u >= 0 && u < 1).toBe(true);
      s += u;
      s2 += u * u;
      const g = rng.normal();
      z += g;
      z2 += g * g;
      const k = rng.int(7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
    }
    expect(Math.abs(s / n - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(s2 / n - (s / n) ** 2 - 1 / 12)).toBeLessThan(0.002);
    expect(Math.abs(z / n)).toBeLessThan(0.01);
    expect(Math.abs(z2 / n - 1)).toBeLessThan(0.02);
  });
});
