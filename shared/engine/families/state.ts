/**
 * The parameters of a mixed-type mixture during a fit, and what the coordinator derives from them
 * for each pass over the rows. Shapes (K classes, d Gaussian coordinates, m categorical columns with
 * L_j levels, q count columns, b binomial columns):
 *
 *   weights              K
 *   gaussian.means       K × d        (in the centred coordinates of rows.X)
 *   gaussian.covariances the covariance type's shape (model/covariance/model.ts)
 *   categorical[j]       K × L_j      probabilities, each row summing to 1
 *   poisson              K × q        rates
 *   binomial             K × b        success probabilities
 */
export interface GaussianState {
  means: Float64Array;
  covariances: Float64Array;
  precisionsCholesky: Float64Array;
}

export interface MixedState {
  weights: Float64Array;
  gaussian: GaussianState | null;
  categorical: Float64Array[];
  poisson: Float64Array;
  binomial: Float64Array;
}

/** A diagonal Gaussian block (diag, spherical) as the row loops use it. */
export interface DiagonalGaussianStep {
  kind: 'diagonal';
  /** K × d */
  means: Float64Array;
  /** K × d: 1/σ_kj and log(1/σ_kj). */
  invSd: Float64Array;
  logInvSd: Float64Array;
}

/**
 * A dense Gaussian block (full, tied) as the row loops use it, per missingness pattern p and class
 * k (complete data: one pattern, every coordinate observed). With o = |O_p| observed and
 * m = d − o missing coordinates, `index[p·d …]` lists O_p then M_p, and at stride d² per (p, k):
 *   factor   o × o   upper-triangular U with U Uᵀ = Σ_k[O,O]⁻¹ (‖(x_O − μ_O)ᵀ U‖² = Mahalanobis²)
 *   regress  m × o   B = Σ_k[M,O] Σ_k[O,O]⁻¹, so E[x_M | x_O, k] = μ_M + B (x_O − μ_O)
 *   condCov  m × m   C = Σ_k[M,M] − B Σ_k[O,M], the conditional covariance of x_M
 * (Ghahramani & Jordan 1994, "Supervised learning from incomplete data via an EM approach";
 * Little & Rubin, Statistical Analysis with Missing Data, ch. 11.)
 */
export interface DenseGaussianStep {
  kind: 'dense';
  /** K × d */
  means: Float64Array;
  nPatterns: number;
  /** P: o of each pattern. */
  observed: Int32Array;
  /** P × d */
  index: Int32Array;
  /** P × K × d² each. */
  factor: Float64Array;
  regress: Float64Array;
  condCov: Float64Array;
  /** P × K: log det U = −½ log det Σ_k[O,O]. */
  logDet: Float64Array;
}

export type GaussianStep = DiagonalGaussianStep | DenseGaussianStep;

/** Everything the E-step's row loop needs, derived once per iteration by the coordinator. */
export interface MixedEStepParams {
  /** K: log w_k. */
  logWeights: Float64Array;
  gaussian: GaussianStep | null;
  /** Σ_j K × L_j: log θ_kjl, column j at the layout's categoricalOffsets[j] − categorical. */
  categoricalLog: Float64Array;
  /** K × q: log λ and λ. */
  poissonLogRate: Float64Array;
  poissonRate: Float64Array;
  /** K × b: log p and log(1 − p). */
  binomialLogP: Float64Array;
  binomialLog1mP: Float64Array;
}
