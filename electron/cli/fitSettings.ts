/**
 * The command-line pieces `mixlab fit` and `mixlab sweep` share: the data file, the column choice,
 * the EM settings (scikit-learn's names) and the covariance model names, as options and as the
 * request fields they fill.
 */
import { ArgumentError, type OptionSpec } from './args';
import {
  COVARIANCE_MODEL_NAMES,
  COVARIANCE_TYPES,
  MCLUST_MODEL_NAMES,
  isMclustName,
  type CovarianceType,
} from '../../shared/engine/model/types';

/** Options both commands take; each adds its own --k and --covariance (one value vs a list). */
export const FIT_SETTINGS_SPEC = {
  columns: 'string',
  'all-numeric': 'flag',
  standardize: 'flag',
  init: 'string',
  'n-init': 'integer',
  seed: 'integer',
  'max-iter': 'integer',
  tol: 'number',
  'reg-covar': 'number',
  threads: 'integer',
  json: 'flag',
  help: 'flag',
} as const satisfies OptionSpec;

/** Request field → the option a user typed, so schema messages speak the command line's language. */
export const FIT_SETTINGS_FLAGS: Record<string, string> = {
  init: '--init',
  nInit: '--n-init',
  seed: '--seed',
  maxIter: '--max-iter',
  tol: '--tol',
  regCovar: '--reg-covar',
  threads: '--threads',
  columns: '--columns',
};

/** The one positional, the data file; `synopsis` shows how to give it when it is missing. */
export function dataFileArgument(positionals: readonly string[], synopsis: string): string {
  if (positionals.length === 0) throw new ArgumentError(`missing the data file (${synopsis})`);
  if (positionals.length > 1)
    throw new ArgumentError(`expected one data file, got ${positionals.length}: ${positionals.join(' ')}`);
  return positionals[0];
}

/** --columns and --all-numeric exclude each other (the default is every numeric column). */
export function checkColumnChoice(o: { columns?: string; 'all-numeric'?: boolean }): void {
  if (o.columns !== undefined && o['all-numeric'])
    throw new ArgumentError('give --columns or --all-numeric, not both');
}

/**
 * A --covariance name: scikit-learn's (full, tied, diag, spherical) or mclust's (EII … VVV; E, V for
 * one column), the latter in any letter case. The request keeps the name as given (canonical case),
 * so results report the model under it.
 */
export function covarianceName(flag: string, text: string): CovarianceType {
  const t = text.trim();
  const found =
    COVARIANCE_MODEL_NAMES.find((name) => name === t) ??
    COVARIANCE_MODEL_NAMES.find((name) => isMclustName(name) && name.toLowerCase() === t.toLowerCase());
  if (!found)
    throw new ArgumentError(
      `${flag} must be one of ${COVARIANCE_TYPES.join(', ')} or mclust's ${MCLUST_MODEL_NAMES.join(', ')} ` +
        `(E, V for one column) (got "${t}")`,
    );
  return found;
}

/** A comma-separated list of --covariance names, any mix, in the order given, without repeats. */
export function covarianceNames(flag: string, text: string): CovarianceType[] {
  return [...new Set(text.split(',').map((t) => covarianceName(flag, t)))];
}
