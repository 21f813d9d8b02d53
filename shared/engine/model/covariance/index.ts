/**
 * The covariance models by name: scikit-learn's four and mclust's fourteen (plus E and V, its names
 * for one column). The scikit-learn names and their mclust equivalents share one model object —
 * spherical = VII, diag = VVI, tied = EEE, full = VVV — so an alias behaves exactly as scikit-learn;
 * E and V are EII and VII, which is what they are in one dimension.
 */
import type { CovarianceType } from '../types';
import type { CovarianceModel } from './model';
import { fullCovariance } from './full';
import { tiedCovariance } from './tied';
import { diagCovariance } from './diag';
import { sphericalCovariance } from './spherical';
import { eeiCovariance, eiiCovariance, eviCovariance, veiCovariance } from './mclust/diagonalModels';
import { eevCovariance, evvCovariance, vevCovariance } from './mclust/orientationModels';
import { eveCovariance, veeCovariance, vveCovariance } from './mclust/commonOrientation';

export type { CovarianceModel, CovarianceParts, CovarianceEstimate } from './model';

export const COVARIANCE_MODELS: Record<CovarianceType, CovarianceModel> = {
  full: fullCovariance,
  tied: tiedCovariance,
  diag: diagCovariance,
  spherical: sphericalCovariance,
  EII: eiiCovariance,
  VII: sphericalCovariance,
  EEI: eeiCovariance,
  VEI: veiCovariance,
  EVI: eviCovariance,
  VVI: diagCovariance,
  EEE: tiedCovariance,
  VEE: veeCovariance,
  EVE: eveCovariance,
  VVE: vveCovariance,
  EEV: eevCovariance,
  VEV: vevCovariance,
  EVV: evvCovariance,
  VVV: fullCovariance,
  E: eiiCovariance,
  V: sphericalCovariance,
};
