/**
 * The options `mixlab fit` and `mixlab sweep` share for columns that are not Gaussian, for missing
 * cells and for row weights, and the request fields they fill:
 *
 *   --categorical a,b       numeric codes to model as categories (text columns are categorical
 *                           without being named)
 *   --count c               Poisson counts
 *   --binomial d:10,e:n     successes out of a constant number of trials, or a trials column
 *   --weights w             a frequency-weight column (not a model column)
 *   --missing model|drop    keep missing cells in the model (default) or drop their rows
 *   --smoothing a           Dirichlet pseudo-count for category probabilities (default 0)
 *
 * A model with such columns runs up to MIXED_DEFAULT_MAX_ITER iterations unless --max-iter says
 * otherwise (maxIterFor).
 *
 * Columns named in --categorical, --count and --binomial take part even when --columns leaves them
 * out; without --columns the model is every numeric column plus those.
 */
import type { DatasetSummary } from '../../shared/data/types';
import { ArgumentError, oneOf, type OptionSpec } from './args';

export const FAMILY_FLAGS_SPEC = {
  categorical: 'string',
  count: 'string',
  binomial: 'string',
  weights: 'string',
  missing: 'string',
  smoothing: 'number',
} as const satisfies OptionSpec;

export const FAMILY_FLAGS_USAGE = `Column families, missing cells and weights:
  --categorical a,b      numeric columns to model as categories (text columns always are)
  --count c,d            Poisson count columns (whole numbers ≥ 0)
  --binomial d:10,e:n    binomial columns: successes out of 10 trials, or out of column n
  --weights w            frequency weights: a row of weight 2 counts as two rows (0 = absent)
  --missing model|drop   missing cells stay in the model (default; only a row with no observed
                         cell is left out) or rows with one are dropped
  --smoothing a          add a to every category count (Dirichlet smoothing; default 0 = maximum likelihood)
A model with a categorical, count or binomial column runs to convergence: --max-iter defaults to
10000 for it (100, scikit-learn's, for numeric columns alone).`;

/** Request field → option, for schema messages. */
export const FAMILY_FLAGS: Record<string, string> = {
  categorical: '--categorical',
  counts: '--count',
  binomial: '--binomial',
  weights: '--weights',
  missing: '--missing',
  smoothing: '--smoothing',
};

export interface FamilyOptions {
  columns?: string;
  categorical?: string;
  count?: string;
  binomial?: string;
  weights?: string;
  missing?: string;
  smoothing?: number;
}

export interface FamilyFields {
  columns: number[];
  categorical?: number[];
  counts?: number[];
  binomial?: { column: number; trials: number | { column: number } }[];
  weights?: number;
  missing?: 'model' | 'drop';
  smoothing?: number;
}

/** The model's columns and their families, as dataset column indices. */
export function resolveFamilies(summary: DatasetSummary, o: FamilyOptions): FamilyFields {
  oneOf('--missing', o.missing, ['model', 'drop'] as const);
  const column = (name: string, flag: string): number => {
    const found =
      summary.columns.find((c) => c.displayName === name) ?? summary.columns.find((c) => c.name === name);
    if (!found) {
      const known = summary.columns.map((c) => c.displayName).join(', ');
      throw new ArgumentError(`unknown column "${name}" in ${flag} (the file has: ${known})`);
    }
    return found.index;
  };
  const list = (text: string | undefined, flag: string): number[] =>
    text === undefined ? [] : text.split(',').map((raw) => column(raw.trim(), flag));
  const categorical = list(o.categorical, '--categorical');
  const counts = list(o.count, '--count');
  const binomial = (o.binomial === undefined ? [] : o.binomial.split(',')).map((part) => {
    const [name, trials] = part.split(':').map((s) => s.trim());
    if (!name || trials === undefined || trials === '')
      throw new ArgumentError(`--binomial takes column:trials (a number or a column), got "${part}"`);
    const n = Number(trials);
    return {
      column: column(name, '--binomial'),
      trials: /^\d+$/.test(trials) && n >= 1 ? n : { column: column(trials, '--binomial') },
    };
  });
  const named = [...categorical, ...counts, ...binomial.map((b) => b.column)];
  let columns: number[];
  if (o.columns === undefined) {
    columns = summary.columns
      .filter((c) => c.kind === 'numeric' && !named.includes(c.index))
      .map((c) => c.index);
    columns.push(...named.filter((c, i) => named.indexOf(c) === i));
    if (columns.length === 0) throw new ArgumentError(`${summary.file} has no numeric column to fit`);
  } else {
    columns = list(o.columns, '--columns');
    for (const c of named) if (!columns.includes(c)) columns.push(c);
  }
  // Text columns are categorical without being named; an empty column has nothing to model.
  for (const c of columns) {
    const kind = summary.columns[c].kind;
    if (kind === 'empty')
      throw new ArgumentError(`column "${summary.columns[c].displayName}" is empty: nothing to model`);
    if (kind === 'categorical' && !named.includes(c)) categorical.push(c);
  }
  const weights = o.weights === undefined ? undefined : column(o.weights.trim(), '--weights');
  return {
    columns,
    ...(categorical.length ? { categorical } : {}),
    ...(counts.length ? { counts } : {}),
    ...(binomial.length ? { binomial } : {}),
    ...(weights !== undefined ? { weights } : {}),
    ...(o.missing ? { missing: o.missing as 'model' | 'drop' } : {}),
    ...(o.smoothing !== undefined ? { smoothing: o.smoothing } : {}),
  };
}

/**
 * --max-iter when it is not given and the model has a column that is not Gaussian. scikit-learn's
 * 100 (the Gaussian default, kept for plain Gaussian fits so they stay scikit-learn's) stops latent
 * class fits far from their optimum: their likelihood is flat near it, and poLCA's own example
 * datasets need up to ~1 300 EM iterations (values, K = 4) and a random start up to ~6 000
 * (gss82, K = 4) to reach tol 1e-10. poLCA's and VarSelLCM's fits run to convergence; so do ours.
 */
export const MIXED_DEFAULT_MAX_ITER = 10_000;

/** The request's maxIter: the one given, else 100 (plain Gaussian) or MIXED_DEFAULT_MAX_ITER. */
export function maxIterFor(given: number | undefined, families: FamilyFields, fallback: number): number {
  if (given !== undefined) return given;
  const discrete =
    (families.categorical?.length ?? 0) + (families.counts?.length ?? 0) + (families.binomial?.length ?? 0);
  return discrete > 0 ? MIXED_DEFAULT_MAX_ITER : fallback;
}
