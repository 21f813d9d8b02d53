/**
 * What mclust's M-steps share (Celeux & Govaert, "Gaussian parsimonious clustering models",
 * Pattern Recognition 28, 1995; mclust's src/mclust.f and src/mclustaddson.f): each component's
 * scatter W_k = Σ_i r_ik (x_i − μ_k)(x_i − μ_k)ᵀ, regularised, and the inner iterations' rules.
 *
 * Regularisation: mclust adds none. The engine's reg_covar enters as nk · reg_covar on each W_k's
 * diagonal, i.e. reg_covar added to every sample covariance W_k / nk before the model's M-step:
 * for VII, VVI, EEE and VVV this is exactly scikit-learn's "reg_covar on the diagonal of the
 * estimate", and for the other models the estimate stays inside the model's family (λ, A, D
 * structure) and positive definite. With reg_covar = 0 the M-steps are mclust's.
 */
import { choleskyLower } from '../../linalg';

/**
 * mclust's inner tolerance, emControl()$tol[2] = sqrt(.Machine$double.eps): the iterative M-steps
 * (VEI, VEV, VEE, EVE, VVE) stop when the relative change of their parameters or target falls
 * below it.
 */
export const INNER_TOL = Math.sqrt(Number.EPSILON);

/**
 * Cap on inner iterations per M-step. mclust's default is .Machine$integer.max (no cap); the inner
 * iterations converge linearly and, started from the previous M-step's parts, take a handful, so
 * the cap only stops a pathological case from hanging a fit.
 */
export const INNER_MAX_ITER = 100_000;

/** mclust's convergence measure for inner iterations: |old − new| / (1 + |new|). */
export const relativeChange = (previous: number, next: number): number =>
  Math.abs(previous - next) / (1 + Math.abs(next));

/**
 * W_k + nk · reg_covar · I of every component, as separate arrays: d × d row-major (dense family
 * scatter, K × d × d) or the d diagonal entries (diagonal family scatter, K × d).
 */
export function ridgedScatters(
  scatter: Float64Array,
  nk: Float64Array,
  regCovar: number,
  K: number,
  d: number,
  dense: boolean,
): Float64Array[] {
  const size = dense ? d * d : d;
  return Array.from({ length: K }, (_, k) => {
    const W = scatter.slice(k * size, (k + 1) * size);
    for (let j = 0; j < d; j++) W[dense ? j * d + j : j] += nk[k] * regCovar;
    return W;
  });
}

/** (Π values)^{1/d} computed through logs, so large d neither overflows nor underflows. */
export function geometricMean(values: ArrayLike<number>, off = 0, d = values.length - off): number {
  let s = 0;
  for (let j = 0; j < d; j++) s += Math.log(values[off + j]);
  return Math.exp(s / d);
}

/** det(A)^{1/d} of a symmetric positive definite d × d matrix (Cholesky); NaN when not positive definite. */
export function detRoot(A: Float64Array, d: number): number {
  const L = new Float64Array(d * d);
  if (!choleskyLower(A, 0, d, L, 0)) return NaN;
  let s = 0;
  for (let j = 0; j < d; j++) s += Math.log(L[j * d + j]);
  return Math.exp((2 * s) / d);
}

/** Σ_k nk (mclust's n: the weights' total). */
export function total(nk: Float64Array): number {
  let s = 0;
  for (let k = 0; k < nk.length; k++) s += nk[k];
  return s;
}

/** out[off…] = λ · D diag(a) Dᵀ (d × d), D row-major with the axes as columns. */
export function composeCovariance(
  lambda: number,
  a: ArrayLike<number>,
  aOff: number,
  D: Float64Array,
  dOff: number,
  d: number,
  out: Float64Array,
  off: number,
): void {
  for (let r = 0; r < d; r++)
    for (let c = r; c < d; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += D[dOff + r * d + j] * a[aOff + j] * D[dOff + c * d + j];
      out[off + r * d + c] = lambda * s;
      out[off + c * d + r] = lambda * s;
    }
}

/** C = A B for d × d row-major matrices. */
export function multiply(A: Float64Array, B: Float64Array, d: number): Float64Array {
  const C = new Float64Array(d * d);
  for (let i = 0; i < d; i++)
    for (let m = 0; m < d; m++) {
      const a = A[i * d + m];
      if (a === 0) continue;
      for (let j = 0; j < d; j++) C[i * d + j] += a * B[m * d + j];
    }
  return C;
}

/** Aᵀ of a d × d row-major matrix. */
export function transpose(A: Float64Array, d: number): Float64Array {
  const T = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) T[j * d + i] = A[i * d + j];
  return T;
}

/** The d × d identity. */
export function identity(d: number): Float64Array {
  const I = new Float64Array(d * d);
  for (let j = 0; j < d; j++) I[j * d + j] = 1;
  return I;
}
