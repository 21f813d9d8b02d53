/**
 * log(s) for the E-step's log-sum-exp, where s = Σ_k exp(w_k − max) lies in [1, K] (the largest
 * term is exp(0) = 1). V8's Math.log is a call into C (fdlibm) that cost as much per row as three
 * of the inlined exponentials; this inlinable table-driven version (the reduction of Tang, "Table-
 * driven implementation of the logarithm function in IEEE floating-point arithmetic", ACM TOMS
 * 16(4), 1990) is used on [1, MAX) and Math.log elsewhere (0, NaN, K ≥ MAX):
 *   c = j/128 with j = ⌊128·s⌋, so c ≤ s < c + 1/128;   s = c·(1 + r),  r = (s − c)·(128/j) ∈ [0, 1/128)
 *   log s = log c + log(1 + r),   log(1 + r) by its Taylor series to r⁸ (truncation < r⁹/9 < 2e-20).
 * s − c is exact (Sterbenz) and c = j·2⁻⁷ is exact, so r carries only two roundings; with log c
 * rounded to nearest the result is within 2 units in the last place of Math.log (tested).
 */
const N = 128;
/** Table range: s < MAX (K ≤ 63 components always stay in it). */
const MAX = 64;
/** log(j/128) and 128/j for j = 0 … 128·MAX − 1 (entries below 128 are never read). */
const LOG_TABLE = Float64Array.from({ length: N * MAX }, (_, j) => Math.log(j / N));
const INV_TABLE = Float64Array.from({ length: N * MAX }, (_, j) => N / j);

/** The constants, for the WebAssembly twin (wasm/expLog.ts) and its tables (wasm/layout.ts). */
export const LOG_CONSTANTS = { LOG_N: N, LOG_MAX: MAX, LOG_TABLE, INV_TABLE };

export function logAtLeastOne(s: number): number {
  if (!(s >= 1 && s < MAX)) return Math.log(s);
  const j = (s * N) | 0;
  const r = (s - j * (1 / N)) * INV_TABLE[j];
  return (
    LOG_TABLE[j] +
    (r + r * r * (-0.5 + r * (1 / 3 + r * (-0.25 + r * (0.2 + r * (-1 / 6 + r * (1 / 7 + r * -0.125)))))))
  );
}
