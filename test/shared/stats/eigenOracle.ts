/**
 * Independent oracle for 2 × 2 symmetric eigen-decompositions: power iteration (no closed form),
 * used to check shared/stats/ellipse.ts. Converges at rate λ₂/λ₁, so near-isotropic matrices get
 * many iterations; callers skip the angle when λ₁ ≈ λ₂ (every direction is then an eigenvector).
 */
export function powerEigen2(
  a: number,
  b: number,
  c: number,
  iterations = 20_000,
): {
  lambda1: number;
  lambda2: number;
  direction: [number, number];
} {
  let v0 = 0.8;
  let v1 = 0.6;
  for (let it = 0; it < iterations; it++) {
    const w0 = a * v0 + b * v1;
    const w1 = b * v0 + c * v1;
    const norm = Math.hypot(w0, w1);
    if (norm === 0) break;
    v0 = w0 / norm;
    v1 = w1 / norm;
  }
  const lambda1 = v0 * (a * v0 + b * v1) + v1 * (b * v0 + c * v1);
  return { lambda1, lambda2: a + c - lambda1, direction: [v0, v1] };
}

/** (x − μ)ᵀ S⁻¹ (x − μ) for S = [[a, b], [b, c]], with the explicit 2 × 2 inverse. */
export function mahalanobis2(
  x: readonly [number, number],
  mu: readonly [number, number],
  a: number,
  b: number,
  c: number,
): number {
  const det = a * c - b * b;
  const dx = x[0] - mu[0];
  const dy = x[1] - mu[1];
  return (c * dx * dx - 2 * b * dx * dy + a * dy * dy) / det;
}
