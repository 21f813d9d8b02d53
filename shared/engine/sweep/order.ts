/**
 * Order of the sweep's cells. Two orders matter:
 *
 * - the grid order of the result (covariance type as COVARIANCE_MODEL_NAMES lists it: scikit-learn's
 *   four, then mclust's fourteen; then ascending K),
 *   which is what tables and charts read, independent of which cell finished first;
 * - the scheduling order: largest estimated cost first (the "longest processing time first" rule of
 *   Graham 1969), so the long cells start at once and the short ones fill the gaps at the end
 *   instead of one long cell running alone on an otherwise idle pool.
 */
import type { CovarianceType, SklearnCovarianceType } from '../model/types';
import { COVARIANCE_LAYOUT, COVARIANCE_MODEL_NAMES } from '../model/types';

export interface CellKey {
  k: number;
  covarianceType: CovarianceType;
}

/**
 * Work per row and per EM iteration relative to K: the Mahalanobis distances and the scatter sums
 * cost ~d²/2 + d multiply-adds per component for a dense factor (full; tied shares the factor but
 * still needs one distance per mean), ~2d for a diagonal one (diag, spherical), plus ~1 for the
 * exponential and normalisation. Iteration counts are unknown in advance, so this ranks cells, it
 * does not predict seconds.
 */
const WORK_PER_COMPONENT: Record<SklearnCovarianceType, (d: number) => number> = {
  full: (d) => 1 + (d * (d + 1)) / 2 + d,
  tied: (d) => 1 + (d * (d + 1)) / 2 + d,
  diag: (d) => 1 + 2 * d,
  spherical: (d) => 1 + 2 * d,
};

export function estimatedCellCost(cell: CellKey, nFeatures: number): number {
  return cell.k * WORK_PER_COMPONENT[COVARIANCE_LAYOUT[cell.covarianceType]](nFeatures);
}

/** Negative when a comes first in the grid order (covariance type, then K). */
export function compareGridOrder(a: CellKey, b: CellKey): number {
  const t =
    COVARIANCE_MODEL_NAMES.indexOf(a.covarianceType) - COVARIANCE_MODEL_NAMES.indexOf(b.covarianceType);
  return t !== 0 ? t : a.k - b.k;
}

/** Every (K, type) of the grid, in grid order. */
export function gridCells(ks: readonly number[], covarianceTypes: readonly CovarianceType[]): CellKey[] {
  const cells: CellKey[] = [];
  for (const covarianceType of covarianceTypes) for (const k of ks) cells.push({ k, covarianceType });
  return cells.sort(compareGridOrder);
}

/** The cells in the order to start them: largest estimated cost first, grid order on ties. */
export function schedulingOrder<C extends CellKey>(cells: readonly C[], nFeatures: number): C[] {
  return [...cells].sort(
    (a, b) => estimatedCellCost(b, nFeatures) - estimatedCellCost(a, nFeatures) || compareGridOrder(a, b),
  );
}
