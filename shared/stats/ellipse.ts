/**
 * Component ellipses for the scatter view: the 2 × 2 covariance of a component seen through a
 * 2-D projection, its closed-form eigen-decomposition and the ellipse polyline at k standard
 * deviations.
 *
 * "1σ" and "2σ" here mean k = 1 and k = 2 standard deviations along each principal axis: semi-axes
 * k·√λ₁ and k·√λ₂, i.e. the contour (x − μ)ᵀ Σ₂⁻¹ (x − μ) = k². This is NOT a probability region
 * (that would use k = √χ²₂(p), e.g. 2.45 for 95 %); it matches how mclust and scikit-learn's
 * examples draw component ellipses, and a user reading "2σ" expects two standard deviations.
 */
import type { GaussianMixtureParams } from '../engine/model/types';
import { COVARIANCE_MODELS } from '../engine/model/covariance';

/** A symmetric 2 × 2 matrix [[xx, xy], [xy, yy]]. */
export interface Covariance2 {
  xx: number;
  xy: number;
  yy: number;
}

/** Eigen-decomposition of a symmetric 2 × 2 matrix: λ₁ ≥ λ₂, major axis at `angle` radians. */
export interface Eigen2 {
  lambda1: number;
  lambda2: number;
  /** Direction of the λ₁ eigenvector, atan2 convention, in (−π/2, π/2]. */
  angle: number;
}

/**
 * Closed form for [[a, b], [b, c]]: with m = (a + c)/2 and r = hypot((a − c)/2, b), λ = m ± r
 * and the major axis at ½·atan2(2b, a − c). `hypot` avoids overflow and underflow of the squares;
 * atan2 is exact for b = 0 (angle 0 when a ≥ c, π/2 when a < c) and defined for the isotropic
 * case a = c, b = 0 (angle 0: any direction is an eigenvector). λ₂ is clamped at 0 because a
 * positive semi-definite input can round to a tiny negative value.
 */
export function symmetricEigen2(s: Covariance2): Eigen2 {
  const m = (s.xx + s.yy) / 2;
  const r = Math.hypot((s.xx - s.yy) / 2, s.xy);
  let angle = 0.5 * Math.atan2(2 * s.xy, s.xx - s.yy);
  if (angle <= -Math.PI / 2) angle += Math.PI;
  return { lambda1: m + r, lambda2: Math.max(m - r, 0), angle };
}

/** Component k's covariance as a dense d × d row-major matrix, whatever the covariance type. */
export function componentCovariance(params: GaussianMixtureParams, k: number): Float64Array {
  const d = params.nFeatures;
  const out = new Float64Array(d * d);
  COVARIANCE_MODELS[params.covarianceType].denseCovariance(params.covariances, k, d, out);
  return out;
}

/** Projection matrix P (2 × d, row-major) that picks features i (x) and j (y). */
export function featurePairProjection(d: number, i: number, j: number): Float64Array {
  const P = new Float64Array(2 * d);
  P[i] = 1;
  P[d + j] = 1;
  return P;
}

/** P Σ Pᵀ for Σ (d × d) and P (2 × d): the covariance of the projected variable. */
export function projectCovariance(cov: Float64Array, d: number, P: Float64Array): Covariance2 {
  const q = [0, 0, 0]; // xx, xy, yy
  const pairs: [number, number, number][] = [
    [0, 0, 0],
    [0, 1, 1],
    [1, 1, 2],
  ];
  for (const [r, s, slot] of pairs) {
    let acc = 0;
    for (let a = 0; a < d; a++) {
      const pa = P[r * d + a];
      if (pa === 0) continue;
      let row = 0;
      for (let b = 0; b < d; b++) row += cov[a * d + b] * P[s * d + b];
      acc += pa * row;
    }
    q[slot] = acc;
  }
  return { xx: q[0], xy: q[1], yy: q[2] };
}

/** P v for a vector v (d) and P (2 × d). */
export function projectVector(v: ArrayLike<number>, d: number, P: Float64Array): [number, number] {
  let x = 0;
  let y = 0;
  for (let a = 0; a < d; a++) {
    x += P[a] * v[a];
    y += P[d + a] * v[a];
  }
  return [x, y];
}

/** Semi-axes at k standard deviations and the major-axis angle (radians). */
export interface EllipseAxes {
  semiMajor: number;
  semiMinor: number;
  angle: number;
}

export function ellipseAxes(cov: Covariance2, k: number): EllipseAxes {
  const e = symmetricEigen2(cov);
  return { semiMajor: k * Math.sqrt(e.lambda1), semiMinor: k * Math.sqrt(e.lambda2), angle: e.angle };
}

/**
 * The ellipse (x − μ)ᵀ Σ₂⁻¹ (x − μ) = k² as a closed polyline of `segments` + 1 points (the last
 * repeats the first): μ + k·√λ₁·cos t·u₁ + k·√λ₂·sin t·u₂ with u₁, u₂ the unit eigenvectors.
 */
export function ellipsePolyline(
  center: readonly [number, number],
  cov: Covariance2,
  k: number,
  segments = 96,
): [number, number][] {
  const { semiMajor, semiMinor, angle } = ellipseAxes(cov, k);
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const points: [number, number][] = [];
  for (let i = 0; i <= segments; i++) {
    const t = (2 * Math.PI * (i % segments)) / segments;
    const a = semiMajor * Math.cos(t);
    const b = semiMinor * Math.sin(t);
    points.push([center[0] + a * c - b * s, center[1] + a * s + b * c]);
  }
  return points;
}
