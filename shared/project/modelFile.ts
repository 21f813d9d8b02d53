/**
 * The model JSON file (`mixlab model export`, `mixlab apply`): one fitted mixture in scikit-learn's
 * attribute names and shapes — weights_ (K), means_ (K × d), covariances_ and precisions_cholesky_
 * shaped by covariance_type (full K×d×d, tied d×d, diag K×d, spherical K) — plus the preprocessing
 * that maps a table's columns (by name) to the model's features. A Python user can rebuild the
 * estimator from it: set those attributes on a GaussianMixture and call predict.
 *
 * Format 2 adds a mixed-type model's discrete families, its weight column and its missing-cell
 * mode (modelFileFamilies.ts); a model without numeric columns has n_features 0 and empty means,
 * covariances and factors. A plain Gaussian model (no discrete column, no weights) is still
 * written as format 1, which every earlier Mixture Lab reads; it records its missing-cell mode in
 * the additive key `missing` (a reader that does not know the key ignores it). A format-1 file
 * without the key was written before missing cells were modelled and is read as it always was
 * (rows with a missing cell get no label).
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
import { familiesToFile, modelFileFamiliesSchema, needsFamilies, readFamilies } from './modelFileFamilies';
import type { ModelFileFamilies } from './modelFileFamilies';
import {
  meansProblem,
  positiveDefiniteProblem,
  precisionsCholeskyProblem,
  weightsProblem,
} from './modelChecks';

export const MODEL_FORMAT = 'mixlab-model';
export const MODEL_VERSION = 2;
/** The format of a plain Gaussian model: nothing in it needs format 2. */
const GAUSSIAN_MODEL_VERSION = 1;

/**
 * Weights must sum to 1 within this: a model written with 17 significant digits per weight sums to
 * 1 within a few ulps, a hand-typed one (0.333, 0.333, 0.334) exactly or within rounding.
 */
export const MODEL_WEIGHTS_SUM_TOLERANCE = 1e-6;

export const ModelFileCodes = {
  Corrupt: 'model_corrupt',
  Foreign: 'model_foreign',
  TooNew: 'model_too_new',
  Invalid: 'model_invalid',
} as const;

export interface ModelFile extends ModelFileFamilies {
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
  // No numeric columns: no Gaussian block, so empty arrays (not K empty rows).
  const shape = d === 0 ? [0] : COVARIANCE_SHAPE[p.covarianceType](K, d);
  const families = needsFamilies(model);
  const mclust = isMclustName(p.covarianceType);
  return {
    format: MODEL_FORMAT,
    // Format 1 only for what an earlier Mixture Lab reads: scikit-learn's four types, Gaussian columns alone.
    version: families || mclust ? MODEL_VERSION : GAUSSIAN_MODEL_VERSION,
    covariance_type: p.covarianceType,
    // One column's E and V are their own names in mclust (COVARIANCE_MODELS shares EII's, VII's object).
    ...(mclust
      ? { model_name: univariate(p.covarianceType) ?? COVARIANCE_MODELS[p.covarianceType].mclustName }
      : {}),
    n_components: K,
    n_features: d,
    weights: Array.from(p.weights),
    means: d === 0 ? [] : (nest(p.means, [K, d]) as number[][]),
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
    ...(families ? familiesToFile(model) : pre.missing ? { missing: pre.missing } : {}),
    created: created.toISOString(),
    ...(appVersion ? { app_version: appVersion } : {}),
  };
}

function univariate(type: CovarianceType): McLustModelName | undefined {
  return (MCLUST_UNIVARIATE_MODEL_NAMES as readonly string[]).includes(type)
    ? (type as McLustModelName)
    : undefined;
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
  n_features: z.number().int().min(0).max(MAX_FEATURES),
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

/** The header after the zod schema: typed, but not yet checked against K and d. */
type ModelHeader = z.output<typeof header>;

/**
 * Reads a model file's text. Refusals are EngineErrors with a ModelFileCodes code and a message that
 * names the field (`means[1]: expected 2 entries, got 3`). One step per part of the file, so a new
 * part (the mixed models' `discrete` families) is one more step; keys a step does not know are
 * left alone, so files of this version with more in them still open.
 */
export function parseModelFile(text: string): LabelModel {
  const doc = readDocument(text);
  const m = readHeader(doc);
  checkShapes(m);
  const params = readGaussian(m);
  const preprocessing = readPreprocessing(m);
  if (doc.version === GAUSSIAN_MODEL_VERSION) {
    if (m.n_features === 0)
      throw invalid('n_features: expected at least 1 numeric column in a format-1 model');
    const missing = gaussianMissingMode.safeParse(doc);
    if (!missing.success) throw invalid(issueText(missing.error.issues[0]));
    return { params, preprocessing: { ...preprocessing, ...missing.data } };
  }
  const parsed = modelFileFamiliesSchema.safeParse(doc);
  if (!parsed.success) throw invalid(issueText(parsed.error.issues[0]));
  const families = readFamilies(parsed.data, m.n_components);
  if ('problem' in families) throw invalid(families.problem);
  const clash = m.preprocessing.columns.find((c) =>
    [
      ...(families.preprocessing.categorical ?? []),
      ...(families.preprocessing.poisson ?? []),
      ...(families.preprocessing.binomial ?? []),
    ].some((f) => f.name === c),
  );
  if (clash !== undefined) throw invalid(`the column "${clash}" is both numeric and discrete`);
  if (m.n_features === 0 && !families.discrete) throw invalid('the model has no columns');
  return {
    params: families.discrete ? { ...params, discrete: families.discrete } : params,
    preprocessing: { ...preprocessing, ...families.preprocessing },
  };
}

/** A format-1 file's missing-cell mode; absent in files from before missing cells were modelled. */
const gaussianMissingMode = modelFileFamiliesSchema.pick({ missing: true });

const invalid = (message: string) =>
  new EngineError(ModelFileCodes.Invalid, `Invalid model file: ${message}.`);

/** JSON, a model file's `format`, and a `version` this app reads. */
function readDocument(text: string): Record<string, unknown> {
  const json = parseJsonText(text);
  if (!json.ok) {
    throw new EngineError(
      ModelFileCodes.Corrupt,
      `The model file is not valid JSON: parsing stopped at ${json.where}.`,
    );
  }
  const doc = json.value as Record<string, unknown> | null;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || doc.format !== MODEL_FORMAT) {
    const what =
      (doc as { format?: unknown })?.format === 'mixlab-project'
        ? 'a Mixture Lab project'
        : 'JSON of another kind';
    throw new EngineError(
      ModelFileCodes.Foreign,
      `This is not a Mixture Lab model file (it is ${what}; expected "format": "${MODEL_FORMAT}").`,
    );
  }
  if (typeof doc.version !== 'number' || !Number.isInteger(doc.version) || doc.version < 1) {
    throw new EngineError(ModelFileCodes.Invalid, 'The model file has no valid "version".');
  }
  if (doc.version > MODEL_VERSION) {
    throw new EngineError(
      ModelFileCodes.TooNew,
      `The model file was made by a newer Mixture Lab (model format ${doc.version}); this version reads up to ${MODEL_VERSION}.`,
    );
  }
  return doc;
}

/** Field types and caps (the zod schema above). */
function readHeader(doc: Record<string, unknown>): ModelHeader {
  const parsed = header.safeParse(doc);
  if (!parsed.success) throw invalid(issueText(parsed.error.issues[0]));
  return parsed.data;
}

/** Every array has the shape its covariance type, K and d give it. */
function checkShapes(m: ModelHeader): void {
  const K = m.n_components;
  const d = m.n_features;
  // Without numeric columns the Gaussian arrays are empty (as modelToFile writes them).
  const covShape = d === 0 ? [0] : COVARIANCE_SHAPE[m.covariance_type](K, d);
  const checks: [string, unknown, number[]][] = [
    ['weights', m.weights, [K]],
    ['means', m.means, d === 0 ? [0] : [K, d]],
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
      throw invalid(`${name}${at}: ${problem.message} (${m.covariance_type}, K=${K}, d=${d})`);
    }
  }
}

/**
 * The Gaussian part: weights, means, covariances and their precision-Cholesky factors, each checked
 * in full (modelChecks.ts). Factors a file stores are used as stored, as scikit-learn's predict
 * uses precisions_cholesky_; a file without them (written from covariances_ alone) gets them
 * computed.
 */
function readGaussian(m: ModelHeader): GaussianMixtureParams {
  const K = m.n_components;
  const d = m.n_features;
  const type = m.covariance_type;
  const model = COVARIANCE_MODELS[type];
  const weights = Float64Array.from(m.weights);
  const means = Float64Array.from(m.means.flat());
  if (d === 0) {
    const problem = weightsProblem(weights, MODEL_WEIGHTS_SUM_TOLERANCE);
    if (problem) throw invalid(problem);
    const empty = new Float64Array(0);
    return {
      covarianceType: type,
      nComponents: K,
      nFeatures: 0,
      weights,
      means: empty,
      covariances: empty,
      precisionsCholesky: empty,
    };
  }
  const covariances = model.flatten(m.covariances, K, d)!;
  const problem =
    weightsProblem(weights, MODEL_WEIGHTS_SUM_TOLERANCE) ??
    meansProblem(means, d) ??
    positiveDefiniteProblem('covariance', type, covariances, K, d);
  if (problem) throw invalid(problem);
  let precisionsCholesky: Float64Array | number;
  if (m.precisions_cholesky !== undefined) {
    precisionsCholesky = model.flatten(m.precisions_cholesky, K, d)!;
    const factorProblem = precisionsCholeskyProblem(type, precisionsCholesky, K, d);
    if (factorProblem) throw invalid(factorProblem);
  } else precisionsCholesky = model.precisionCholesky(covariances, K, d);
  if (typeof precisionsCholesky === 'number') {
    throw invalid(`the covariance of component ${precisionsCholesky + 1} is not positive definite`);
  }
  return {
    covarianceType: type,
    nComponents: K,
    nFeatures: d,
    weights,
    means,
    covariances,
    precisionsCholesky,
  };
}

/** Column names, log flags, centre and scale (types and lengths were checked above). */
function readPreprocessing(m: ModelHeader): ModelPreprocessing {
  return {
    columnNames: m.preprocessing.columns,
    log: m.preprocessing.log,
    standardize: m.preprocessing.standardize,
    center: m.preprocessing.center,
    scale: m.preprocessing.scale,
  };
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
