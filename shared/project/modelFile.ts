/**
 * The model JSON file (`mixlab model export`, `mixlab apply`): one fitted mixture in scikit-learn's
 * attribute names and shapes — weights_ (K), means_ (K × d), covariances_ and precisions_cholesky_
 * shaped by covariance_type (full K×d×d, tied d×d, diag K×d, spherical K) — plus the preprocessing
 * that maps a table's columns (by name) to the model's features. A Python user can rebuild the
 * estimator from it: set those attributes on a GaussianMixture and call predict.
 *
 * A model fitted under one of mclust's names (covariance_type "VEV", …) stores its covariances in
 * the layout of the scikit-learn type it specialises (model/types.ts) and also, additively,
 * model_name and the covariances' parts Σ_k = λ_k D_k A_k D_kᵀ: decomposition.volume λ (K),
 * .shape A (K × d, det 1) and .orientation D (K × d × d, absent for the diagonal models). The
 * covariances stay the model; a reader may ignore the parts.
 */
import { z } from 'zod';
import { EngineError } from '../errors';
import {
  COVARIANCE_MODEL_NAMES,
  MCLUST_MODEL_NAMES,
  MCLUST_UNIVARIATE_MODEL_NAMES,
  isMclustName,
  type CovarianceType,
  type GaussianMixtureParams,
  type McLustModelName,
} from '../engine/model/types';
import { COVARIANCE_MODELS } from '../engine/model/covariance/index';
import { decomposeCovariances } from '../engine/model/covariance/decompose';
import { COVARIANCE_SHAPE, shapeProblem } from '../engine/request/fitRules';
import { MAX_COMPONENTS, MAX_FEATURES, type LabelModel, type ModelPreprocessing } from '../export/labelModel';
import { parseJsonText, stringifyJson } from './jsonText';

export const MODEL_FORMAT = 'mixlab-model';
export const MODEL_VERSION = 1;

export const ModelFileCodes = {
  Corrupt: 'model_corrupt',
  Foreign: 'model_foreign',
  TooNew: 'model_too_new',
  Invalid: 'model_invalid',
} as const;

export interface ModelFile {
  format: typeof MODEL_FORMAT;
  version: number;
  covariance_type: CovarianceType;
  /** mclust's name of the model, for a model fitted under one of mclust's names. */
  model_name?: McLustModelName;
  n_components: number;
  n_features: number;
  weights: number[];
  means: number[][];
  covariances: unknown[];
  precisions_cholesky?: unknown[];
  /** mclust's volume, shape and orientation of the covariances (header); with model_name. */
  decomposition?: ModelDecomposition;
  preprocessing: {
    columns: string[];
    log: boolean[];
    standardize: boolean;
    center: number[];
    scale: number[];
  };
  created: string;
  app_version?: string;
}

export interface ModelDecomposition {
  /** λ_k, K */
  volume: number[];
  /** diag A_k, K × d */
  shape: number[][];
  /** D_k, K × d × d (column j the axis of shape j); absent for the diagonal models. */
  orientation?: number[][][];
}

/** A fitted model as the model file's JSON object. */
export function modelToFile(model: LabelModel, created: Date, appVersion?: string): ModelFile {
  const { params: p, preprocessing: pre } = model;
  const K = p.nComponents;
  const d = p.nFeatures;
  const shape = COVARIANCE_SHAPE[p.covarianceType](K, d);
  const mclust = isMclustName(p.covarianceType);
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    covariance_type: p.covarianceType,
    ...(mclust ? { model_name: COVARIANCE_MODELS[p.covarianceType].mclustName } : {}),
    n_components: K,
    n_features: d,
    weights: Array.from(p.weights),
    means: nest(p.means, [K, d]) as number[][],
    covariances: nest(p.covariances, shape),
    precisions_cholesky: nest(p.precisionsCholesky, shape),
    ...(mclust ? { decomposition: decomposition(p) } : {}),
    preprocessing: {
      columns: [...pre.columnNames],
      log: [...pre.log],
      standardize: pre.standardize,
      center: [...pre.center],
      scale: [...pre.scale],
    },
    created: created.toISOString(),
    ...(appVersion ? { app_version: appVersion } : {}),
  };
}

function decomposition(p: GaussianMixtureParams): ModelDecomposition {
  const K = p.nComponents;
  const d = p.nFeatures;
  const parts = decomposeCovariances(p.covarianceType, p.covariances, K, d);
  return {
    volume: Array.from(parts.scale),
    shape: nest(parts.shape, [K, d]) as number[][],
    ...(parts.orientation ? { orientation: nest(parts.orientation, [K, d, d]) as number[][][] } : {}),
  };
}

export function serializeModelFile(model: LabelModel, created: Date, appVersion?: string): string {
  return stringifyJson(modelToFile(model, created, appVersion), 2) + '\n';
}

const finite = z.number().refine(Number.isFinite, 'expected a finite number');
const header = z.object({
  covariance_type: z.enum(COVARIANCE_MODEL_NAMES),
  model_name: z.enum([...MCLUST_MODEL_NAMES, ...MCLUST_UNIVARIATE_MODEL_NAMES]).optional(),
  n_components: z.number().int().min(1).max(MAX_COMPONENTS),
  n_features: z.number().int().min(1).max(MAX_FEATURES),
  weights: z.array(finite).max(MAX_COMPONENTS),
  means: z.array(z.array(finite).max(MAX_FEATURES)).max(MAX_COMPONENTS),
  covariances: z.array(z.unknown()),
  precisions_cholesky: z.array(z.unknown()).optional(),
  decomposition: z
    .object({
      volume: z.array(z.unknown()),
      shape: z.array(z.unknown()),
      orientation: z.array(z.unknown()).optional(),
    })
    .optional(),
  preprocessing: z.object({
    columns: z.array(z.string()).max(MAX_FEATURES),
    log: z.array(z.boolean()).max(MAX_FEATURES),
    standardize: z.boolean(),
    center: z.array(finite).max(MAX_FEATURES),
    scale: z.array(finite.refine((s) => s > 0, 'expected a positive number')).max(MAX_FEATURES),
  }),
  created: z.string().optional(),
});

/**
 * Reads a model file's text. Refusals are EngineErrors with a ModelFileCodes code and a message that
 * names the field (`means[1]: expected 2 entries, got 3`).
 */
export function parseModelFile(text: string): LabelModel {
  const json = parseJsonText(text);
  const fail = (code: string, message: string) => new EngineError(code, message);
  if (!json.ok) {
    throw fail(ModelFileCodes.Corrupt, `The model file is not valid JSON: parsing stopped at ${json.where}.`);
  }
  const doc = json.value as Record<string, unknown> | null;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || doc.format !== MODEL_FORMAT) {
    const what =
      (doc as { format?: unknown })?.format === 'mixlab-project'
        ? 'a Mixture Lab project'
        : 'JSON of another kind';
    throw fail(
      ModelFileCodes.Foreign,
      `This is not a Mixture Lab model file (it is ${what}; expected "format": "${MODEL_FORMAT}").`,
    );
  }
  if (typeof doc.version !== 'number' || !Number.isInteger(doc.version) || doc.version < 1) {
    throw fail(ModelFileCodes.Invalid, 'The model file has no valid "version".');
  }
  if (doc.version > MODEL_VERSION) {
    throw fail(
      ModelFileCodes.TooNew,
      `The model file was made by a newer Mixture Lab (model format ${doc.version}); this version reads up to ${MODEL_VERSION}.`,
    );
  }
  const parsed = header.safeParse(doc);
  if (!parsed.success)
    throw fail(ModelFileCodes.Invalid, `Invalid model file: ${issueText(parsed.error.issues[0])}.`);
  const m = parsed.data;
  const K = m.n_components;
  const d = m.n_features;
  const covShape = COVARIANCE_SHAPE[m.covariance_type](K, d);
  const checks: [string, unknown, number[]][] = [
    ['weights', m.weights, [K]],
    ['means', m.means, [K, d]],
    ['covariances', m.covariances, covShape],
    ['precisions_cholesky', m.precisions_cholesky, covShape],
    ['decomposition.volume', m.decomposition?.volume, [K]],
    ['decomposition.shape', m.decomposition?.shape, [K, d]],
    ['decomposition.orientation', m.decomposition?.orientation, [K, d, d]],
    ['preprocessing.columns', m.preprocessing.columns, [d]],
    ['preprocessing.log', m.preprocessing.log, [d]],
    ['preprocessing.center', m.preprocessing.center, [d]],
    ['preprocessing.scale', m.preprocessing.scale, [d]],
  ];
  for (const [name, value, dims] of checks) {
    if (value === undefined) continue;
    // Strings and booleans: check the length only; numbers: the whole nested shape.
    const problem =
      name === 'preprocessing.columns' || name === 'preprocessing.log'
        ? (value as unknown[]).length === d
          ? null
          : { path: [], message: `expected ${d} entries, got ${(value as unknown[]).length}` }
        : shapeProblem(value, dims);
    if (problem) {
      const at = problem.path.map((i) => `[${i}]`).join('');
      throw fail(
        ModelFileCodes.Invalid,
        `Invalid model file: ${name}${at}: ${problem.message} (${m.covariance_type}, K=${K}, d=${d}).`,
      );
    }
  }
  const sum = m.weights.reduce((a, b) => a + b, 0);
  if (m.weights.some((w) => w < 0 || w > 1) || Math.abs(sum - 1) > 1e-6) {
    throw fail(
      ModelFileCodes.Invalid,
      `Invalid model file: weights must lie in [0, 1] and sum to 1 (sum is ${sum}).`,
    );
  }
  const model = COVARIANCE_MODELS[m.covariance_type];
  const covariances = model.flatten(m.covariances, K, d)!;
  let precisionsCholesky: Float64Array | number;
  if (m.precisions_cholesky !== undefined) precisionsCholesky = model.flatten(m.precisions_cholesky, K, d)!;
  else precisionsCholesky = model.precisionCholesky(covariances, K, d);
  if (typeof precisionsCholesky === 'number') {
    throw fail(
      ModelFileCodes.Invalid,
      `Invalid model file: the covariance of component ${precisionsCholesky + 1} is not positive definite.`,
    );
  }
  const params: GaussianMixtureParams = {
    covarianceType: m.covariance_type,
    nComponents: K,
    nFeatures: d,
    weights: Float64Array.from(m.weights),
    means: Float64Array.from(m.means.flat()),
    covariances,
    precisionsCholesky,
  };
  const preprocessing: ModelPreprocessing = {
    columnNames: m.preprocessing.columns,
    log: m.preprocessing.log,
    standardize: m.preprocessing.standardize,
    center: m.preprocessing.center,
    scale: m.preprocessing.scale,
  };
  return { params, preprocessing };
}

/** "means.1.0: expected a finite number" → "means[1][0]: expected a finite number". */
export function issueText(issue: { path: PropertyKey[]; message: string } | undefined): string {
  if (!issue) return 'invalid';
  const where = issue.path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`))
    .join('');
  return `${where || 'file'}: ${issue.message}`;
}

/** A flat row-major array as nested arrays of shape `dims`. */
function nest(flat: ArrayLike<number>, dims: readonly number[], offset = 0): unknown[] {
  if (dims.length === 1) return Array.from({ length: dims[0] }, (_, i) => flat[offset + i]);
  const stride = dims.slice(1).reduce((a, b) => a * b, 1);
  return Array.from({ length: dims[0] }, (_, i) => nest(flat, dims.slice(1), offset + i * stride));
}
