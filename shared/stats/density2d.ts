/**
 * The fitted mixture's density on the scatter's two axes, on a grid, for contour lines. A linear
 * projection of a Gaussian is Gaussian, so on either kind of axes (./componentGeometry.ts: two
 * display-unit features, or two principal components) component k is N(center_k, Σ₂,k) and
 *   p(x, y) = Σ_k w_k N((x, y) | center_k, Σ₂,k),
 * the exact marginal of the mixture on that plane.
 *
 * Shapes: grid values are ny × nx, row-major, value[r·nx + c] at (xs[c], ys[r]).
 */
import type { Covariance2 } from './ellipse';

export interface PlaneComponent {
  weight: number;
  center: [number, number];
  covariance: Covariance2;
}

export interface DensityGrid {
  xs: Float64Array;
  ys: Float64Array;
  /** ny × nx */
  values: Float64Array;
}

/** n evenly spaced values from a to b. */
export function linspace(a: number, b: number, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => (n === 1 ? a : a + ((b - a) * i) / (n - 1)));
}

/** Σ_k w_k N(·) on the grid xs × ys. A singular 2 × 2 covariance contributes nothing (no density). */
export function mixtureDensityGrid(
  components: readonly PlaneComponent[],
  xs: Float64Array,
  ys: Float64Array,
): DensityGrid {
  const values = new Float64Array(xs.length * ys.length);
  for (const c of components) {
    const { xx, xy, yy } = c.covariance;
    const det = xx * yy - xy * xy;
    if (!(det > 0)) continue;
    // Inverse of [[xx, xy], [xy, yy]] is [[yy, −xy], [−xy, xx]] / det.
    const norm = c.weight / (2 * Math.PI * Math.sqrt(det));
    for (let r = 0; r < ys.length; r++) {
      const dy = ys[r] - c.center[1];
      for (let q = 0; q < xs.length; q++) {
        const dx = xs[q] - c.center[0];
        const m = (yy * dx * dx - 2 * xy * dx * dy + xx * dy * dy) / det;
        values[r * xs.length + q] += norm * Math.exp(-0.5 * m);
      }
    }
  }
  return { xs, ys, values };
}

/**
 * Contour levels for a density grid: `count` levels evenly spaced in log density between the peak
 * and 1/1000 of it, which follows the shape of both tight and spread components (a linear spacing
 * puts every line around the tallest peak).
 */
export function densityLevels(values: Float64Array, count = 6): number[] {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  if (!(max > 0)) return [];
  const lo = Math.log(max / 1000);
  const hi = Math.log(max);
  return Array.from({ length: count }, (_, i) => Math.exp(lo + ((hi - lo) * (i + 0.5)) / count));
}
