/**
 * exp(x) for x ≤ 0, the only range the E-step needs (its exponents are w − max_k w ≤ 0). V8's
 * Math.exp is a call into C (fdlibm); this inlinable version of the classic table-driven method
 * (Tang, "Table-driven implementation of the exponential function in IEEE floating-point
 * arithmetic", ACM TOMS 15(2), 1989) measured 2-3× faster here:
 *   x = (256·m + j)·ln2/256 + r,  |r| ≤ ln2/512,    exp(x) = 2^m · 2^(j/256) · exp(r),
 * with ln2/256 split in two (fdlibm's ln2_hi/ln2_lo, scaled by a power of two) so x − k·ln2/256
 * is exact, k rounded to nearest by adding and subtracting 1.5·2^52 (cheaper in V8 than
 * Math.round), and exp(r) by its degree-4 Taylor polynomial in Estrin form (truncation
 * < r⁵/120 ≈ 2.6e-17). Accuracy: within 3 units in the last place of Math.exp for normal results
 * (tested); results below ~1e-307 may differ more in relative terms, which no sum can see.
 */
const N = 256;
const INV_LN2_N = N / Math.LN2;
const LN2_N_HI = 6.9314718036912381649e-1 / N;
const LN2_N_LO = 1.90821492927058770002e-10 / N;
/** 1.5·2^52: adding it rounds a double of magnitude < 2^51 to an integer (round half to even). */
const ROUND_SHIFT = 6755399441055744;
/** 2^(j/256), j = 0…255. */
const TWO_POW_FRACTION = Float64Array.from({ length: N }, (_, j) => Math.pow(2, j / N));
/** 2^m for m = −MIN_EXP…0 (exact powers of two, subnormal ones included). */
const MIN_EXP = 1100;
const TWO_POW_INT = Float64Array.from({ length: MIN_EXP + 1 }, (_, i) => Math.pow(2, i - MIN_EXP));
/** Below this exp(x) rounds to 0 (the smallest subnormal is 2^−1074 ≈ e^−744.44). */
const UNDERFLOW = -745.2;

/** The constants, for the WebAssembly twin (wasm/expLog.ts) and its tables (wasm/layout.ts). */
export const EXP_CONSTANTS = {
  INV_LN2_N,
  LN2_N_HI,
  LN2_N_LO,
  ROUND_SHIFT,
  TWO_POW_FRACTION,
  TWO_POW_INT,
  MIN_EXP,
  UNDERFLOW,
};

export function expNonPositive(x: number): number {
  if (!(x >= UNDERFLOW)) return 0; // also −Infinity (and NaN, which the E-step never produces)
  const k = x * INV_LN2_N + ROUND_SHIFT - ROUND_SHIFT;
  const r = x - k * LN2_N_HI - k * LN2_N_LO;
  const ki = k | 0;
  const r2 = r * r;
  const p = 1 + r + r2 * (0.5 + r * (1 / 6) + r2 * (1 / 24));
  return TWO_POW_FRACTION[ki & (N - 1)] * p * TWO_POW_INT[(ki >> 8) + MIN_EXP];
}
