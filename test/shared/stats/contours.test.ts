import { describe, expect, it } from 'vitest';
import { contourSegments } from '../../../shared/stats/contours';
import { linspace } from '../../../shared/stats/density2d';

function grid(f: (x: number, y: number) => number, xs: Float64Array, ys: Float64Array) {
  const v = new Float64Array(xs.length * ys.length);
  for (let r = 0; r < ys.length; r++)
    for (let c = 0; c < xs.length; c++) v[r * xs.length + c] = f(xs[c], ys[r]);
  return v;
}

describe('contourSegments', () => {
  it('traces a circle: every end point lies on the level set of x² + y²', () => {
    const xs = linspace(-2, 2, 81);
    const ys = linspace(-2, 2, 81);
    const segments = contourSegments(
      xs,
      ys,
      grid((x, y) => x * x + y * y, xs, ys),
      1,
    );
    expect(segments.length).toBeGreaterThan(40);
    for (const [x0, y0, x1, y1] of segments) {
      // Linear interpolation of a quadratic on a 0.05 grid: within 0.0025 of the unit circle.
      expect(Math.abs(Math.hypot(x0, y0) - 1)).toBeLessThan(0.0025);
      expect(Math.abs(Math.hypot(x1, y1) - 1)).toBeLessThan(0.0025);
    }
    // The circle is closed: its length is 2π to within the chords' shortfall.
    const length = segments.reduce((s, [a, b, c, d]) => s + Math.hypot(c - a, d - b), 0);
    expect(length).toBeCloseTo(2 * Math.PI, 2);
  });

  it('finds nothing when the level is above or below the whole grid', () => {
    const xs = linspace(0, 1, 3);
    const v = grid((x, y) => x + y, xs, xs);
    expect(contourSegments(xs, xs, v, 5)).toEqual([]);
    expect(contourSegments(xs, xs, v, -1)).toEqual([]);
  });

  it('separates the two above-corners of a saddle cell whose centre is below the level', () => {
    // Corners bottom-left and top-right at 1, the others at 0, centre 0.5 < 0.6: two corner cuts.
    const segments = contourSegments([0, 1], [0, 1], [1, 0, 0, 1], 0.6);
    expect(segments).toHaveLength(2);
    for (const [x0, y0, x1, y1] of segments) {
      const nearBottomLeft = x0 + y0 < 1 && x1 + y1 < 1;
      const nearTopRight = x0 + y0 > 1 && x1 + y1 > 1;
      expect(nearBottomLeft || nearTopRight).toBe(true);
    }
  });
});
