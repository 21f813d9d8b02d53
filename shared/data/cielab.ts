/**
 * sRGB to CIELAB (D65), the colour space where Euclidean distance approximates perceived difference
 * (CIE 1976 L*a*b*). sRGB samples (0..maxValue) are linearised by the sRGB transfer function
 * (IEC 61966-2-1), taken to XYZ by the sRGB primaries' matrix and divided by the D65 white point, then
 * L* = 116 f(Y) − 16, a* = 500 (f(X) − f(Y)), b* = 200 (f(Y) − f(Z)) with f(t) = t^(1/3) above
 * (6/29)³ and t / (3 (6/29)²) + 4/29 below. Constants are scikit-image's `rgb2lab` ones, so a reference
 * computed there agrees.
 */
const M = [0.412453, 0.35758, 0.180423, 0.212671, 0.71516, 0.072169, 0.019334, 0.119193, 0.950227];
const WHITE = [0.95047, 1, 1.08883];
const EPSILON = (6 / 29) ** 3;
const KAPPA = 1 / (3 * (6 / 29) ** 2);

const linear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const f = (t: number): number => (t > EPSILON ? Math.cbrt(t) : t * KAPPA + 4 / 29);

/** Writes [L*, a*, b*] of the sRGB colour (r, g, b), each in 0..maxValue, into `out` at `at`. */
export function srgbToLab(
  r: number,
  g: number,
  b: number,
  maxValue: number,
  out: Float64Array,
  at: number,
): void {
  const R = linear(r / maxValue);
  const G = linear(g / maxValue);
  const B = linear(b / maxValue);
  const fx = f((M[0] * R + M[1] * G + M[2] * B) / WHITE[0]);
  const fy = f((M[3] * R + M[4] * G + M[5] * B) / WHITE[1]);
  const fz = f((M[6] * R + M[7] * G + M[8] * B) / WHITE[2]);
  out[at] = 116 * fy - 16;
  out[at + 1] = 500 * (fx - fy);
  out[at + 2] = 200 * (fy - fz);
}
