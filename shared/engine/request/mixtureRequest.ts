/**
 * How a fit or sweep request reaches the engine's two fits: a request with only numeric Gaussian
 * columns, no weights and no missing cell to model runs scikit-learn's exact path
 * (buildFitMatrix.ts → model/fit.ts), bit for bit as before mixed types existed; any other goes
 * through the mixed rows (buildMixedRows.ts → model/fitMixture.ts). Also the explicit start of the
 * discrete families, given by column name, placed in the model's order.
 */
import { EngineError, ErrorCodes } from '../../errors';
import type { DataTable } from '../../data/table';
import type { InitParams, Preprocessing } from '../model/types';
import type { MixtureInit } from '../model/fitMixture';
import { COVARIANCE_MODELS } from '../model/covariance/index';
import type { CovarianceType } from '../model/vocabulary';
import { excludedRows, type ColumnRoles } from './buildMixedRows';

export interface MixtureRequest extends Omit<ColumnRoles, 'missing'> {
  missing?: 'model' | 'drop';
}

/** Refuses a text column the request did not list as categorical (the request must say it). */
export function checkDeclaredColumns(table: DataTable, req: MixtureRequest): void {
  const declared = new Set([...(req.categorical ?? []), ...(req.counts ?? [])]);
  for (const c of req.columns) {
    const column = table.summary.columns[c];
    if (!column) throw new EngineError(ErrorCodes.InvalidPayload, `There is no column ${c}.`, { column: c });
    if (!declared.has(c) && !(req.binomial ?? []).some((b) => b.column === c) && table.numeric(c) === null)
      throw new EngineError(
        ErrorCodes.InvalidPayload,
        `Cannot fit column ${c}: "${column.displayName}" is not a numeric column. List it as categorical to model its values as categories.`,
        { column: c },
      );
  }
}

/** True when the request is a plain Gaussian mixture with nothing to model but numbers. */
export function isPlainRequest(table: DataTable, req: MixtureRequest): boolean {
  if ((req.categorical?.length ?? 0) + (req.counts?.length ?? 0) + (req.binomial?.length ?? 0) > 0)
    return false;
  if (req.weights !== undefined) return false;
  if (req.missing === 'drop') return true;
  // Missing cells in the selected columns (summary rows left out at import count as absent rows,
  // as buildFitMatrix drops them either way).
  const excluded = excludedRows(table);
  for (const c of req.columns) {
    const values = table.numeric(c);
    if (!values) return false;
    for (let i = 0; i < values.length; i++) if (values[i] !== values[i] && !excluded.has(i)) return false;
  }
  return true;
}

/**
 * The explicit start of a mixed fit from a request's initParams (means, covariances and
 * precisions as scikit-learn shapes them; categorical, poisson and binomial keyed by column name),
 * in the order of the built rows' blocks. A categorical start must list exactly the column's
 * levels (in any order); its probabilities are reordered to the model's level order.
 */
export function mixtureInit(
  init: InitParams | undefined,
  preprocessing: Preprocessing,
  covarianceType: CovarianceType,
  K: number,
): MixtureInit | undefined {
  if (!init) return undefined;
  const d = preprocessing.columns.length;
  const model = COVARIANCE_MODELS[covarianceType];
  const out: MixtureInit = {};
  if (init.weights) out.weights = Float64Array.from(init.weights);
  if (init.means) out.means = Float64Array.from(init.means.flat());
  if (init.covariances) out.covariances = model.flatten(init.covariances, K, d) ?? undefined;
  else if (init.precisions) {
    const factors = model.precisionCholeskyFromPrecisions(
      model.flatten(init.precisions, K, d) as Float64Array,
      K,
      d,
    );
    if (typeof factors === 'number')
      throw new EngineError(
        'invalid_option',
        `initParams.precisions of component ${factors + 1} is not positive definite.`,
      );
    out.covariances = covariancesFromFactors(factors, model, K, d);
  }
  const named = <T>(
    given: Record<string, T> | undefined,
    columns: { name: string }[],
    what: string,
  ): (T | undefined)[] | undefined => {
    if (!given) return undefined;
    for (const name of Object.keys(given))
      if (!columns.some((c) => c.name === name))
        throw new EngineError(
          'invalid_option',
          `initParams.${what} names "${name}", which is not a ${what} column of the model.`,
        );
    return columns.map((c) => given[c.name]);
  };
  const categorical = named(init.categorical, preprocessing.categorical ?? [], 'categorical');
  if (categorical) {
    if (categorical.some((c) => c === undefined))
      throw new EngineError(
        'invalid_option',
        'initParams.categorical must give every categorical column of the model.',
      );
    out.categorical = categorical.map((c, j) => {
      const levels = (preprocessing.categorical ?? [])[j].levels;
      const given = c as { levels: string[]; probabilities: number[][] };
      if (given.levels.length !== levels.length || levels.some((l) => !given.levels.includes(l)))
        throw new EngineError(
          'invalid_option',
          `initParams.categorical "${(preprocessing.categorical ?? [])[j].name}" must list the column's levels ${levels.map((l) => `"${l}"`).join(', ')}.`,
        );
      const theta = new Float64Array(K * levels.length);
      for (let k = 0; k < K; k++)
        levels.forEach(
          (level, l) => (theta[k * levels.length + l] = given.probabilities[k][given.levels.indexOf(level)]),
        );
      return theta;
    });
  }
  const poisson = named(init.poisson, preprocessing.poisson ?? [], 'poisson');
  if (poisson) out.poisson = blockMatrix(poisson, K, 'poisson');
  const binomial = named(init.binomial, preprocessing.binomial ?? [], 'binomial');
  if (binomial)
    out.binomial = blockMatrix(
      binomial.map((b) => b?.probabilities),
      K,
      'binomial',
    );
  return out;
}

/** K × c matrix (class-major) from per-column arrays of K values; every column must be given. */
function blockMatrix(columns: (number[] | undefined)[], K: number, what: string): Float64Array {
  if (columns.some((c) => c === undefined))
    throw new EngineError(
      'invalid_option',
      `initParams.${what} must give every ${what} column of the model.`,
    );
  const c = columns.length;
  const out = new Float64Array(K * c);
  columns.forEach((values, j) => values!.forEach((v, k) => (out[k * c + j] = v)));
  return out;
}

/** Σ = (P Pᵀ)⁻¹ from precision-Cholesky factors, in the covariance type's shape. */
function covariancesFromFactors(
  factors: Float64Array,
  model: (typeof COVARIANCE_MODELS)[CovarianceType],
  K: number,
  d: number,
): Float64Array {
  // Σ_k = (P_k P_kᵀ)⁻¹ = M_kᵀ M_k with M_k = P_k⁻¹ for the dense family; 1/p² per coordinate for the diagonal one.
  if (model.family === 'diagonal') return factors.map((p) => 1 / (p * p));
  const count = model.size(K, d) / (d * d);
  const out = new Float64Array(count * d * d);
  for (let k = 0; k < count; k++) {
    const P = factors.subarray(k * d * d, (k + 1) * d * d);
    // Invert the upper-triangular P by back substitution: P M = I.
    const M = new Float64Array(d * d);
    for (let col = 0; col < d; col++)
      for (let i = d - 1; i >= 0; i--) {
        let s = i === col ? 1 : 0;
        for (let m = i + 1; m < d; m++) s -= P[i * d + m] * M[m * d + col];
        M[i * d + col] = s / P[i * d + i];
      }
    for (let a = 0; a < d; a++)
      for (let b = 0; b < d; b++) {
        let s = 0;
        for (let m = 0; m < d; m++) s += M[m * d + a] * M[m * d + b];
        out[k * d * d + a * d + b] = s;
      }
  }
  return out;
}
