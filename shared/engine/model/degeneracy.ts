/**
 * Degenerate-fit detection, for a single fit and for the sweep. A component whose covariance has
 * an eigenvalue below 10 × reg_covar is held up only by the regularisation: it has collapsed onto
 * repeated values (the 14 rows of Old Faithful with waiting = 83) or onto fewer points than
 * dimensions. Its density there is ~1/√(2π·reg_covar) per dimension, so its likelihood and BIC
 * measure reg_covar, not the data — scikit-learn reports such fits without comment. The factor 10
 * is the fixtures' rule (test/fixtures/README.md, selection/): a genuine variance that small
 * relative to reg_covar would be lost in the regularisation anyway.
 */
import type { GaussianMixtureParams, SklearnCovarianceType } from './types';
import { COVARIANCE_LAYOUT } from './types';
import { jacobiEigen } from '../../stats/jacobi';

export const DEGENERACY_FACTOR = 10;

export interface SmallestEigenvalue {
  value: number;
  /** 0-based component, or null when all components share one covariance (tied). */
  component: number | null;
}

/** Smallest eigenvalue of a d × d symmetric block starting at `off`. */
function blockMinEigenvalue(covariances: Float64Array, off: number, d: number): number {
  if (d === 1) return covariances[off];
  const { values } = jacobiEigen(covariances.subarray(off, off + d * d), d);
  return values[d - 1];
}

const perComponent = (K: number, valueOf: (k: number) => number): SmallestEigenvalue[] =>
  Array.from({ length: K }, (_, k) => ({ value: valueOf(k), component: k }));

/** By covariance layout (types.ts): full K × d × d, tied d × d, diag K × d, spherical K. */
const SMALLEST: Record<
  SklearnCovarianceType,
  (c: Float64Array, K: number, d: number) => SmallestEigenvalue[]
> = {
  full: (c, K, d) => perComponent(K, (k) => blockMinEigenvalue(c, k * d * d, d)),
  tied: (c, _K, d) => [{ value: blockMinEigenvalue(c, 0, d), component: null }],
  diag: (c, K, d) => perComponent(K, (k) => Math.min(...c.subarray(k * d, k * d + d))),
  spherical: (c, K) => perComponent(K, (k) => c[k]),
};

/**
 * Smallest eigenvalue of each covariance (reg_covar included): one entry per component, in
 * component order, or a single entry with component null for the shared tied matrix.
 */
export function covarianceMinEigenvalues(params: GaussianMixtureParams): SmallestEigenvalue[] {
  return SMALLEST[COVARIANCE_LAYOUT[params.covarianceType]](
    params.covariances,
    params.nComponents,
    params.nFeatures,
  );
}

/** Smallest eigenvalue of any component covariance of a fitted mixture; first component on ties. */
export function smallestCovarianceEigenvalue(params: GaussianMixtureParams): SmallestEigenvalue {
  let best: SmallestEigenvalue = { value: Infinity, component: null };
  for (const e of covarianceMinEigenvalues(params)) if (e.value < best.value) best = e;
  return best;
}

/** The smallest eigenvalue below which a covariance is held up only by reg_covar. */
export const collapseThreshold = (regCovar: number): number => DEGENERACY_FACTOR * regCovar;

/** Whether a covariance with this smallest eigenvalue is held up only by reg_covar. */
export const isCollapsed = (value: number, regCovar: number): boolean => value < collapseThreshold(regCovar);

/** The covariances of a fit that are held up only by reg_covar, in component order. */
export function collapsedComponents(params: GaussianMixtureParams, regCovar: number): SmallestEigenvalue[] {
  return covarianceMinEigenvalues(params).filter((e) => isCollapsed(e.value, regCovar));
}

/** The sentence a degenerate fit or sweep cell carries, or null when the fit is not degenerate. */
export function degeneracyMessage(smallest: SmallestEigenvalue, regCovar: number): string | null {
  if (!isCollapsed(smallest.value, regCovar)) return null;
  const threshold = collapseThreshold(regCovar);
  const show = (x: number): string => Number(x.toPrecision(3)).toString();
  const who =
    smallest.component === null
      ? 'The shared (tied) covariance'
      : `Component ${smallest.component + 1}'s covariance`;
  return (
    `${who} has an eigenvalue of ${show(smallest.value)}, below ${DEGENERACY_FACTOR} × reg_covar ` +
    `= ${show(threshold)}: the component collapsed onto repeated values or onto fewer points ` +
    'than dimensions and is held up only by reg_covar, so its likelihood and criteria are artefacts ' +
    'of reg_covar.'
  );
}
