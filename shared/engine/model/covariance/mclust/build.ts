/**
 * An mclust model as a CovarianceModel: its M-step and parameter count on top of the scikit-learn
 * model whose covariance layout it stores (spherical for EII, diag for the diagonal models, full for
 * the ones with an orientation), which supplies the precision factors, kernels and shapes.
 */
import type { McLustModelName } from '../../types';
import type { CovarianceEstimate, CovarianceModel, CovarianceParts } from '../model';
import { ridgedScatters } from './scatter';

/**
 * An M-step on the regularised scatters W_k (d × d, or d diagonal entries for the diagonal family)
 * and nk, starting iterative updates from `start` when given.
 */
export type McLustMStep = (
  W: Float64Array[],
  nk: Float64Array,
  K: number,
  d: number,
  start: CovarianceParts | null,
) => CovarianceEstimate;

export function mclustModel(
  layout: CovarianceModel,
  name: McLustModelName,
  /** mclust's nVarParams(name, d, G). */
  nVarParams: (K: number, d: number) => number,
  mStep: McLustMStep,
): CovarianceModel {
  const dense = layout.family === 'dense';
  const estimate: CovarianceModel['estimate'] = (scatter, nk, regCovar, K, d, start) =>
    mStep(ridgedScatters(scatter, nk, regCovar, K, d, dense), nk, K, d, start);
  return {
    ...layout,
    type: name,
    mclustName: name,
    nCovarianceParameters: nVarParams,
    estimate,
    fromScatter: (scatter, nk, regCovar, K, d) => estimate(scatter, nk, regCovar, K, d, null).covariances,
  };
}
