import { describe, expect, it } from 'vitest';
import { ExactSum } from '../../../shared/data/exactSum';

const fsum = (xs: number[]): number => {
  const s = new ExactSum();
  for (const x of xs) s.add(x);
  return s.value();
};

describe('ExactSum (Shewchuk partials, as math.fsum)', () => {
  it('sums exactly where naive addition loses everything', () => {
    expect(fsum([1e100, 1, -1e100])).toBe(1);
    // The exact sum of the four doubles (0.1 etc. are not exact), rounded once: Python's value.
    expect(fsum([0.1, 0.2, 0.3, -0.6])).toBe(2.7755575615628914e-17);
  });

  it('gives Python math.fsum results', () => {
    // Values from Python: math.fsum([0.1] * 10) == 1.0; math.fsum([1, 1e-16, 1e-16]) == 1.0000000000000002
    expect(fsum(new Array(10).fill(0.1))).toBe(1);
    expect(fsum([1, 1e-16, 1e-16])).toBe(1.0000000000000002);
    expect(fsum([1e308, -5e307, 1e25])).toBe(5e307);
  });

  it('rounds half-way cases to even once (the fsum correction)', () => {
    // 1 + 2^-53 is exactly half an ulp above 1; the extra 2^-106 pushes it over the tie.
    expect(fsum([1, 2 ** -53, 2 ** -106])).toBe(1 + 2 ** -52);
    expect(fsum([1, 2 ** -53])).toBe(1);
  });

  it('does not depend on the order of the values', () => {
    const xs = Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 10 ** ((i % 17) - 8));
    const forward = fsum(xs);
    expect(fsum([...xs].reverse())).toBe(forward);
    expect(fsum([...xs].sort((a, b) => a - b))).toBe(forward);
  });
});
