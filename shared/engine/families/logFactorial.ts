/**
 * log n! for a non-negative integer n (the Poisson and binomial base measures). Exact sums of logs
 * up to 256, then Stirling's series with four correction terms (Abramowitz & Stegun 6.1.41), whose
 * truncation error at n = 256 is below 1e-17 relative.
 */
const TABLE_SIZE = 256;
const TABLE = (() => {
  const t = new Float64Array(TABLE_SIZE);
  for (let n = 2; n < TABLE_SIZE; n++) t[n] = t[n - 1] + Math.log(n);
  return t;
})();
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

export function logFactorial(n: number): number {
  if (n < TABLE_SIZE) return TABLE[n];
  const x = n + 1;
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)));
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series;
}

/** log C(n, x) for integers 0 ≤ x ≤ n. */
export function logBinomialCoefficient(n: number, x: number): number {
  return logFactorial(n) - logFactorial(x) - logFactorial(n - x);
}
