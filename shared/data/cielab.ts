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

/** The inverse of M (XYZ → linear sRGB), computed once by the adjugate so it matches M to rounding. */
const M_INV = ((m: number[]): number[] => {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [
    A,
    -(b * i - c * h),
    b * f - c * e,
    B,
    a * i - c * g,
    -(a * f - c * d),
    C,
    -(a * h - b * g),
    a * e - b * d,
  ].map((v) => v / det);
})(M);

const finv = (t: number): number => (t > 6 / 29 ? t * t * t : (t - 4 / 29) / KAPPA);
const gamma = (c: number): number => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);

/**
 * Writes the sRGB bytes (0..255, clamped: some L*a*b* colours lie outside sRGB) of CIELAB (L*, a*, b*)
 * into `out` at `at` — the inverse of `srgbToLab`, used to show a picture imported as L*a*b* only.
 */
export function labToSrgbBytes(L: number, a: number, b: number, out: Uint8ClampedArray, at: number): void {
  const fy = (L + 16) / 116;
  const X = WHITE[0] * finv(fy + a / 500);
  const Y = WHITE[1] * finv(fy);
  const Z = WHITE[2] * finv(fy - b / 200);
  for (let c = 0; c < 3; c++) {
    const linearC = M_INV[c * 3] * X + M_INV[c * 3 + 1] * Y + M_INV[c * 3 + 2] * Z;
    out[at + c] = Math.round(gamma(Math.min(1, Math.max(0, linearC))) * 255);
  }
}
