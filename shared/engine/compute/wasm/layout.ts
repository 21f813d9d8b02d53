/**
 * Memory layouts shared by the generated WebAssembly kernels (simdKernels.ts) and the code that
 * feeds them (electron/engine/wasm). The kernels put two mixture components in the two f64 lanes
 * of a v128 ("a pair": components 2p and 2p + 1), so each lane does exactly the scalar
 * operations of one component; an odd K leaves the last pair's second lane as padding, whose
 * values are computed and never stored.
 *
 * Parameter block of one step (f64 slots; P = ⌈K/2⌉ pairs, each entry [component 2p, 2p + 1]):
 *   c        P × 2               c_k = log w_k + log det P_k − d/2·log 2π   (padding −∞: weight 0)
 *   means    P × d × 2           μ_kj                                        (padding 0)
 *   factors  diagonal P × d × 2  1/σ_kj                                      (padding 0)
 *            dense    P × T × 2  upper Cholesky entries P_k[m][j], m ≤ j, T = d(d+1)/2,
 *                                in the order u(m, j) = j(j+1)/2 + m         (padding 0)
 *
 * Tables block: the constants of expNonPositive.ts and logAtLeastOne.ts, byte offsets below.
 */
import type { KernelFamilyName } from '../js/types';
import { EXP_CONSTANTS } from '../expNonPositive';
import { LOG_CONSTANTS } from '../logAtLeastOne';

export const WASM_PAGE_BYTES = 65536;

/** Byte offsets of the tables, from the tables block's start. */
export const TABLE_OFFSETS = (() => {
  const fraction = 0;
  const integer = fraction + EXP_CONSTANTS.TWO_POW_FRACTION.byteLength;
  const log = integer + EXP_CONSTANTS.TWO_POW_INT.byteLength;
  const inverse = log + LOG_CONSTANTS.LOG_TABLE.byteLength;
  return { fraction, integer, log, inverse, bytes: inverse + LOG_CONSTANTS.INV_TABLE.byteLength };
})();

/** The tables block's content (TABLE_OFFSETS.bytes / 8 values). */
export function tablesContent(): Float64Array {
  const out = new Float64Array(TABLE_OFFSETS.bytes / 8);
  out.set(EXP_CONSTANTS.TWO_POW_FRACTION, TABLE_OFFSETS.fraction / 8);
  out.set(EXP_CONSTANTS.TWO_POW_INT, TABLE_OFFSETS.integer / 8);
  out.set(LOG_CONSTANTS.LOG_TABLE, TABLE_OFFSETS.log / 8);
  out.set(LOG_CONSTANTS.INV_TABLE, TABLE_OFFSETS.inverse / 8);
  return out;
}

export interface ParamLayout {
  pairs: number;
  /** Factor entries per component: d (diagonal) or d(d+1)/2 (dense). */
  factorsPerComponent: number;
  /** Byte offsets inside the block. */
  c: number;
  means: number;
  factors: number;
  bytes: number;
}

export function paramLayout(family: KernelFamilyName, d: number, K: number): ParamLayout {
  const pairs = Math.ceil(K / 2);
  const factorsPerComponent = family === 'dense' ? (d * (d + 1)) / 2 : d;
  const c = 0;
  const means = c + pairs * 16;
  const factors = means + pairs * d * 16;
  return { pairs, factorsPerComponent, c, means, factors, bytes: factors + pairs * factorsPerComponent * 16 };
}

/** Index u(m, j) of the upper-triangular entry (m ≤ j) in a dense factor's packed order. */
export function packedUpper(m: number, j: number): number {
  return (j * (j + 1)) / 2 + m;
}

/**
 * Writes the means (K × d) into `out` (the block viewed as f64, starting at slot `at`), and,
 * when given, the constants (K) and kernel factors (dense K × d × d, diagonal K × d).
 */
export function packParams(
  out: Float64Array,
  at: number,
  layout: ParamLayout,
  family: KernelFamilyName,
  d: number,
  K: number,
  means: Float64Array,
  factors?: Float64Array,
  c?: Float64Array,
): void {
  const T = layout.factorsPerComponent;
  for (let slot = 0; slot < layout.pairs * 2; slot++) {
    const p = slot >> 1;
    const lane = slot & 1;
    const real = slot < K;
    if (c) out[at + layout.c / 8 + slot] = real ? c[slot] : -Infinity;
    for (let j = 0; j < d; j++)
      out[at + layout.means / 8 + (p * d + j) * 2 + lane] = real ? means[slot * d + j] : 0;
    if (!factors) continue;
    const base = at + layout.factors / 8 + p * T * 2 + lane;
    if (family === 'diagonal') {
      for (let j = 0; j < d; j++) out[base + j * 2] = real ? factors[slot * d + j] : 0;
    } else {
      for (let j = 0; j < d; j++)
        for (let m = 0; m <= j; m++)
          out[base + packedUpper(m, j) * 2] = real ? factors[slot * d * d + m * d + j] : 0;
    }
  }
}
