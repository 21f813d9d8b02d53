/**
 * Validation of a fit request, done once at the engine's edge (scikit-learn's
 * _parameter_constraints and _check_* helpers); the EM code behind it trusts its inputs.
 *
 * Constant columns are refused (code constant_column) rather than fitted: a column with one value
 * in every row gives every component a zero variance there, so every covariance is singular but
 * for reg_covar, and the likelihood, BIC and clustering would then be dominated by the arbitrary
 * reg_covar (each row gains ½·ln(1/(2π·reg_covar)) ≈ +6 nats at the default). Telling the user
 * to drop the column is more useful than such a model.
 */
import type { FitOptions } from './types';
import { COVARIANCE_TYPES, INIT_METHODS } from './types';
import type { CovarianceModel } from './covariance/index';
import { COVARIANCE_MODELS } from './covariance/index';
import { EngineError } from '../../errors';
import type { ParsedInit } from './init';

export interface ValidatedFit {
  model: CovarianceModel;
  /** Explicit starting values in the data's own coordinates (means not yet centred). */
  explicit: ParsedInit;
}

export function validateFit(X: Float64Array, n: number, d: number, options: FitOptions): ValidatedFit {
  checkOptions(options);
  if (!isCount(n, 0) || !isCount(d, 1) || X.length !== n * d) {
    throw invalid(`The data must be nSamples × nFeatures values (got ${X.length} values for ${n} × ${d}).`);
  }
  for (let e = 0; e < X.length; e++) {
    if (!Number.isFinite(X[e])) {
      throw new EngineError(
        'not_finite',
        `Row ${Math.floor(e / d) + 1}, column ${(e % d) + 1} is not a finite number (${X[e]}).`,
        {
          row: Math.floor(e / d),
          column: e % d,
        },
      );
    }
  }
  const K = options.nComponents;
  if (n < 2)
    throw new EngineError('too_few_samples', `A mixture needs at least 2 rows (got ${n}).`, { nSamples: n });
  if (n < K)
    throw new EngineError('too_few_samples', `There are fewer rows (${n}) than components (${K}).`, {
      nSamples: n,
      nComponents: K,
    });
  const constant = constantColumns(X, n, d);
  if (constant.length > 0) {
    throw new EngineError(
      'constant_column',
      `Column ${constant.map((c) => c + 1).join(', ')} has the same value in every row, so every component's ` +
        'covariance would be singular there (held up only by reg_covar). Remove the column or choose other columns.',
      { columns: constant },
    );
  }
  const distinct = distinctRowsUpTo(X, n, d, K);
  if (distinct < K) {
    throw new EngineError(
      'too_many_components',
      `The data have only ${distinct} distinct rows, fewer than the ${K} components.`,
      {
        distinctRows: distinct,
        nComponents: K,
      },
    );
  }
  const model = COVARIANCE_MODELS[options.covarianceType];
  return { model, explicit: options.initParams ? parseInitParams(options, model, d) : {} };
}

function checkOptions(o: FitOptions): void {
  if (!isCount(o.nComponents, 1)) throw invalid(`nComponents must be an integer ≥ 1 (got ${o.nComponents}).`);
  if (!COVARIANCE_TYPES.includes(o.covarianceType))
    throw invalid(`Unknown covariance type "${o.covarianceType}".`);
  if (!INIT_METHODS.includes(o.init)) throw invalid(`Unknown init method "${o.init}".`);
  if (!isCount(o.nInit, 1)) throw invalid(`nInit must be an integer ≥ 1 (got ${o.nInit}).`);
  if (!isCount(o.maxIter, 1)) throw invalid(`maxIter must be an integer ≥ 1 (got ${o.maxIter}).`);
  if (!isCount(o.seed, 0)) throw invalid(`seed must be an integer ≥ 0 (got ${o.seed}).`);
  if (!(o.tol >= 0) || !Number.isFinite(o.tol)) throw invalid(`tol must be a number ≥ 0 (got ${o.tol}).`);
  if (!(o.regCovar >= 0) || !Number.isFinite(o.regCovar))
    throw invalid(`regCovar must be a number ≥ 0 (got ${o.regCovar}).`);
}

function parseInitParams(options: FitOptions, model: CovarianceModel, d: number): ParsedInit {
  const K = options.nComponents;
  const p = options.initParams ?? {};
  const out: ParsedInit = {};
  if (p.weights !== undefined) {
    const w = Float64Array.from(Array.isArray(p.weights) ? p.weights : [NaN]);
    if (w.length !== K || w.some((v) => !(v >= 0 && v <= 1)))
      throw invalid(`initParams.weights must be ${K} numbers in [0, 1].`);
    const sum = w.reduce((a, b) => a + b, 0);
    if (Math.abs(1 - sum) > 1e-8) throw invalid(`initParams.weights must sum to 1 (got ${sum}).`);
    out.weights = w;
  }
  if (p.means !== undefined) {
    const m = COVARIANCE_MODELS.diag.flatten(p.means, K, d);
    if (!m || m.some((v) => !Number.isFinite(v)))
      throw invalid(`initParams.means must be ${K} × ${d} finite numbers.`);
    out.means = m;
  }
  const shape = `K = ${K}, d = ${d} (${model.type}: full K × d × d, tied d × d, diag K × d, spherical K)`;
  if (p.covariances !== undefined) {
    const c = model.flatten(p.covariances, K, d);
    if (!c || c.some((v) => !Number.isFinite(v)))
      throw invalid(`initParams.covariances must be finite numbers shaped for ${shape}.`);
    const factors = model.precisionCholesky(c, K, d);
    if (typeof factors === 'number')
      throw invalid(`initParams.covariances of component ${factors + 1} is not positive definite.`);
    out.covariances = c;
    out.precisionsCholesky = factors;
  } else if (p.precisions !== undefined) {
    const c = model.flatten(p.precisions, K, d);
    if (!c || c.some((v) => !Number.isFinite(v)))
      throw invalid(`initParams.precisions must be finite numbers shaped for ${shape}.`);
    const factors = model.precisionCholeskyFromPrecisions(c, K, d);
    if (typeof factors === 'number')
      throw invalid(`initParams.precisions of component ${factors + 1} is not positive definite.`);
    out.precisionsCholesky = factors;
  }
  return out;
}

function constantColumns(X: Float64Array, n: number, d: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < d; j++) {
    const v = X[j];
    let same = true;
    for (let i = 1; i < n && same; i++) same = X[i * d + j] === v;
    if (same) out.push(j);
  }
  return out;
}

/** Number of distinct rows, counting only up to `limit` (a scan that stops once enough are found). */
function distinctRowsUpTo(X: Float64Array, n: number, d: number, limit: number): number {
  const found: number[] = [];
  for (let i = 0; i < n && found.length < limit; i++) {
    const isNew = found.every((r) => {
      for (let j = 0; j < d; j++) if (X[r * d + j] !== X[i * d + j]) return true;
      return false;
    });
    if (isNew) found.push(i);
  }
  return found.length;
}

function isCount(v: number, min: number): boolean {
  return Number.isInteger(v) && v >= min && v <= Number.MAX_SAFE_INTEGER;
}

function invalid(message: string): EngineError {
  return new EngineError('invalid_option', message);
}
