/**
 * The `fit` request at the engine's edge: its schema, shared with the main process, which validates
 * the same payload on IPC, and the source of the FitOptions, InitParams and FitRequest types
 * (model/types.ts). The matrix it asks for is built by buildFitMatrix.ts.
 *
 * Validation happens here once, at the edge (as scikit-learn's _parameter_constraints): option
 * ranges, column lists, and the shapes of explicit initial parameters against K and
 * d = columns.length, by the rules of fitRules.ts. The numerics (finite data, n ≥ K, positive
 * definite covariances) are checked by the fit entry itself.
 */
import { z } from 'zod';
import { COVARIANCE_MODEL_NAMES, DEFAULT_FIT_OPTIONS, FIT_INIT_METHODS } from '../model/vocabulary';
import { familyRoleFields, familyRoleProblems, nonGaussianColumns } from './familyRoles';
import {
  INIT_PARAM_SHAPE,
  INTEGER_OPTION_RANGES,
  REAL_OPTION_MINIMA,
  isWeight,
  shapeProblem,
  weightsSumToOne,
  type IntegerRange,
} from './fitRules';

/** Arrays of finite numbers nested 1 to `depth` levels, all leaves at the same depth. */
function nestedDepth(value: unknown, depth: number): number | null {
  if (!Array.isArray(value) || depth === 0) return null;
  if (value.length === 0 || value.every((x) => typeof x === 'number' && Number.isFinite(x))) return 1;
  const inner = value.map((x) => nestedDepth(x, depth - 1));
  return inner.every((k) => k !== null && k === inner[0]) ? (inner[0] as number) + 1 : null;
}

// Exact shapes are checked against K and d in `fitRequestSchema`; here only "nested numbers".
const nested = z.custom<number[] | number[][] | number[][][]>((v) => nestedDepth(v, 3) !== null, {
  message: 'expected nested arrays of finite numbers',
});

const integerIn = (range: IntegerRange) => z.number().int().min(range.min).max(range.max);

export const initParamsSchema = z
  .object({
    weights: z.array(z.number()).optional(),
    /** K × d */
    means: z.array(z.array(z.number())).optional(),
    /** full: K×d×d, tied: d×d, diag: K×d, spherical: K. Alternative to `precisions`. */
    covariances: nested.optional(),
    /** Same shapes as covariances; scikit-learn's precisions_init. */
    precisions: nested.optional(),
    /** Per categorical column (by name): its levels and K × L class probabilities. */
    categorical: z
      .record(
        z.string(),
        z
          .object({ levels: z.array(z.string()).min(1), probabilities: z.array(z.array(z.number())) })
          .strict(),
      )
      .optional(),
    /** Per count column (by name): K Poisson rates. */
    poisson: z.record(z.string(), z.array(z.number())).optional(),
    /** Per binomial column (by name): K success probabilities (and, for reading back, its trials). */
    binomial: z
      .record(
        z.string(),
        z
          .object({
            trials: z.union([z.number(), z.string()]).optional(),
            probabilities: z.array(z.number()),
          })
          .strict(),
      )
      .optional(),
  })
  .strict()
  .refine((p) => !(p.covariances && p.precisions), {
    message: 'give covariances or precisions, not both',
    path: ['precisions'],
  });

export const fitOptionsSchema = z
  .object({
    nComponents: integerIn(INTEGER_OPTION_RANGES.nComponents),
    covarianceType: z.enum(COVARIANCE_MODEL_NAMES).default(DEFAULT_FIT_OPTIONS.covarianceType),
    init: z.enum(FIT_INIT_METHODS).default(DEFAULT_FIT_OPTIONS.init),
    /** When set, EM starts from these parameters (n_init is then 1, as in scikit-learn). */
    initParams: initParamsSchema.optional(),
    nInit: integerIn(INTEGER_OPTION_RANGES.nInit).default(DEFAULT_FIT_OPTIONS.nInit),
    seed: integerIn(INTEGER_OPTION_RANGES.seed).default(DEFAULT_FIT_OPTIONS.seed),
    maxIter: integerIn(INTEGER_OPTION_RANGES.maxIter).default(DEFAULT_FIT_OPTIONS.maxIter),
    tol: z.number().min(REAL_OPTION_MINIMA.tol).default(DEFAULT_FIT_OPTIONS.tol),
    regCovar: z.number().min(REAL_OPTION_MINIMA.regCovar).default(DEFAULT_FIT_OPTIONS.regCovar),
  })
  .strict();

export const fitRequestSchema = z
  .object({
    datasetId: z.string().min(1),
    columns: z.array(z.number().int().min(0)).min(1),
    standardize: z.boolean().default(false),
    /** Column indices (subset of `columns`) to log-transform; rows with values ≤ 0 there are dropped. */
    logColumns: z.array(z.number().int().min(0)).optional(),
    options: fitOptionsSchema,
    /** Worker threads; default all cores. */
    threads: z.number().int().min(1).max(256).optional(),
    ...familyRoleFields,
  })
  .strict()
  .superRefine((req, ctx) => {
    if (new Set(req.columns).size !== req.columns.length) {
      ctx.addIssue({ code: 'custom', path: ['columns'], message: 'a column is selected twice' });
    }
    for (const problem of familyRoleProblems(req)) ctx.addIssue({ code: 'custom', ...problem });
    for (const c of req.logColumns ?? []) {
      if (!req.columns.includes(c)) {
        ctx.addIssue({
          code: 'custom',
          path: ['logColumns'],
          message: `column ${c} is not among the selected columns`,
        });
      }
    }
    const init = req.options.initParams;
    if (!init) return;
    const k = req.options.nComponents;
    const d = req.columns.length - nonGaussianColumns(req).size;
    for (const problem of discreteInitProblems(init, k)) ctx.addIssue({ code: 'custom', ...problem });
    for (const key of ['weights', 'means', 'covariances', 'precisions'] as const) {
      const dims = INIT_PARAM_SHAPE[key](req.options.covarianceType, k, d);
      const problem = init[key] === undefined ? null : shapeProblem(init[key], dims);
      if (problem) {
        const what = key === 'weights' || key === 'means' ? '' : ` (${req.options.covarianceType})`;
        ctx.addIssue({
          code: 'custom',
          path: ['options', 'initParams', key, ...problem.path],
          message: `${problem.message}${what}, for K=${k} and d=${d}`,
        });
        return;
      }
    }
    if (init.weights) {
      const sum = init.weights.reduce((a, b) => a + b, 0);
      if (!init.weights.every(isWeight) || !weightsSumToOne(sum)) {
        ctx.addIssue({
          code: 'custom',
          path: ['options', 'initParams', 'weights'],
          message: `weights must lie in [0, 1] and sum to 1 (sum is ${sum})`,
        });
      }
    }
  });

/**
 * Shape and range problems of the discrete families' explicit starts, against K: probabilities in
 * [0, 1] summing to 1 per class (categorical, to 1e-8 as scikit-learn's weights), rates ≥ 0.
 */
function discreteInitProblems(
  init: z.output<typeof initParamsSchema>,
  k: number,
): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  const at = (...path: (string | number)[]) => ['options', 'initParams', ...path];
  for (const [name, c] of Object.entries(init.categorical ?? {})) {
    const problem = shapeProblem(c.probabilities, [k, c.levels.length]);
    if (problem)
      out.push({
        path: at('categorical', name, 'probabilities', ...problem.path),
        message: `${problem.message}, for K=${k} and ${c.levels.length} levels`,
      });
    else if (
      c.probabilities.some((row) => !row.every(isWeight) || !weightsSumToOne(row.reduce((a, b) => a + b, 0)))
    )
      out.push({
        path: at('categorical', name, 'probabilities'),
        message: 'each class’s probabilities must lie in [0, 1] and sum to 1',
      });
    if (new Set(c.levels).size !== c.levels.length)
      out.push({ path: at('categorical', name, 'levels'), message: 'a level is listed twice' });
  }
  for (const [name, rates] of Object.entries(init.poisson ?? {})) {
    const problem = shapeProblem(rates, [k]);
    if (problem)
      out.push({ path: at('poisson', name, ...problem.path), message: `${problem.message}, for K=${k}` });
    else if (rates.some((r) => !(r >= 0)))
      out.push({ path: at('poisson', name), message: 'rates must be ≥ 0' });
  }
  for (const [name, b] of Object.entries(init.binomial ?? {})) {
    const problem = shapeProblem(b.probabilities, [k]);
    if (problem)
      out.push({
        path: at('binomial', name, 'probabilities', ...problem.path),
        message: `${problem.message}, for K=${k}`,
      });
    else if (!b.probabilities.every(isWeight))
      out.push({ path: at('binomial', name, 'probabilities'), message: 'probabilities must lie in [0, 1]' });
  }
  return out;
}
