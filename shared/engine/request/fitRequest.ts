/**
 * The `fit` request at the engine's edge: its schema (shared with the main process, which validates
 * the same payload on IPC) and the construction of the fit matrix from an imported table.
 *
 * Validation happens here once (STYLE.md §4): option ranges, column lists, and the shapes of explicit
 * initial parameters against K and d = columns.length. The numerics (finite data, n ≥ K, positive
 * definite covariances) are checked by the fit entry itself.
 */
import { z } from 'zod';
import { EngineError, ErrorCodes } from '../../protocol';
import type { DataTable } from '../../data/table';
import {
  COVARIANCE_TYPES,
  DEFAULT_FIT_OPTIONS,
  INIT_METHODS,
  type CovarianceType,
  type FitOptions,
  type FitRequest,
  type Preprocessing,
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

/** The matrix EM runs on, with how it was made from the table. */
export interface FitMatrix {
  /** nSamples × nFeatures, row-major. */
  X: Float64Array;
  nSamples: number;
  nFeatures: number;
  preprocessing: Preprocessing;
  /** Table row (0-based) of each row of X. */
  rowIndex: Uint32Array;
  /** Rows left out because a selected column is missing (or not a number) there. */
  droppedMissing: number;
  /** Rows left out because a log-transformed column is ≤ 0 there. */
  droppedNonPositive: number;
}

/**
 * Builds X from the selected columns: rows with a missing value in any selected column (or a value
 * ≤ 0 in a log column) are dropped and counted, log is applied, then — if asked — each feature is
 * standardised to zero mean and unit **population** standard deviation (divide by n, as
 * scikit-learn's StandardScaler, so a user standardising in Python gets the same matrix). The choice
 * of n or n−1 scales every feature by the same factor, so it never changes a clustering; a constant
 * feature keeps scale 1 (as StandardScaler does) rather than dividing by zero.
 *
 * `allocate` lets the caller place X in shared memory for the worker threads.
 */
export function buildFitMatrix(
  table: DataTable,
  request: Pick<FitRequest, 'columns' | 'standardize' | 'logColumns'>,
  allocate: (length: number) => Float64Array = (length) => new Float64Array(length),
): FitMatrix {
  const { columns } = request;
  const d = columns.length;
  const names = columns.map((c) => table.summary.columns[c]?.displayName ?? '');
  const values = columns.map((c, j) => {
    const v = c < table.summary.columns.length ? table.numeric(c) : null;
    if (!v) {
      const what =
        c < table.summary.columns.length
          ? `"${names[j]}" is not a numeric column`
          : `there is no column ${c}`;
      throw new EngineError(ErrorCodes.InvalidPayload, `Cannot fit column ${c}: ${what}.`, { column: c });
    }
    return v;
  });
  const logSet = new Set(request.logColumns ?? []);
  const log = columns.map((c) => logSet.has(c));

  // Pass 1: which rows are kept.
  const n0 = table.rowCount;
  const keep = new Uint8Array(n0);
  let nKept = 0;
  let droppedMissing = 0;
  let droppedNonPositive = 0;
  for (let i = 0; i < n0; i++) {
    let missing = false;
    let nonPositive = false;
    for (let j = 0; j < d; j++) {
      const x = values[j][i];
      if (!Number.isFinite(x)) missing = true;
      else if (log[j] && x <= 0) nonPositive = true;
    }
    if (missing) droppedMissing++;
    else if (nonPositive) droppedNonPositive++;
    else {
      keep[i] = 1;
      nKept++;
    }
  }

  // Pass 2: fill X row-major.
  const X = allocate(nKept * d);
  const rowIndex = new Uint32Array(nKept);
  for (let i = 0, r = 0; i < n0; i++) {
    if (!keep[i]) continue;
    rowIndex[r] = i;
    for (let j = 0; j < d; j++) X[r * d + j] = log[j] ? Math.log(values[j][i]) : values[j][i];
    r++;
  }

  const center = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(1);
  if (request.standardize && nKept > 0) {
    for (let j = 0; j < d; j++) {
      const { firstMean, correction, std } = populationMeanStd(X, nKept, d, j);
      center[j] = firstMean + correction;
      scale[j] = std > 0 ? std : 1;
      // Subtract the two parts of the mean separately: their sum rounds to the nearest double (an
      // error of half an ulp of 1e9 is ~1e-3 of a noise sd of 1e-4), the parts do not.
      for (let i = 0; i < nKept; i++) X[i * d + j] = (X[i * d + j] - firstMean - correction) / scale[j];
    }
  }

  return {
    X,
    nSamples: nKept,
    nFeatures: d,
    preprocessing: {
      columns: [...columns],
      columnNames: names,
      log,
      standardize: request.standardize,
      center,
      scale,
    },
    rowIndex,
    droppedMissing,
    droppedNonPositive,
  };
}

/**
 * Mean (first-pass value plus correction) and population standard deviation of column j of a row-major n × d matrix by the corrected
 * two-pass algorithm (Chan, Golub & LeVeque, "Algorithms for computing the sample variance", 1983):
 * exact for data with a large offset (1e9 + small noise), where E[x²] − μ² cancels catastrophically.
 */
function populationMeanStd(
  X: Float64Array,
  n: number,
  d: number,
  j: number,
): { firstMean: number; correction: number; std: number } {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += X[i * d + j];
  const firstMean = sum / n;
  let dev = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const e = X[i * d + j] - firstMean;
    dev += e;
    sq += e * e;
  }
  // The correction terms remove the rounding error left in the first-pass mean.
  const variance = Math.max(0, (sq - (dev * dev) / n) / n);
  return { firstMean, correction: dev / n, std: Math.sqrt(variance) };
}
