/**
 * Decision thresholds of a one-dimensional Gaussian mixture: the values where the most probable
 * component (the maximum a-posteriori label, argmax_k w_k N(x | μ_k, σ²_k)) changes. On a grey
 * image's histogram they are the model-based thresholds between object and background.
 *
 * Between two components j and k the log-odds is a quadratic in x:
 *   log(w_j N_j(x)) − log(w_k N_k(x)) = A x² + B x + C,
 *   A = 1/(2σ²_k) − 1/(2σ²_j),  B = μ_j/σ²_j − μ_k/σ²_k,
 *   C = ln w_j − ln w_k − ½ ln σ²_j + ½ ln σ²_k − μ²_j/(2σ²_j) + μ²_k/(2σ²_k),
 * so each pair crosses at most twice (once when the variances are equal: x = −C/B). Every label change
 * is at one of these crossings; the crossings where the winner on the left differs from the winner on
 * the right are the thresholds. Roots use the cancellation-free form q = −½(B + sign(B)√(B² − 4AC)),
 * x₁ = q/A, x₂ = C/q (Numerical Recipes §5.6).
 */
import type { MarginalComponent } from './density';

export interface DecisionThreshold {
  /** Where the label changes (display units). */
  x: number;
  /** 0-based component that wins just below x. */
  below: number;
  /** 0-based component that wins just above x. */
  above: number;
}

/** A component with no weight or no spread has no density to win with. */
const canWin = (c: MarginalComponent): boolean => c.weight > 0 && c.variance > 0;

/** ln(w N(x | μ, σ²)) up to the shared −½ ln 2π; −∞ for a component that cannot win. */
function logScore(c: MarginalComponent, x: number): number {
  if (!canWin(c)) return -Infinity;
  return Math.log(c.weight) - 0.5 * Math.log(c.variance) - ((x - c.mean) * (x - c.mean)) / (2 * c.variance);
}

/** The most probable component at x (ties to the lower index, as argmax does). */
export function mostProbable(comps: readonly MarginalComponent[], x: number): number {
  let best = 0;
  let bestScore = -Infinity;
  comps.forEach((c, k) => {
    const s = logScore(c, x);
    if (s > bestScore) {
      best = k;
      bestScore = s;
    }
  });
  return best;
}

/** Real roots of A x² + B x + C = 0 (the linear root when A is negligible against B). */
function pairCrossings(a: MarginalComponent, b: MarginalComponent): number[] {
  const A = 1 / (2 * b.variance) - 1 / (2 * a.variance);
  const B = a.mean / a.variance - b.mean / b.variance;
  const C =
    Math.log(a.weight) -
    Math.log(b.weight) -
    0.5 * Math.log(a.variance) +
    0.5 * Math.log(b.variance) -
    (a.mean * a.mean) / (2 * a.variance) +
    (b.mean * b.mean) / (2 * b.variance);
  // Equal variances (tied covariance, or A lost to rounding): the log-odds is linear.
  if (Math.abs(A) <= 1e-14 * Math.max(Math.abs(B), Number.MIN_VALUE) || A === 0)
    return B !== 0 ? [-C / B] : [];
  const disc = B * B - 4 * A * C;
  if (disc < 0) return [];
  const q = -0.5 * (B + (B >= 0 ? 1 : -1) * Math.sqrt(disc));
  return q === 0 ? [0] : [q / A, C / q];
}

/** The thresholds of the mixture `comps` (one feature, display units), ascending. */
export function decisionThresholds(comps: readonly MarginalComponent[]): DecisionThreshold[] {
  if (comps.filter(canWin).length < 2) return [];
  const roots: number[] = [];
  for (let j = 0; j < comps.length; j++)
    for (let k = j + 1; k < comps.length; k++) {
      if (!canWin(comps[j]) || !canWin(comps[k])) continue;
      for (const r of pairCrossings(comps[j], comps[k])) if (Number.isFinite(r)) roots.push(r);
    }
  roots.sort((a, b) => a - b);
  const out: DecisionThreshold[] = [];
  for (let i = 0; i < roots.length; i++) {
    const r = roots[i];
    if (i > 0 && r === roots[i - 1]) continue;
    // The winner just either side: halfway to the neighbouring crossings (or one spread beyond the ends).
    const gap = Math.max(1, Math.abs(r)) * 1e-6;
    const left = i > 0 ? (roots[i - 1] + r) / 2 : r - Math.max(gap, Math.abs(r) + 1);
    let next = i + 1;
    while (next < roots.length && roots[next] === r) next++;
    const right = next < roots.length ? (r + roots[next]) / 2 : r + Math.max(gap, Math.abs(r) + 1);
    const below = mostProbable(comps, left);
    const above = mostProbable(comps, right);
    if (below !== above) out.push({ x: r, below, above });
  }
  return out;
}
