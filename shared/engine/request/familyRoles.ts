/**
 * The part of a fit or sweep request that gives columns a family other than the Gaussian block
 * (families/README.md), chooses what happens to missing cells and names a weight column. Shared by
 * the fit and sweep schemas. Every non-numeric column among `columns` must be listed in
 * `categorical` (the command line and the app list text columns themselves), so the request says
 * which columns form the Gaussian block without looking at the data.
 */
import { z } from 'zod';

const column = z.number().int().min(0);

export const binomialRoleSchema = z
  .object({
    column,
    /** A constant number of trials, or the column holding each row's. */
    trials: z.union([z.number().int().min(1).max(1e9), z.object({ column }).strict()]),
  })
  .strict();

export const familyRoleFields = {
  /** Columns modelled as categories (text columns, or numeric codes); subset of `columns`. */
  categorical: z.array(column).optional(),
  /** Poisson count columns; subset of `columns`. */
  counts: z.array(column).optional(),
  /** Binomial columns (successes) with their trials; subset of `columns`. */
  binomial: z.array(binomialRoleSchema).optional(),
  /** A column of frequency weights (not among `columns`). */
  weights: column.optional(),
  /** 'model' (default): missing cells stay in the model; 'drop': rows with one are left out. */
  missing: z.enum(['model', 'drop']).optional(),
  /** Dirichlet pseudo-count added to every category count (0: maximum likelihood). */
  smoothing: z.number().min(0).max(1e6).optional(),
};

export interface FamilyRoles {
  columns: number[];
  categorical?: number[];
  counts?: number[];
  binomial?: { column: number; trials: number | { column: number } }[];
  weights?: number;
  logColumns?: number[];
}

/** The columns that are not in the Gaussian block. */
export function nonGaussianColumns(req: FamilyRoles): Set<number> {
  return new Set([
    ...(req.categorical ?? []),
    ...(req.counts ?? []),
    ...(req.binomial ?? []).map((b) => b.column),
  ]);
}

/** Issues of the roles against the column list: every role column selected, in one role only. */
export function familyRoleProblems(req: FamilyRoles): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const selected = new Set(req.columns);
  const seen = new Map<number, string>();
  const roles: [string, number[]][] = [
    ['categorical', req.categorical ?? []],
    ['counts', req.counts ?? []],
    ['binomial', (req.binomial ?? []).map((b) => b.column)],
  ];
  for (const [role, columns] of roles)
    columns.forEach((c, i) => {
      if (!selected.has(c))
        problems.push({ path: [role, i], message: `column ${c} is not among the selected columns` });
      else if (seen.has(c))
        problems.push({ path: [role, i], message: `column ${c} is already listed as ${seen.get(c)}` });
      seen.set(c, role);
    });
  for (const c of req.logColumns ?? [])
    if (seen.has(c))
      problems.push({
        path: ['logColumns'],
        message: `column ${c} is ${seen.get(c)}, not numeric: it cannot be logged`,
      });
  if (req.weights !== undefined && selected.has(req.weights))
    problems.push({ path: ['weights'], message: 'the weight column cannot also be a model column' });
  return problems;
}
