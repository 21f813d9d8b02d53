/**
 * The fit's vocabulary as scikit-learn's GaussianMixture names it: the covariance types, the
 * initialisation methods and the defaults. A leaf module: the request schemas (request/) and the
 * model's types (types.ts) both read it, and it reads neither.
 */
export const COVARIANCE_TYPES = ['full', 'tied', 'diag', 'spherical'] as const;
export type CovarianceType = (typeof COVARIANCE_TYPES)[number];

export const INIT_METHODS = ['kmeans', 'k-means++', 'random', 'random_from_data'] as const;
export type InitMethod = (typeof INIT_METHODS)[number];

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
