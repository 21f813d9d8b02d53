/**
 * One interface for the covariance models, one small file per model (or per family of mclust
 * models), gathered in covariance/index.ts. Nothing else in the engine branches on the model.
 *
 * Every model stores its covariances in the layout of one of scikit-learn's four types (its
 * `layout`), so the precision factors, the row kernels, the shapes of explicit starts and of the
 * model file follow from that alone. Shapes (K components, d features), for `covariances` and
 * `precisionsCholesky` alike:
 *   full       K × d × d    full, VEE EVE VVE EEV VEV EVV VVV
 *   tied       d × d        tied, EEE
 *   diag       K × d        diag, EEI VEI EVI VVI
 *   spherical  K            spherical, EII VII (E V in one dimension)
 */
import type { CovarianceType, McLustModelName, SklearnCovarianceType } from '../types';
import type { KernelFamilyName } from '../../compute';

/**
 * mclust's parts of the covariances, Σ_k = λ_k D_k A_k D_kᵀ (mclust's scale, shape, orientation):
 * an M-step that iterates starts from the previous M-step's parts (mclust keeps them between EM
 * iterations), and the model file records them.
 */
export interface CovarianceParts {
  /** λ_k (volume, det Σ_k^{1/d}), K */
  scale: Float64Array;
  /** diag A_k with det A_k = 1, K × d, in the order of D_k's columns */
  shape: Float64Array;
  /** D_k, K × d × d row-major, column j the axis of shape j; null for the identity (diagonal models). */
  orientation: Float64Array | null;
}

/** An M-step's covariances (the model's layout) and, for mclust's iterative models, their parts. */
export interface CovarianceEstimate {
  covariances: Float64Array;
  parts: CovarianceParts | null;
}

export interface CovarianceModel {
  /** The name this model object is defined under; an alias (VII for spherical, …) shares it. */
  readonly type: CovarianceType;
  /** mclust's name for the model (scikit-learn's four: VII, VVI, EEE, VVV). */
  readonly mclustName: McLustModelName;
  /** The scikit-learn type whose covariance shape this model stores (header table). */
  readonly layout: SklearnCovarianceType;
  /** Row kernels that evaluate this model: 'dense' (full, tied layouts) or 'diagonal'. */
  readonly family: KernelFamilyName;
  /** Length of the flat covariances / precisionsCholesky arrays. */
  size(K: number, d: number): number;
  /**
   * Free covariance parameters: scikit-learn's _n_parameters for its four, mclust's nVarParams for
   * the others (the two agree on the four).
   */
  nCovarianceParameters(K: number, d: number): number;
  /**
   * Covariances from the reduced scatter (family layout, see compute/js/types.ts) and nk. The four
   * scikit-learn models divide by nk (tied: by Σ nk), then add reg_covar on the diagonal; mclust's
   * models add nk · reg_covar to each component's scatter diagonal first (the same thing for those
   * four, and an estimate that stays in the model's family), then take mclust's M-step.
   */
  fromScatter(scatter: Float64Array, nk: Float64Array, regCovar: number, K: number, d: number): Float64Array;
  /** fromScatter with the parts it found; iterative M-steps start from `start` when given. */
  estimate(
    scatter: Float64Array,
    nk: Float64Array,
    regCovar: number,
    K: number,
    d: number,
    start: CovarianceParts | null,
  ): CovarianceEstimate;
  /**
   * Precision Cholesky factors (full/tied layouts: upper-triangular P with P Pᵀ = Σ⁻¹; diag/spherical:
   * 1/σ). Returns the index of the first component whose covariance is not positive definite
   * instead of the factors when it fails.
   */
  precisionCholesky(covariances: Float64Array, K: number, d: number): Float64Array | number;
  /** Same factors from precision matrices (scikit-learn's precisions_init); a failing index likewise. */
  precisionCholeskyFromPrecisions(precisions: Float64Array, K: number, d: number): Float64Array | number;
  /** The factors in the kernel family's per-component layout (dense K × d × d, diagonal K × d). */
  kernelFactors(precisionsCholesky: Float64Array, K: number, d: number): Float64Array;
  /** log det P_k per component (the −½ log det Σ_k of the Gaussian log density). */
  logDetPrecisionCholesky(precisionsCholesky: Float64Array, K: number, d: number): Float64Array;
  /** Component k's covariance as a dense d × d matrix written to out (sampling, display). */
  denseCovariance(covariances: Float64Array, k: number, d: number, out: Float64Array): void;
  /** Flat array from nested numbers of this model's shape, or null if the shape is wrong. */
  flatten(value: unknown, K: number, d: number): Float64Array | null;
}

/** Flattens nested arrays of exactly the given shape (e.g. [K, d, d]); null on any mismatch. */
export function flattenShape(value: unknown, shape: number[]): Float64Array | null {
  const out: number[] = [];
  const walk = (v: unknown, depth: number): boolean => {
    if (depth === shape.length) {
      if (typeof v !== 'number') return false;
      out.push(v);
      return true;
    }
    if (!Array.isArray(v) || v.length !== shape[depth]) return false;
    return v.every((item) => walk(item, depth + 1));
  };
  return walk(value, 0) ? Float64Array.from(out) : null;
}

/** `estimate` of a model whose M-step is closed form and keeps no parts (scikit-learn's four). */
export const withoutParts =
  (fromScatter: CovarianceModel['fromScatter']): CovarianceModel['estimate'] =>
  (scatter, nk, regCovar, K, d) => ({ covariances: fromScatter(scatter, nk, regCovar, K, d), parts: null });
