/**
 * The `fit` request at the engine's edge: its schema, shared with the main process, which validates
 * the same payload on IPC, and the source of the FitOptions, InitParams and FitRequest types
 * (model/types.ts). The matrix it asks for is built by buildFitMatrix.ts.
 *
 * Validation happens here once (STYLE.md §4): option ranges, column lists, and the shapes of explicit
 * initial parameters against K and d = columns.length, by the rules of fitRules.ts. The numerics
 * (finite data, n ≥ K, positive definite covariances) are checked by the fit entry itself.
 */
import { z } from 'zod';
import { COVARIANCE_MODEL_NAMES, DEFAULT_FIT_OPTIONS, FIT_INIT_METHODS } from '../model/vocabulary';
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
  })
  .strict()
  .superRefine((req, ctx) => {
    if (new Set(req.columns).size !== req.columns.length) {
      ctx.addIssue({ code: 'custom', path: ['columns'], message: 'a column is selected twice' });
    }
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
    const d = req.columns.length;
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
