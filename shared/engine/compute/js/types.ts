/**
 * Row kernels: the per-row arithmetic of EM, run over a range of rows [start, end) of
 * X (nSamples × d, row-major). Two families cover the four covariance types:
 *   dense     (full, tied)          factors K × d × d, each the upper-triangular precision
 *                                  Cholesky P_k (tied repeats its one factor K times)
 *   diagonal  (diag, spherical)     factors K × d, each 1/σ per feature (spherical repeats it)
 * The JavaScript kernels here are plain loops; the WebAssembly SIMD kernels (../wasm) implement
 * estep, scatter and assign with the same operations in the same order (BIT_IDENTITY.md).
 */
import type { Normalise } from './normalise';

export type KernelFamilyName = 'dense' | 'diagonal';

export interface RowKernels {
  /** out[i·K + k] = ‖(x_i − μ_k)ᵀ P_k‖², the squared Mahalanobis distance, for i in [start, end). */
  mahalanobis(
    X: Float64Array,
    start: number,
    end: number,
    K: number,
    means: Float64Array,
    factors: Float64Array,
    out: Float64Array,
  ): void;
  /**
   * Scatter about the means, added to acc (callers zero it; adding lets a chunk be processed in
   * cache-sized blocks with exactly the same sequence of additions):
   *   dense     acc[k·d² + a·d + b] = Σ_i r_ik (x_ia − μ_ka)(x_ib − μ_kb)    (full d × d, symmetric)
   *   diagonal  acc[k·d + a]        = Σ_i r_ik (x_ia − μ_ka)²
   */
  scatter(
    X: Float64Array,
    resp: Float64Array,
    start: number,
    end: number,
    K: number,
    means: Float64Array,
    acc: Float64Array,
    accOff: number,
  ): void;
  /** Log-sum-exp normalisation of the rows (normalise.ts); returns total + Σ_i log p(x_i), adds nk. */
  normalise: Normalise;
  /** The whole E-step of rows [start, end) (estep.ts): the three kernels above, block by block. */
  estep: EStep;
  /**
   * k-means' assignment of rows [start, end) to the nearest of the K centres (K × d), filling the
   * chunk's partial slot at partials[slot…] as steps.ts's assignNearest does. Optional: without
   * it steps.ts runs assignNearest itself.
   */
  assign?(
    X: Float64Array,
    labels: Int32Array,
    start: number,
    end: number,
    K: number,
    centers: Float64Array,
    partials: Float64Array,
    slot: number,
  ): void;
  /** acc[accOff + k·d + j] += Σ_i r_ik x_ij. */
  weightedSums(
    X: Float64Array,
    resp: Float64Array,
    start: number,
    end: number,
    K: number,
    acc: Float64Array,
    accOff: number,
  ): void;
}

/**
 * E-step of rows [start, end) with factors F and constants c (c_k = log w_k + log det P_k −
 * d/2·log 2π): writes resp and logNorm, adds nk to acc[accOff…] and Σ_i r_ik x_ij to
 * acc[accOff + K + k·d + j], returns total + Σ_i log p(x_i).
 */
export type EStep = (
  X: Float64Array,
  resp: Float64Array,
  logNorm: Float64Array,
  start: number,
  end: number,
  K: number,
  means: Float64Array,
  F: Float64Array,
  c: Float64Array,
  acc: Float64Array,
  accOff: number,
  total: number,
) => number;

export interface KernelFamily {
  /** Length of one chunk's scatter partial. */
  scatterSize(K: number, d: number): number;
  /** The family's own kernels for d features (normalise, weightedSums and estep are shared). */
  kernels(d: number): Pick<RowKernels, 'mahalanobis' | 'scatter'>;
}
