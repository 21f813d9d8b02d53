/**
 * A fitted mixed-type mixture as the app hands it back to the engine (to label a dataset's rows again,
 * or to impute a window of its missing cells): the request's column roles, the fitted parameters
 * with their discrete families, and the preprocessing the fit recorded (the Gaussian block's stored
 * centre and scale, each categorical column's levels). The schema is the one edge check of the
 * `mixture.predict` and `mixture.impute` engine kinds and their window.mixlab methods: every array
 * is capped and every shape checked against K, d and the levels, so the kernels trust what it
 * parses (as scikit-learn's check_is_fitted + _parameter_constraints).
 */
import { z } from 'zod';
import { COVARIANCE_TYPES, type GaussianMixtureParams, type Preprocessing } from '../model/types';
import { COVARIANCE_MODELS } from '../model/covariance/index';
import { INTEGER_OPTION_RANGES, weightsSumToOne } from './fitRules';
import { binomialRoleSchema, familyRoleProblems } from './familyRoles';

/** Caps that keep a hostile payload from allocating without limit. */
export const MIXTURE_MODEL_LIMITS = {
  features: 10_000,
  /** Categorical, count and binomial columns together. */
  discreteColumns: 10_000,
  levels: 100_000,
  /** Σ_j K × L_j over the categorical columns. */
  categoricalNumbers: 20_000_000,
  name: 10_000,
} as const;

const column = z.number().int().min(0);
const columns = z.array(column).max(MIXTURE_MODEL_LIMITS.features + MIXTURE_MODEL_LIMITS.discreteColumns);
const name = z.string().max(MIXTURE_MODEL_LIMITS.name);

/** The column roles of the fit request (request/familyRoles.ts), without the fit options. */
export const mixtureRolesSchema = z
  .object({
    columns: columns.min(1),
    standardize: z.boolean(),
    logColumns: columns.optional(),
    categorical: columns.optional(),
    counts: columns.optional(),
    binomial: z.array(binomialRoleSchema).max(MIXTURE_MODEL_LIMITS.discreteColumns).optional(),
    weights: column.optional(),
    missing: z.enum(['model', 'drop']).optional(),
  })
  .strict()
  .superRefine((roles, ctx) => {
    for (const problem of familyRoleProblems(roles)) ctx.addIssue({ code: 'custom', ...problem });
  });

export type MixtureRoles = z.output<typeof mixtureRolesSchema>;

const finiteArray = z
  .union([z.instanceof(Float64Array), z.array(z.number())])
  .transform((v) => (v instanceof Float64Array ? v : Float64Array.from(v)))
  .refine((v) => v.every(Number.isFinite), 'expected finite numbers only');
const probabilities = finiteArray.refine(
  (v) => v.every((p) => p >= 0 && p <= 1),
  'expected probabilities in [0, 1]',
);

export const mixtureParamsSchema: z.ZodType<GaussianMixtureParams> = z
  .object({
    covarianceType: z.enum(COVARIANCE_TYPES),
    nComponents: z
      .number()
      .int()
      .min(INTEGER_OPTION_RANGES.nComponents.min)
      .max(INTEGER_OPTION_RANGES.nComponents.max),
    /** Columns of the Gaussian block; 0 when every column is discrete. */
    nFeatures: z.number().int().min(0).max(MIXTURE_MODEL_LIMITS.features),
    weights: finiteArray,
    means: finiteArray,
    covariances: finiteArray,
    precisionsCholesky: finiteArray,
    discrete: z
      .object({
        categorical: z.array(probabilities).max(MIXTURE_MODEL_LIMITS.discreteColumns),
        poisson: finiteArray.refine((v) => v.every((x) => x >= 0), 'expected rates ≥ 0'),
        binomial: probabilities,
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const K = p.nComponents;
    const d = p.nFeatures;
    // A fit without numeric columns has no Gaussian block at all (fitMixture.ts: empty arrays).
    const size = d === 0 ? 0 : COVARIANCE_MODELS[p.covarianceType].size(K, d);
    const expected: [keyof typeof p, number][] = [
      ['weights', K],
      ['means', K * d],
      ['covariances', size],
      ['precisionsCholesky', size],
    ];
    for (const [key, length] of expected) {
      const got = (p[key] as Float64Array).length;
      if (got !== length)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `expected ${length} numbers for K=${K}, d=${d} (${p.covarianceType}), got ${got}`,
        });
    }
    const sum = p.weights.reduce((a, b) => a + b, 0);
    if (!p.weights.every((w) => w >= 0 && w <= 1) || !weightsSumToOne(sum))
      ctx.addIssue({
        code: 'custom',
        path: ['weights'],
        message: `weights must lie in [0, 1] and sum to 1 (sum is ${sum})`,
      });
  });

const binomialTrials = z.union([z.number().int().min(1).max(1e9), z.object({ column, name }).strict()]);

export const mixturePreprocessingSchema: z.ZodType<Preprocessing> = z
  .object({
    columns: columns,
    columnNames: z.array(name).max(MIXTURE_MODEL_LIMITS.features),
    log: z.array(z.boolean()).max(MIXTURE_MODEL_LIMITS.features),
    standardize: z.boolean(),
    center: z.array(z.number().refine(Number.isFinite, 'expected a finite number')),
    scale: z.array(z.number().refine((s) => Number.isFinite(s) && s > 0, 'expected a positive number')),
    categorical: z
      .array(
        z.object({ column, name, levels: z.array(name).min(1).max(MIXTURE_MODEL_LIMITS.levels) }).strict(),
      )
      .max(MIXTURE_MODEL_LIMITS.discreteColumns)
      .optional(),
    poisson: z
      .array(z.object({ column, name }).strict())
      .max(MIXTURE_MODEL_LIMITS.discreteColumns)
      .optional(),
    binomial: z
      .array(z.object({ column, name, trials: binomialTrials }).strict())
      .max(MIXTURE_MODEL_LIMITS.discreteColumns)
      .optional(),
    weights: z.object({ column, name }).strict().optional(),
  })
  .strict()
  .superRefine((pre, ctx) => {
    const d = pre.columns.length;
    for (const key of ['columnNames', 'log', 'center', 'scale'] as const)
      if (pre[key].length !== d)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `expected one entry per Gaussian column (${d}), got ${pre[key].length}`,
        });
    for (const [j, c] of (pre.categorical ?? []).entries())
      if (new Set(c.levels).size !== c.levels.length)
        ctx.addIssue({
          code: 'custom',
          path: ['categorical', j, 'levels'],
          message: 'a level is listed twice',
        });
  });

export interface MixtureModel {
  roles: MixtureRoles;
  params: GaussianMixtureParams;
  preprocessing: Preprocessing;
}

/** Shapes of the parameters against the preprocessing and the roles (every block, every level). */
export const mixtureModelSchema: z.ZodType<MixtureModel> = z
  .object({
    roles: mixtureRolesSchema,
    params: mixtureParamsSchema,
    preprocessing: mixturePreprocessingSchema,
  })
  .strict()
  .superRefine((m, ctx) => {
    for (const problem of mixtureModelProblems(m)) ctx.addIssue({ code: 'custom', ...problem });
  });

/**
 * The discrete parameters' shapes against the preprocessing's family columns: one K × L_j table per
 * categorical column, K rates per Poisson column, K probabilities per binomial column (with the
 * cap on the probability tables' total size). Shared with the label export's model schema.
 */
export function discreteShapeProblems(
  p: GaussianMixtureParams,
  pre: { categorical?: { levels: string[] }[]; poisson?: unknown[]; binomial?: unknown[] },
): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  const K = p.nComponents;
  const categorical = pre.categorical ?? [];
  const poisson = pre.poisson ?? [];
  const binomial = pre.binomial ?? [];
  const discrete = p.discrete ?? {
    categorical: [],
    poisson: new Float64Array(0),
    binomial: new Float64Array(0),
  };
  let numbers = 0;
  if (discrete.categorical.length !== categorical.length)
    out.push({
      path: ['params', 'discrete', 'categorical'],
      message: `expected ${categorical.length} categorical columns, got ${discrete.categorical.length}`,
    });
  else
    categorical.forEach((c, j) => {
      numbers += K * c.levels.length;
      if (discrete.categorical[j].length !== K * c.levels.length)
        out.push({
          path: ['params', 'discrete', 'categorical', j],
          message: `expected K × levels = ${K * c.levels.length} probabilities, got ${discrete.categorical[j].length}`,
        });
    });
  if (numbers > MIXTURE_MODEL_LIMITS.categoricalNumbers)
    out.push({ path: ['params', 'discrete', 'categorical'], message: 'too many category probabilities' });
  if (discrete.poisson.length !== K * poisson.length)
    out.push({
      path: ['params', 'discrete', 'poisson'],
      message: `expected ${K * poisson.length} rates, got ${discrete.poisson.length}`,
    });
  if (discrete.binomial.length !== K * binomial.length)
    out.push({
      path: ['params', 'discrete', 'binomial'],
      message: `expected ${K * binomial.length} probabilities, got ${discrete.binomial.length}`,
    });
  return out;
}

function mixtureModelProblems(m: MixtureModel): { path: (string | number)[]; message: string }[] {
  const { params: p, preprocessing: pre, roles } = m;
  const out = discreteShapeProblems(p, pre);
  if (pre.columns.length !== p.nFeatures)
    out.unshift({
      path: ['preprocessing', 'columns'],
      message: `the model has ${p.nFeatures} Gaussian columns, the preprocessing ${pre.columns.length}`,
    });
  const categorical = pre.categorical ?? [];
  const poisson = pre.poisson ?? [];
  const binomial = pre.binomial ?? [];
  // The preprocessing's columns are the roles' columns, each in its family.
  const same = (a: number[], b: number[]) => a.length === b.length && a.every((x) => b.includes(x));
  const modelColumns = [
    ...pre.columns,
    ...categorical.map((c) => c.column),
    ...poisson.map((c) => c.column),
    ...binomial.map((c) => c.column),
  ];
  if (!same(modelColumns, roles.columns))
    out.push({ path: ['preprocessing'], message: 'the preprocessing does not describe the roles’ columns' });
  if (
    !same(
      poisson.map((c) => c.column),
      roles.counts ?? [],
    ) ||
    !same(
      binomial.map((c) => c.column),
      (roles.binomial ?? []).map((b) => b.column),
    )
  )
    out.push({ path: ['preprocessing'], message: 'the preprocessing’s families differ from the roles' });
  return out;
}

/** Rows per impute request: a screenful of the data table, as `dataset.rows` allows. */
export const MAX_IMPUTE_ROWS = 10_000;

const datasetId = z.string().min(1).max(64);

export const mixturePredictRequestSchema = z.object({ datasetId, model: mixtureModelSchema }).strict();
export type MixturePredictRequest = z.output<typeof mixturePredictRequestSchema>;

export const mixtureImputeRequestSchema = z
  .object({
    datasetId,
    model: mixtureModelSchema,
    /** Table rows (0-based) whose missing cells to fill. */
    rows: z.array(z.number().int().min(0)).max(MAX_IMPUTE_ROWS),
  })
  .strict();
export type MixtureImputeRequest = z.output<typeof mixtureImputeRequestSchema>;
