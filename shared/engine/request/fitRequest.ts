/**
 * The `fit` request at the engine's edge: its schema, shared with the main process, which validates
 * the same payload on IPC. The matrix it asks for is built by buildFitMatrix.ts.
 *
 * Validation happens here once (STYLE.md §4): option ranges, column lists, and the shapes of explicit
 * initial parameters against K and d = columns.length. The numerics (finite data, n ≥ K, positive
 * definite covariances) are checked by the fit entry itself.
 */
import { z } from 'zod';
import {
  COVARIANCE_TYPES,
  DEFAULT_FIT_OPTIONS,
  INIT_METHODS,
  type CovarianceType,
  type FitOptions,
  type FitRequest,
} from '../model/types';

/**
 * Nested-array shape of scikit-learn's `covariances_` / `precisions_init` for K components and d
 * features (the table in types.ts). A Record, not a switch: the covariance type is data here.
 */
export const COVARIANCE_SHAPE: Record<CovarianceType, (k: number, d: number) => number[]> = {
  full: (k, d) => [k, d, d],
  tied: (_k, d) => [d, d],
  diag: (k, d) => [k, d],
  spherical: (k) => [k],
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

export const initParamsSchema = z
  .object({
    weights: z.array(z.number()).optional(),
    means: z.array(z.array(z.number())).optional(),
    covariances: nested.optional(),
    precisions: nested.optional(),
  })
  .strict()
  .refine((p) => !(p.covariances && p.precisions), {
    message: 'give covariances or precisions, not both',
    path: ['precisions'],
  });

export const fitOptionsSchema = z
  .object({
    nComponents: z.number().int().min(1).max(1000),
    covarianceType: z
      .enum(COVARIANCE_TYPES as [CovarianceType, ...CovarianceType[]])
      .default(DEFAULT_FIT_OPTIONS.covarianceType),
    init: z
      .enum(INIT_METHODS as [FitOptions['init'], ...FitOptions['init'][]])
      .default(DEFAULT_FIT_OPTIONS.init),
    initParams: initParamsSchema.optional(),
    nInit: z.number().int().min(1).max(1000).default(DEFAULT_FIT_OPTIONS.nInit),
    // scikit-learn's random_state range (a 32-bit unsigned seed).
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(DEFAULT_FIT_OPTIONS.seed),
    // scikit-learn also allows max_iter = 0 (the start, unfitted); the engine asks for one iteration.
    maxIter: z.number().int().min(1).max(1_000_000).default(DEFAULT_FIT_OPTIONS.maxIter),
    tol: z.number().min(0).default(DEFAULT_FIT_OPTIONS.tol),
    regCovar: z.number().min(0).default(DEFAULT_FIT_OPTIONS.regCovar),
  })
  .strict();

export const fitRequestSchema = z
  .object({
    datasetId: z.string().min(1),
    columns: z.array(z.number().int().min(0)).min(1),
    standardize: z.boolean().default(false),
    logColumns: z.array(z.number().int().min(0)).optional(),
    options: fitOptionsSchema,
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
    const shapes: [keyof typeof init, number[]][] = [
      ['weights', [k]],
      ['means', [k, d]],
      ['covariances', COVARIANCE_SHAPE[req.options.covarianceType](k, d)],
      ['precisions', COVARIANCE_SHAPE[req.options.covarianceType](k, d)],
    ];
    for (const [key, dims] of shapes) {
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
    // scikit-learn's _check_weights: each in [0, 1], summing to 1 (np.allclose, atol 1e-8).
    if (init.weights) {
      const sum = init.weights.reduce((a, b) => a + b, 0);
      if (init.weights.some((w) => w < 0 || w > 1) || Math.abs(1 - sum) > 1e-8) {
        ctx.addIssue({
          code: 'custom',
          path: ['options', 'initParams', 'weights'],
          message: `weights must lie in [0, 1] and sum to 1 (sum is ${sum})`,
        });
      }
    }
  }) as unknown as z.ZodType<FitRequest>;
