/**
 * Random draws for sampling from a fitted mixture's discrete families: a category, a Poisson count
 * and a binomial count, each exact for any parameter (no normal approximation), from the engine's
 * seedable generator.
 *
 *   category  inverse CDF over the class's probabilities
 *   Poisson   inversion from 0 for λ < 10; Hörmann's PTRS ("The transformed rejection method for
 *             generating Poisson random variables", Insurance: Math. Econ. 1993) above
 *   binomial  inversion for n·min(p, 1−p) < 10; Hörmann's BTRS ("The generation of binomial random
 *             variates", J. Stat. Comput. Simul. 1993) above, both on min(p, 1−p)
 */
import type { Rng } from '../model/rng';
import { logFactorial } from './logFactorial';

export function drawCategory(probabilities: Float64Array, offset: number, L: number, rng: Rng): number {
  let u = rng.random();
  for (let l = 0; l < L - 1; l++) {
    u -= probabilities[offset + l];
    if (u < 0) return l;
  }
  return L - 1;
}

export function drawPoisson(lambda: number, rng: Rng): number {
  if (!(lambda > 0)) return 0;
  if (lambda < 10) {
    let x = 0;
    let p = Math.exp(-lambda);
    let s = p;
    const u = rng.random();
    while (u > s && x < 1000) {
      x++;
      p *= lambda / x;
      s += p;
    }
    return x;
  }
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const U = rng.random() - 0.5;
    const V = rng.random();
    const us = 0.5 - Math.abs(U);
    const k = Math.floor(((2 * a) / us + b) * U + lambda + 0.43);
    if (us >= 0.07 && V <= vr) return k;
    if (k < 0 || (us < 0.013 && V > us)) continue;
    if (
      Math.log(V) + Math.log(invalpha) - Math.log(a / (us * us) + b) <=
      -lambda + k * loglam - logFactorial(k)
    )
      return k;
  }
}

export function drawBinomial(n: number, p: number, rng: Rng): number {
  if (n <= 0 || !(p > 0)) return 0;
  if (p >= 1) return n;
  const flip = p > 0.5;
  const q = flip ? 1 - p : p;
  const x = n * q < 10 ? binomialInversion(n, q, rng) : binomialBtrs(n, q, rng);
  return flip ? n - x : x;
}

function binomialInversion(n: number, p: number, rng: Rng): number {
  const q = 1 - p;
  const s = p / q;
  let f = Math.pow(q, n);
  let u = rng.random();
  let x = 0;
  while (u > f && x < n) {
    u -= f;
    f *= (s * (n - x)) / (x + 1);
    x++;
  }
  return x;
}

function binomialBtrs(n: number, p: number, rng: Rng): number {
  const spq = Math.sqrt(n * p * (1 - p));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = Math.log(p / (1 - p));
  const m = Math.floor((n + 1) * p);
  const h = logFactorial(m) + logFactorial(n - m);
  for (;;) {
    const U = rng.random() - 0.5;
    const V = rng.random();
    const us = 0.5 - Math.abs(U);
    const k = Math.floor(((2 * a) / us + b) * U + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && V <= vr) return k;
    const v = Math.log((V * alpha) / (a / (us * us) + b));
    if (v <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) return k;
  }
}
