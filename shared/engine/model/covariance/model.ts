/**
 * One interface for the four covariance types (scikit-learn's covariance_type), one small file per
 * type, gathered in covariance/index.ts. Nothing else in the engine branches on the type.
 *
 * Shapes (K components, d features), for `covariances` and `precisionsCholesky` alike:
 *   full       K × d × d
 *   tied       d × d
 *   diag       K × d
 *   spherical  K
 */
import type { CovarianceType } from '../types';
import type { KernelFamilyName } from '../../compute';

export interface CovarianceModel {
  readonly type: CovarianceType;
  /** Row kernels that evaluate this type: 'dense' (full, tied) or 'diagonal' (diag, spherical). */
  readonly family: KernelFamilyName;
  /** Length of the flat covariances / precisionsCholesky arrays. */
  size(K: number, d: number): number;
  /** Free covariance parameters (scikit-learn's _n_parameters, covariance part). */
  nCovarianceParameters(K: number, d: number): number;
  /**
   * Covariances from the reduced scatter (family layout, see compute/js/types.ts) and nk:
   * maximum-likelihood divide by nk (tied: by Σ nk), then reg_covar on the diagonal.
   */
  fromScatter(scatter: Float64Array, nk: Float64Array, regCovar: number, K: number, d: number): Float64Array;
  /**
   * Precision Cholesky factors (full/tied: upper-triangular P with P Pᵀ = Σ⁻¹; diag/spherical:
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
  /** Flat array from nested numbers of this type's shape, or null if the shape is wrong. */
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
