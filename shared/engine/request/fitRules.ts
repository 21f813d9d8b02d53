/**
 * The rules of a fit's options, written once and read by every place that checks them: the request
 * schema (fitRequest.ts, which the main process and the engine parse with), the fit's own checks for
 * direct callers (model/validate.ts) and the settings form (renderer/src/lib/modelSettings.ts, which
 * may narrow a range but reads it here). The vocabularies (COVARIANCE_MODEL_NAMES, FIT_INIT_METHODS)
 * and the defaults (DEFAULT_FIT_OPTIONS) are model/types.ts's.
 *
 * An integer option has a domain, its lower bound (scikit-learn's _parameter_constraints, e.g.
 * n_init: Interval(Integral, 1, None)), and a cap that a request may not exceed, so an absurd or
 * hostile request is refused before it allocates. The fit itself checks the domain only: a sweep
 * cell legitimately runs more restarts than a request may ask for (sweep/restarts.ts, up to
 * 5 × n_init).
 */
import { COVARIANCE_LAYOUT, COVARIANCE_MODEL_NAMES, type CovarianceType } from '../model/vocabulary';

/** The explicit starting arrays a request may give (request/fitRequest.ts, initParamsSchema). */
export type InitParamKey = 'weights' | 'means' | 'covariances' | 'precisions';

/** An inclusive integer range. */
export interface IntegerRange {
  readonly min: number;
  readonly max: number;
}

export const INTEGER_OPTION_RANGES: Readonly<
  Record<'nComponents' | 'nInit' | 'seed' | 'maxIter', IntegerRange>
> = {
  nComponents: { min: 1, max: 1000 },
  nInit: { min: 1, max: 1000 },
  // scikit-learn's random_state range (a 32-bit unsigned seed).
  seed: { min: 0, max: 2 ** 32 - 1 },
  // scikit-learn also allows max_iter = 0 (the start, unfitted); the engine asks for one iteration.
  maxIter: { min: 1, max: 1_000_000 },
};

/**
 * Inclusive lower bounds of the real options (finite numbers): tol = 0 runs EM to max_iter,
 * reg_covar = 0 adds nothing to the diagonal.
 */
export const REAL_OPTION_MINIMA: Readonly<Record<'tol' | 'regCovar', number>> = { tol: 0, regCovar: 0 };

/** Nested-array shape of scikit-learn's `covariances_` / `precisions_init` for K components and d features. */
const LAYOUT_SHAPE = {
  full: (k: number, d: number) => [k, d, d],
  tied: (_k: number, d: number) => [d, d],
  diag: (k: number, d: number) => [k, d],
  spherical: (k: number) => [k],
};

/**
 * The same shape for every covariance model, by the scikit-learn layout it stores (the table in
 * model/types.ts). A Record, not a switch: the covariance type is data here.
 */
export const COVARIANCE_SHAPE = Object.fromEntries(
  COVARIANCE_MODEL_NAMES.map((type) => [type, LAYOUT_SHAPE[COVARIANCE_LAYOUT[type]]]),
) as Record<CovarianceType, (k: number, d: number) => number[]>;

/** The shape each explicit starting array must have (scikit-learn's weights_init, means_init, …). */
export const INIT_PARAM_SHAPE: Record<
  InitParamKey,
  (covarianceType: CovarianceType, k: number, d: number) => number[]
> = {
  weights: (_type, k) => [k],
  means: (_type, k, d) => [k, d],
  covariances: (type, k, d) => COVARIANCE_SHAPE[type](k, d),
  precisions: (type, k, d) => COVARIANCE_SHAPE[type](k, d),
};

/** First mismatch between `value` and a nested array of finite numbers of shape `dims`, or null. */
export function shapeProblem(
  value: unknown,
  dims: readonly number[],
): { path: number[]; message: string } | null {
  if (dims.length === 0) {
    return typeof value === 'number' && Number.isFinite(value)
      ? null
      : { path: [], message: 'expected a finite number' };
  }
  if (!Array.isArray(value)) return { path: [], message: `expected an array of ${dims[0]} entries` };
  if (value.length !== dims[0])
    return { path: [], message: `expected ${dims[0]} entries, got ${value.length}` };
  for (let i = 0; i < value.length; i++) {
    const inner = shapeProblem(value[i], dims.slice(1));
    if (inner) return { path: [i, ...inner.path], message: inner.message };
  }
  return null;
}

/**
 * scikit-learn's _check_weights: every starting weight lies in [0, 1] and they sum to 1 within
 * np.allclose's absolute tolerance.
 */
export const WEIGHTS_SUM_TOLERANCE = 1e-8;

export const isWeight = (w: number): boolean => w >= 0 && w <= 1;

export const weightsSumToOne = (sum: number): boolean => !(Math.abs(1 - sum) > WEIGHTS_SUM_TOLERANCE);
