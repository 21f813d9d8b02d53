/**
 * A fitted model as the export and apply requests carry it: the mixture parameters and the
 * preprocessing that maps a table's columns to the model's feature space. Validated here, once, at
 * the edge (engine payloads and window.mixlab arguments use the same schema).
 */
import { z } from 'zod';
import { COVARIANCE_TYPES, type GaussianMixtureParams } from '../engine/model/types';
import { COVARIANCE_MODELS } from '../engine/model/covariance/index';
import { INTEGER_OPTION_RANGES } from '../engine/request/fitRules';
import {
  MIXTURE_MODEL_LIMITS,
  discreteShapeProblems,
  mixtureParamsSchema,
} from '../engine/request/mixtureModel';

/**
 * How the model's features are made from a table. `columns` (dataset column indices) is known for
 * the dataset the model was fitted on; a model read from a file knows only `columnNames`, which are
 * matched by name.
 */
export interface ModelPreprocessing {
  columns?: number[];
  columnNames: string[];
  log: boolean[];
  standardize: boolean;
  /** Per feature: x' = (log?(x) − center) / scale. */
  center: number[];
  scale: number[];
  /**
   * A mixed-type model's discrete columns, in the order of params.discrete's arrays (as the fit's
   * Preprocessing records them); `column` is known on the dataset the model was fitted on, a model
   * file knows the names only.
   */
  categorical?: { column?: number; name: string; levels: string[] }[];
  poisson?: { column?: number; name: string }[];
  binomial?: { column?: number; name: string; trials: number | { column?: number; name: string } }[];
  /** The frequency-weight column the fit used: a row of weight 0 is left out when labelling. */
  weights?: { column?: number; name: string };
  /**
   * What a row with a missing cell gets: 'model' — a label from its observed cells, as the fit
   * treated it; 'drop' — no label. Absent means 'drop' (models saved before missing cells were
   * modelled labelled complete rows only).
   */
  missing?: 'model' | 'drop';
}

/** How the model's features are found in a table: by dataset column index, or by column name. */
export const COLUMN_MATCHES = ['index', 'name'] as const;
export type ColumnMatch = (typeof COLUMN_MATCHES)[number];

export interface LabelModel {
  params: GaussianMixtureParams;
  preprocessing: ModelPreprocessing;
}

/**
 * Upper bounds that keep a hostile payload from allocating without limit. A model has no more
 * components than a fit request may ask for (request/fitRules.ts: 1000).
 */
export const MAX_COMPONENTS = INTEGER_OPTION_RANGES.nComponents.max;
export const MAX_FEATURES = 10_000;

const finiteArray = z
  .union([z.instanceof(Float64Array), z.array(z.number())])
  .transform((v) => (v instanceof Float64Array ? v : Float64Array.from(v)))
  .refine((v) => v.every(Number.isFinite), 'expected finite numbers only');

// Typed by the interfaces above, which carry typed arrays: the compiler proves each schema's parsed
// output is one (the annotation is checked, not a cast).
export const paramsSchema: z.ZodType<GaussianMixtureParams> = z
  .object({
    covarianceType: z.enum(COVARIANCE_TYPES),
    nComponents: z.number().int().min(INTEGER_OPTION_RANGES.nComponents.min).max(MAX_COMPONENTS),
    nFeatures: z.number().int().min(1).max(MAX_FEATURES),
    weights: finiteArray,
    means: finiteArray,
    covariances: finiteArray,
    precisionsCholesky: finiteArray,
  })
  .superRefine((p, ctx) => {
    const K = p.nComponents;
    const d = p.nFeatures;
    const size = COVARIANCE_MODELS[p.covarianceType].size(K, d);
    const expected: [keyof typeof p, number][] = [
      ['weights', K],
      ['means', K * d],
      ['covariances', size],
      ['precisionsCholesky', size],
    ];
    for (const [key, length] of expected) {
      const got = (p[key] as Float64Array).length;
      if (got !== length) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `expected ${length} numbers for K=${K}, d=${d} (${p.covarianceType}), got ${got}`,
        });
      }
    }
    const sum = p.weights.reduce((a, b) => a + b, 0);
    if (p.weights.some((w) => w < 0 || w > 1) || Math.abs(sum - 1) > 1e-6) {
      ctx.addIssue({
        code: 'custom',
        path: ['weights'],
        message: `weights must lie in [0, 1] and sum to 1 (sum is ${sum})`,
      });
    }
  });

const columnIndex = z.number().int().min(0);
const columnName = z.string().max(MIXTURE_MODEL_LIMITS.name);
const familyList = <T extends z.ZodTypeAny>(item: T) =>
  z.array(item).max(MIXTURE_MODEL_LIMITS.discreteColumns);

export const modelPreprocessingSchema = z
  .object({
    columns: z.array(columnIndex).max(MAX_FEATURES).optional(),
    columnNames: z.array(z.string().max(10_000)).max(MAX_FEATURES),
    log: z.array(z.boolean()).max(MAX_FEATURES),
    standardize: z.boolean(),
    center: z.array(z.number().refine(Number.isFinite, 'expected a finite number')).max(MAX_FEATURES),
    scale: z
      .array(z.number().refine((s) => Number.isFinite(s) && s > 0, 'expected a positive number'))
      .max(MAX_FEATURES),
    categorical: familyList(
      z.object({
        column: columnIndex.optional(),
        name: columnName,
        levels: z.array(columnName).min(1).max(MIXTURE_MODEL_LIMITS.levels),
      }),
    ).optional(),
    poisson: familyList(z.object({ column: columnIndex.optional(), name: columnName })).optional(),
    binomial: familyList(
      z.object({
        column: columnIndex.optional(),
        name: columnName,
        trials: z.union([
          z.number().int().min(1).max(1e9),
          z.object({ column: columnIndex.optional(), name: columnName }),
        ]),
      }),
    ).optional(),
    weights: z.object({ column: columnIndex.optional(), name: columnName }).optional(),
    missing: z.enum(['model', 'drop']).optional(),
  })
  .passthrough();

/**
 * The parameters of any fitted model (request/mixtureModel.ts: a Gaussian block of d ≥ 0 columns
 * and the discrete families), the preprocessing of every column, and the two checked against each
 * other: one entry per Gaussian column, one probability table per categorical column (K × its
 * levels), K rates per Poisson column, K probabilities per binomial column.
 */
export const labelModelSchema: z.ZodType<LabelModel> = z
  .object({ params: mixtureParamsSchema, preprocessing: modelPreprocessingSchema })
  .superRefine((m, ctx) => {
    const d = m.params.nFeatures;
    const pre = m.preprocessing;
    for (const key of ['columnNames', 'log', 'center', 'scale', 'columns'] as const) {
      const value = pre[key];
      if (value !== undefined && value.length !== d) {
        ctx.addIssue({
          code: 'custom',
          path: ['preprocessing', key],
          message: `expected one entry per model feature (${d}), got ${value.length}`,
        });
      }
    }
    for (const problem of discreteShapeProblems(m.params, pre)) ctx.addIssue({ code: 'custom', ...problem });
    const columns =
      d + (pre.categorical?.length ?? 0) + (pre.poisson?.length ?? 0) + (pre.binomial?.length ?? 0);
    if (columns === 0)
      ctx.addIssue({ code: 'custom', path: ['params', 'nFeatures'], message: 'the model has no columns' });
  });
