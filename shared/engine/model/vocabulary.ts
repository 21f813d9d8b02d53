/**
 * The fit's vocabulary: the covariance models, the initialisation methods and the defaults. A leaf
 * module: the request schemas (request/) and the model's types (types.ts) both read it, and it
 * reads neither.
 *
 * Covariance models go by two sets of names. scikit-learn's four (covariance_type) and mclust's
 * fourteen, which write a covariance as volume × shape × orientation, Σ_k = λ_k D_k A_k D_kᵀ, and say
 * for each part whether it is Equal across components, Variable, or the Identity (Fraley & Raftery
 * 2002, Table 1; Celeux & Govaert 1995); E and V are mclust's two models of one column. The
 * scikit-learn names are aliases of VII, VVI, EEE and VVV and keep scikit-learn's behaviour exactly;
 * a request keeps the name it was given, so results report the model under that name.
 */
/** scikit-learn's covariance_type names: the app's default choices and the sweep's default grid. */
export const COVARIANCE_TYPES = ['full', 'tied', 'diag', 'spherical'] as const;
export type SklearnCovarianceType = (typeof COVARIANCE_TYPES)[number];

/** mclust.options("emModelNames"), in mclust's order. */
export const MCLUST_MODEL_NAMES = [
  'EII',
  'VII',
  'EEI',
  'VEI',
  'EVI',
  'VVI',
  'EEE',
  'VEE',
  'EVE',
  'VVE',
  'EEV',
  'VEV',
  'EVV',
  'VVV',
] as const;
/** mclust's models of one column: equal or variable variance. */
export const MCLUST_UNIVARIATE_MODEL_NAMES = ['E', 'V'] as const;
export type McLustModelName =
  (typeof MCLUST_MODEL_NAMES)[number] | (typeof MCLUST_UNIVARIATE_MODEL_NAMES)[number];

/** Every accepted name: scikit-learn's four first (the grid's order), then mclust's. */
export const COVARIANCE_MODEL_NAMES = [
  ...COVARIANCE_TYPES,
  ...MCLUST_MODEL_NAMES,
  ...MCLUST_UNIVARIATE_MODEL_NAMES,
] as const;
/** Any accepted covariance model name (scikit-learn's or mclust's). */
export type CovarianceType = (typeof COVARIANCE_MODEL_NAMES)[number];

/**
 * The scikit-learn type whose covariance shape each model stores (covariance/model.ts): a model
 * with an orientation stores K full matrices (EEE, all equal, one tied matrix), a diagonal model
 * K variance vectors, a spherical one K variances.
 */
export const COVARIANCE_LAYOUT: Readonly<Record<CovarianceType, SklearnCovarianceType>> = {
  full: 'full',
  tied: 'tied',
  diag: 'diag',
  spherical: 'spherical',
  EII: 'spherical',
  VII: 'spherical',
  EEI: 'diag',
  VEI: 'diag',
  EVI: 'diag',
  VVI: 'diag',
  EEE: 'tied',
  VEE: 'full',
  EVE: 'full',
  VVE: 'full',
  EEV: 'full',
  VEV: 'full',
  EVV: 'full',
  VVV: 'full',
  E: 'spherical',
  V: 'spherical',
};

/** Whether a name is one of mclust's (the sweep also starts those cells from mclust's hierarchical start). */
export const isMclustName = (type: CovarianceType): type is McLustModelName =>
  !(COVARIANCE_TYPES as readonly string[]).includes(type);

/** scikit-learn's initialisation methods (init), each drawn from the seed. */
export const INIT_METHODS = ['kmeans', 'k-means++', 'random', 'random_from_data'] as const;
/**
 * Every accepted init: scikit-learn's four, plus 'hc', mclust's model-based hierarchical
 * agglomeration (VVV criterion on the SVD-transformed data; quantile classes for one column;
 * model/hc/), which needs no seed below its subset size.
 */
export const FIT_INIT_METHODS = [...INIT_METHODS, 'hc'] as const;
export type InitMethod = (typeof FIT_INIT_METHODS)[number];

/**
 * scikit-learn's GaussianMixture defaults, which the request schema fills in for omitted options.
 * Plain constants, not typed by FitOptions: that type is inferred from the schema that reads them.
 */
export const DEFAULT_FIT_OPTIONS = {
  covarianceType: 'full',
  init: 'kmeans',
  nInit: 1,
  seed: 0,
  maxIter: 100,
  tol: 1e-3,
  regCovar: 1e-6,
} as const;
