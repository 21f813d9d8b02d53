/**
 * How each column takes part in a model: its family (a numeric column in the Gaussian block, or as
 * categories, counts or binomial successes; a text column as categories), the frequency-weight
 * column and what happens to missing cells — the fields a fit or sweep request adds to the selected
 * columns (shared/engine/request/familyRoles.ts). Plain data and pure functions: the analysis store
 * holds a ColumnRoles, a project file saves it.
 */
import type { ColumnSummary } from '../../../shared/data/types';
import type { FitRequest } from '../../../shared/engine/model/types';
import { isModelColumn } from './preprocessingAdvice';

export const COLUMN_FAMILIES = ['gaussian', 'categorical', 'count', 'binomial'] as const;
export type ColumnFamily = (typeof COLUMN_FAMILIES)[number];

export interface BinomialRole {
  column: number;
  /** A constant number of trials, or the column holding each row's. */
  trials: number | { column: number };
}

export interface ColumnRoles {
  /** Columns modelled as categories: every selected text column, and numeric columns so chosen. */
  categorical: number[];
  /** Poisson count columns. */
  counts: number[];
  binomial: BinomialRole[];
  /** The frequency-weight column (never a model column); null = every row counts once. */
  weights: number | null;
  /** 'model': rows stay in and their missing cells are modelled; 'drop': rows with one are left out. */
  missing: 'model' | 'drop';
}

export function defaultColumnRoles(): ColumnRoles {
  return { categorical: [], counts: [], binomial: [], weights: null, missing: 'model' };
}

/** A text column: it can take part only as categories (nothing to compute on otherwise). */
export function isTextColumn(column: ColumnSummary): boolean {
  return column.kind === 'categorical' && (column.distinct ?? 0) > 0;
}

/** A column a model can use: numeric (any family) or text (as categories). */
export function isPickable(column: ColumnSummary): boolean {
  return isModelColumn(column) || isTextColumn(column);
}

/** The families a column may take: text → categories only; numeric → any. */
export function familiesFor(column: ColumnSummary): readonly ColumnFamily[] {
  return isTextColumn(column) ? ['categorical'] : COLUMN_FAMILIES;
}

export function familyOf(roles: ColumnRoles, column: ColumnSummary): ColumnFamily {
  if (isTextColumn(column) || roles.categorical.includes(column.index)) return 'categorical';
  if (roles.counts.includes(column.index)) return 'count';
  if (roles.binomial.some((b) => b.column === column.index)) return 'binomial';
  return 'gaussian';
}

/** Trials offered when a column becomes binomial: its largest value (at least 1), a constant. */
export function defaultTrials(column: ColumnSummary): number {
  return Math.max(1, Math.ceil(column.max ?? 1));
}

/**
 * `roles` with `column` in `family` (and out of every other). A column that becomes the weight
 * column is handled by `withWeights`; a binomial column keeps its trials unless new ones are given.
 */
export function withFamily(
  roles: ColumnRoles,
  column: ColumnSummary,
  family: ColumnFamily,
  trials?: BinomialRole['trials'],
): ColumnRoles {
  const c = column.index;
  if (!familiesFor(column).includes(family)) return roles;
  const previous = roles.binomial.find((b) => b.column === c);
  const next: ColumnRoles = {
    ...roles,
    categorical: roles.categorical.filter((x) => x !== c),
    counts: roles.counts.filter((x) => x !== c),
    // Another binomial column counting its trials in this one keeps them only while this one is numeric.
    binomial: roles.binomial.filter(
      (b) =>
        b.column !== c && !(family !== 'gaussian' && typeof b.trials === 'object' && b.trials.column === c),
    ),
  };
  if (family === 'categorical') next.categorical = [...next.categorical, c];
  if (family === 'count') next.counts = [...next.counts, c];
  if (family === 'binomial')
    next.binomial = [
      ...next.binomial,
      { column: c, trials: trials ?? previous?.trials ?? defaultTrials(column) },
    ];
  return next;
}

/** `roles` with `column` as the weight column (null: none); the caller drops it from the selection. */
export function withWeights(roles: ColumnRoles, column: number | null): ColumnRoles {
  if (column === null) return { ...roles, weights: null };
  const out = { ...roles, weights: column };
  return {
    ...out,
    categorical: out.categorical.filter((x) => x !== column),
    counts: out.counts.filter((x) => x !== column),
    binomial: out.binomial.filter((b) => b.column !== column),
  };
}

/** The selected columns whose family is the Gaussian block (in selection order). */
export function gaussianColumns(
  roles: ColumnRoles,
  selection: readonly number[],
  columns: readonly ColumnSummary[],
): number[] {
  return selection.filter((c) => {
    const column = columns.find((x) => x.index === c);
    return column !== undefined && familyOf(roles, column) === 'gaussian';
  });
}

/** The role fields of a fit or sweep request, present only when they say something. */
export type RequestRoles = Pick<FitRequest, 'categorical' | 'counts' | 'binomial' | 'weights' | 'missing'>;

/**
 * What `roles` add to a request over `selection`: every selected text column listed as categorical
 * (the engine refuses an undeclared one), the other roles restricted to the selection, and nothing
 * at all for a plain Gaussian analysis (so its request is exactly what it always was).
 */
export function requestRoles(
  roles: ColumnRoles,
  selection: readonly number[],
  columns: readonly ColumnSummary[],
): RequestRoles {
  const selected = new Set(selection);
  const text = columns.filter((c) => selected.has(c.index) && isTextColumn(c)).map((c) => c.index);
  const categorical = selection.filter((c) => text.includes(c) || roles.categorical.includes(c));
  const counts = selection.filter((c) => roles.counts.includes(c));
  const binomial = roles.binomial
    .filter((b) => selected.has(b.column))
    .sort((a, b) => selection.indexOf(a.column) - selection.indexOf(b.column))
    .map((b) => ({
      column: b.column,
      trials: typeof b.trials === 'number' ? b.trials : { column: b.trials.column },
    }));
  const out: RequestRoles = {};
  if (categorical.length > 0) out.categorical = categorical;
  if (counts.length > 0) out.counts = counts;
  if (binomial.length > 0) out.binomial = binomial;
  if (roles.weights !== null && !selected.has(roles.weights)) out.weights = roles.weights;
  if (roles.missing === 'drop') out.missing = 'drop';
  return out;
}

/** A request (or a fit's) with a family other than the Gaussian block, or weights. */
export function hasFamilies(req: RequestRoles): boolean {
  return (
    (req.categorical?.length ?? 0) + (req.counts?.length ?? 0) + (req.binomial?.length ?? 0) > 0 ||
    req.weights !== undefined
  );
}

/**
 * Whether a request over these columns models missing cells: missing 'model' (the default) and a
 * selected column with a missing or non-numeric cell. The engine then fits mixed rows (rows with
 * some cells missing stay in), not the plain Gaussian matrix that drops them
 * (shared/engine/request/mixtureRequest.ts isPlainRequest), so the model must be applied the same way.
 */
export function modelsMissingCells(
  req: RequestRoles & { columns: readonly number[] },
  columns: readonly ColumnSummary[],
): boolean {
  if (req.missing === 'drop') return false;
  const selected = new Set(req.columns);
  return columns.some((c) => selected.has(c.index) && (c.missing > 0 || (c.nonNumeric ?? 0) > 0));
}

/** Saved roles restored over a dataset: only columns that exist there, each in a family it allows. */
export function restoreRoles(
  saved: Partial<ColumnRoles> | undefined,
  columns: readonly ColumnSummary[],
): ColumnRoles {
  let roles = defaultColumnRoles();
  if (!saved) return roles;
  const byIndex = new Map(columns.map((c) => [c.index, c]));
  const numeric = (c: unknown): c is number =>
    typeof c === 'number' && byIndex.get(c) !== undefined && isModelColumn(byIndex.get(c)!);
  for (const c of saved.categorical ?? []) {
    const column = byIndex.get(c);
    if (column && isPickable(column)) roles = withFamily(roles, column, 'categorical');
  }
  for (const c of saved.counts ?? []) if (numeric(c)) roles = withFamily(roles, byIndex.get(c)!, 'count');
  for (const b of saved.binomial ?? [])
    if (numeric(b.column) && (typeof b.trials === 'number' || numeric(b.trials.column)))
      roles = withFamily(roles, byIndex.get(b.column)!, 'binomial', b.trials);
  if (numeric(saved.weights)) roles = withWeights(roles, saved.weights);
  if (saved.missing === 'drop') roles.missing = 'drop';
  return roles;
}

/** The role fields of a request (fit or sweep), in requestRoles' key order, absent ones left out. */
export function roleFields(req: RequestRoles): RequestRoles {
  const out: RequestRoles = {};
  if (req.categorical) out.categorical = [...req.categorical];
  if (req.counts) out.counts = [...req.counts];
  if (req.binomial)
    out.binomial = req.binomial.map((b) => ({
      column: b.column,
      trials: typeof b.trials === 'number' ? b.trials : { column: b.trials.column },
    }));
  if (req.weights !== undefined) out.weights = req.weights;
  if (req.missing) out.missing = req.missing;
  return out;
}
