/**
 * The marginal of a fitted Gaussian mixture on one feature, in display units (./displaySpace.ts).
 * Marginals of a Gaussian are Gaussian, so on feature j
 *   p(t) = Σ_k w_k N(t | μ_kj, σ²_kj),  μ_kj = center_j + scale_j·μ_kj(z),  σ²_kj = scale_j²·Σ_k[j][j],
 * with Σ_k[j][j] read from the covariance whatever its type (full/tied/diag/spherical). For a log
 * feature this is the density of ln x (the axis says "log(name)"), which integrates to 1 on that axis.
 */
import type { GaussianMixtureParams, Preprocessing } from '../engine/model/types';
import { componentCovariance } from './ellipse';

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** N(x | mean, variance); 0 for a non-positive variance (a point mass has no density to draw). */
export function normalPdf(x: number, mean: number, variance: number): number {
  if (!(variance > 0)) return 0;
  const z = ((x - mean) * (x - mean)) / variance;
  return Math.exp(-0.5 * z - LOG_SQRT_2PI - 0.5 * Math.log(variance));
}

/** One component's marginal on a feature, in display units. */
export interface MarginalComponent {
  weight: number;
  mean: number;
  variance: number;
}

/** Weight, mean and variance of each component on feature j, in display units. */
export function marginalComponents(
  params: GaussianMixtureParams,
  pre: Preprocessing,
  j: number,
): MarginalComponent[] {
  const d = params.nFeatures;
  const out: MarginalComponent[] = [];
  for (let k = 0; k < params.nComponents; k++) {
    const varZ = componentCovariance(params, k)[j * d + j];
    out.push({
      weight: params.weights[k],
      mean: pre.center[j] + pre.scale[j] * params.means[k * d + j],
      variance: pre.scale[j] * pre.scale[j] * varZ,
    });
  }
  return out;
}

export interface MarginalDensity {
  /** The grid. */
  x: Float64Array;
  /** Mixture density at each grid point. */
  total: Float64Array;
  /** K arrays: w_k N(x | μ_kj, σ²_kj) — they sum to `total`. */
  components: Float64Array[];
}

/** Mixture and weighted component densities of feature j on the grid `x`. */
export function mixtureMarginal(
  params: GaussianMixtureParams,
  pre: Preprocessing,
  j: number,
  x: ArrayLike<number>,
): MarginalDensity {
  const comps = marginalComponents(params, pre, j);
  const m = x.length;
  const grid = Float64Array.from(x);
  const total = new Float64Array(m);
  const components = comps.map((c) => {
    const y = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      y[i] = c.weight * normalPdf(grid[i], c.mean, c.variance);
      total[i] += y[i];
    }
    return y;
  });
  return { x: grid, total, components };
}

/**
 * An evenly spaced grid covering [lo, hi] and every component's mean ± 4 sd (so no bump is cut
 * off), with `points` values.
 */
export function densityGrid(comps: MarginalComponent[], lo: number, hi: number, points = 256): Float64Array {
  let a = lo;
  let b = hi;
  for (const c of comps) {
    const sd = Math.sqrt(Math.max(c.variance, 0));
    a = Math.min(a, c.mean - 4 * sd);
    b = Math.max(b, c.mean + 4 * sd);
  }
  if (!(b > a)) b = a + 1;
  const grid = new Float64Array(points);
  for (let i = 0; i < points; i++) grid[i] = a + ((b - a) * i) / (points - 1);
  return grid;
}
