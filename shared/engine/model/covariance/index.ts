/** The four covariance models by scikit-learn's covariance_type name. */
import type { CovarianceType } from '../types';
import type { CovarianceModel } from './model';
import { fullCovariance } from './full';
import { tiedCovariance } from './tied';
import { diagCovariance } from './diag';
import { sphericalCovariance } from './spherical';

export type { CovarianceModel } from './model';

export const COVARIANCE_MODELS: Record<CovarianceType, CovarianceModel> = {
  full: fullCovariance,
  tied: tiedCovariance,
  diag: diagCovariance,
  spherical: sphericalCovariance,
};
