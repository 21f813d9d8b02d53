/**
 * Types of the Gaussian-mixture engine shared by the engine, the protocol, the CLI and the renderer.
 * Vocabulary and shapes follow scikit-learn's GaussianMixture (camelCase): K = nComponents,
 * d = nFeatures, n = nSamples. All matrices are row-major Float64Array.
 *
 * Shape of `covariances` / `precisionsCholesky` by covariance type (mclust's models store theirs in
 * the layout of the scikit-learn type they specialise, covariance/index.ts):
 *   full       K × d × d    (and VEE EVE VVE EEV VEV EVV VVV)
 *   tied       d × d        (and EEE)
 *   diag       K × d        (variances; and EEI VEI EVI VVI)
 *   spherical  K            (one variance per component; and EII VII E V)
 */
import type { z } from 'zod';
import type { fitOptionsSchema, fitRequestSchema, initParamsSchema } from '../request/fitRequest';
import type { CovarianceType } from './vocabulary';

export {
  COVARIANCE_LAYOUT,
  COVARIANCE_MODEL_NAMES,
  COVARIANCE_TYPES,
  DEFAULT_FIT_OPTIONS,
  FIT_INIT_METHODS,
  INIT_METHODS,
  MCLUST_MODEL_NAMES,
  MCLUST_UNIVARIATE_MODEL_NAMES,
  isMclustName,
  type CovarianceType,
  type InitMethod,
  type McLustModelName,
  type SklearnCovarianceType,
} from './vocabulary';

// The request types are the schemas' (request/fitRequest.ts, where each field is documented): the
// parsed form, with every default filled in, is what the engine and the app hold.

/** Explicit starting parameters, shaped as scikit-learn's weights_init / means_init / covariances. */
export type InitParams = z.output<typeof initParamsSchema>;

export type FitOptions = z.output<typeof fitOptionsSchema>;

/** Fitted parameters. Shapes as in the header comment. */
export interface GaussianMixtureParams {
  covarianceType: CovarianceType;
  nComponents: number;
  nFeatures: number;
  /** K */
  weights: Float64Array;
  /** K × d */
  means: Float64Array;
  covariances: Float64Array;
  precisionsCholesky: Float64Array;
  /**
   * The discrete families' parameters of a mixed-type model (families/state.ts shapes):
   * categorical[j] K × L_j probabilities, poisson K × q rates, binomial K × b probabilities.
   * Absent for a plain Gaussian mixture; nFeatures is 0 when the model has no numeric columns.
   */
  discrete?: DiscreteParams;
}

export interface DiscreteParams {
  categorical: Float64Array[];
  poisson: Float64Array;
  binomial: Float64Array;
}

/** How the fitted matrix was made from the dataset's columns (so labels can be recomputed). */
export interface Preprocessing {
  /** Dataset column indices, in the order of the model's features. */
  columns: number[];
  columnNames: string[];
  /** Natural log applied before standardising, per feature. */
  log: boolean[];
  standardize: boolean;
  /** Per feature: subtracted then divided (identity: 0 and 1). */
  center: number[];
  scale: number[];
  /**
   * The discrete families' columns of a mixed-type model (the features above are its Gaussian
   * block), in the order of params.discrete's arrays.
   */
  categorical?: { column: number; name: string; levels: string[] }[];
  poisson?: { column: number; name: string }[];
  binomial?: { column: number; name: string; trials: number | { column: number; name: string } }[];
  /** The frequency-weight column, when rows are weighted. */
  weights?: { column: number; name: string };
}

export type FitRequest = z.output<typeof fitRequestSchema>;

export interface FitProgress {
  restart: number;
  nRestarts: number;
  iteration: number;
  maxIter: number;
  /** Mean log-likelihood lower bound of the current iteration. */
  lowerBound: number;
}

export interface FitResult {
  params: GaussianMixtureParams;
  converged: boolean;
  nIter: number;
  /** scikit-learn's lower_bound_ of the kept restart. */
  lowerBound: number;
  /** score(X) at the final parameters. */
  meanLogLikelihood: number;
  logLikelihood: number;
  nParameters: number;
  bic: number;
  aic: number;
  icl: number;
  /** Lower bound per iteration, one array per restart; `bestRestart` indexes the kept one. */
  traces: Float64Array[];
  bestRestart: number;
  /** n, 0-based component index (predict). */
  labels: Int32Array;
  /** n × K responsibilities (predict_proba). */
  resp: Float64Array;
  /** n, log density of each row under the mixture (score_samples). */
  logDensity: Float64Array;
  /** EM time only, excluding data loading. */
  seconds: number;
}

export interface FitResponse {
  fit: FitResult;
  preprocessing: Preprocessing;
  /**
   * Dataset row index (0-based) of each fitted row. Left out: rows with no observed cell in the
   * selected columns (or, with missing 'drop' and for a plain fit, with any missing), rows ≤ 0 in a
   * log column, rows of weight 0.
   */
  rowIndex: Uint32Array;
  droppedRows: number;
  /** Missing cells of the fitted rows, modelled (not imputed); 0 for a plain fit. */
  missingCells?: number;
  /** Σ of the row weights when rows are weighted: the n of the criteria. */
  totalWeight?: number;
}
