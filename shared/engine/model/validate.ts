/**
 * Validation of a fit request, done once at the engine's edge (scikit-learn's
 * _parameter_constraints and _check_* helpers); the EM code behind it trusts its inputs.
 *
 * What only the fit can check: the data (finite, n ≥ K, no constant column, K distinct rows) and
 * that explicit covariances or precisions are positive definite. The options and the shapes of
 * explicit starts are checked again for callers that skip the request schema (the sweep's cells,
 * the command line's replays, tests), by the same rules (request/fitRules.ts): the options' domain
 * (lower bounds, integers), not the request's caps, which a sweep cell's restarts may exceed.
 *
 * Constant columns are refused (code constant_column) rather than fitted: a column with one value
 * in every row gives every component a zero variance there, so every covariance is singular but
 * for reg_covar, and the likelihood, BIC and clustering would then be dominated by the arbitrary
 * reg_covar (each row gains ½·ln(1/(2π·reg_covar)) ≈ +6 nats at the default). Telling the user
 * to drop the column is more useful than such a model.
 */
import type { FitOptions } from './types';
import { COVARIANCE_MODEL_NAMES, FIT_INIT_METHODS, MCLUST_UNIVARIATE_MODEL_NAMES } from './types';
import {
  INIT_PARAM_SHAPE,
  INTEGER_OPTION_RANGES,
  REAL_OPTION_MINIMA,
  isWeight,
  shapeProblem,
  weightsSumToOne,
} from '../request/fitRules';
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
  if ((MCLUST_UNIVARIATE_MODEL_NAMES as readonly string[]).includes(options.covarianceType) && d !== 1)
    throw invalid(
      `The covariance model ${options.covarianceType} is mclust's model for one column; with ${d} columns ` +
        "choose one of the multivariate models (EII … VVV, or scikit-learn's names).",
    );
  const model = COVARIANCE_MODELS[options.covarianceType];
  return { model, explicit: options.initParams ? parseInitParams(options, model, d) : {} };
}

function checkOptions(o: FitOptions): void {
  checkInteger(o, 'nComponents');
  if (!COVARIANCE_MODEL_NAMES.includes(o.covarianceType))
    throw invalid(`Unknown covariance type "${o.covarianceType}".`);
  if (!FIT_INIT_METHODS.includes(o.init)) throw invalid(`Unknown init method "${o.init}".`);
  checkInteger(o, 'nInit');
  checkInteger(o, 'maxIter');
  checkInteger(o, 'seed');
  checkReal(o, 'tol');
  checkReal(o, 'regCovar');
}

function checkInteger(o: FitOptions, field: keyof typeof INTEGER_OPTION_RANGES): void {
  const { min } = INTEGER_OPTION_RANGES[field];
  if (!isCount(o[field], min)) throw invalid(`${field} must be an integer ≥ ${min} (got ${o[field]}).`);
}

function checkReal(o: FitOptions, field: keyof typeof REAL_OPTION_MINIMA): void {
  const min = REAL_OPTION_MINIMA[field];
  if (!(o[field] >= min) || !Number.isFinite(o[field]))
    throw invalid(`${field} must be a number ≥ ${min} (got ${o[field]}).`);
}

function parseInitParams(options: FitOptions, model: CovarianceModel, d: number): ParsedInit {
  const K = options.nComponents;
  const type = options.covarianceType;
  const p = options.initParams ?? {};
  const out: ParsedInit = {};
  const misShaped = (key: keyof typeof INIT_PARAM_SHAPE): boolean =>
    shapeProblem(p[key], INIT_PARAM_SHAPE[key](type, K, d)) !== null;
  if (p.weights !== undefined) {
    if (misShaped('weights') || !p.weights.every(isWeight))
      throw invalid(`initParams.weights must be ${K} numbers in [0, 1].`);
    const w = Float64Array.from(p.weights);
    const sum = w.reduce((a, b) => a + b, 0);
    if (!weightsSumToOne(sum)) throw invalid(`initParams.weights must sum to 1 (got ${sum}).`);
    out.weights = w;
  }
  if (p.means !== undefined) {
    if (misShaped('means')) throw invalid(`initParams.means must be ${K} × ${d} finite numbers.`);
    out.means = COVARIANCE_MODELS.diag.flatten(p.means, K, d)!;
  }
  const shape = `K = ${K}, d = ${d} (${type} stores the ${model.layout} layout: full K × d × d, tied d × d, diag K × d, spherical K)`;
  if (p.covariances !== undefined) {
    if (misShaped('covariances'))
      throw invalid(`initParams.covariances must be finite numbers shaped for ${shape}.`);
    const c = model.flatten(p.covariances, K, d)!;
    const factors = model.precisionCholesky(c, K, d);
    if (typeof factors === 'number')
      throw invalid(`initParams.covariances of component ${factors + 1} is not positive definite.`);
    out.covariances = c;
    out.precisionsCholesky = factors;
  } else if (p.precisions !== undefined) {
    if (misShaped('precisions'))
      throw invalid(`initParams.precisions must be finite numbers shaped for ${shape}.`);
    const c = model.flatten(p.precisions, K, d)!;
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
