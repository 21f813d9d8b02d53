/**
 * Sweep cells as plain data (the store keeps them so a project file can save them as JSON), the
 * merge of streamed reports into the grid, and the cell table's order.
 */
import type { SweepCell, SweepCriterion } from '../../../shared/engine/sweep/types';
import type { CovarianceType, GaussianMixtureParams } from '../../../shared/engine/model/types';
import { COVARIANCE_TYPES } from '../../../shared/engine/model/types';
import { compareGridOrder } from '../../../shared/engine/sweep/order';

/** GaussianMixtureParams with number[] for the Float64Arrays (same shapes, row-major). */
export interface PlainParams {
  covarianceType: CovarianceType;
  nComponents: number;
  nFeatures: number;
  weights: number[];
  means: number[];
  covariances: number[];
  precisionsCholesky: number[];
  /** A mixed-type cell's discrete families (GaussianMixtureParams.discrete as plain arrays). */
  discrete?: { categorical: number[][]; poisson: number[]; binomial: number[] };
}

/** A SweepCell whose params are plain arrays: JSON round-trips it exactly (doubles print exactly). */
export type StoredSweepCell = Omit<SweepCell, 'params'> & { params: PlainParams | null };

export function toPlainParams(p: GaussianMixtureParams): PlainParams {
  return {
    covarianceType: p.covarianceType,
    nComponents: p.nComponents,
    nFeatures: p.nFeatures,
    weights: Array.from(p.weights),
    means: Array.from(p.means),
    covariances: Array.from(p.covariances),
    precisionsCholesky: Array.from(p.precisionsCholesky),
    ...(p.discrete
      ? {
          discrete: {
            categorical: p.discrete.categorical.map((c) => Array.from(c)),
            poisson: Array.from(p.discrete.poisson),
            binomial: Array.from(p.discrete.binomial),
          },
        }
      : {}),
  };
}

export function toTypedParams(p: PlainParams): GaussianMixtureParams {
  return {
    covarianceType: p.covarianceType,
    nComponents: p.nComponents,
    nFeatures: p.nFeatures,
    weights: Float64Array.from(p.weights),
    means: Float64Array.from(p.means),
    covariances: Float64Array.from(p.covariances),
    precisionsCholesky: Float64Array.from(p.precisionsCholesky),
    ...(p.discrete
      ? {
          discrete: {
            categorical: p.discrete.categorical.map((c) => Float64Array.from(c)),
            poisson: Float64Array.from(p.discrete.poisson),
            binomial: Float64Array.from(p.discrete.binomial),
          },
        }
      : {}),
  };
}

export function toStoredCell(cell: SweepCell): StoredSweepCell {
  return { ...cell, params: cell.params ? toPlainParams(cell.params) : null };
}

export const cellKey = (c: { k: number; covarianceType: CovarianceType }): string =>
  `${c.covarianceType}:${c.k}`;

/**
 * The grid with `cell` in place: a later report of the same (K, type) replaces the earlier one
 * (the refinement pass never makes a cell worse, SweepProgress). Kept in grid order.
 */
export function mergeCell(cells: readonly StoredSweepCell[], cell: StoredSweepCell): StoredSweepCell[] {
  const rest = cells.filter((c) => cellKey(c) !== cellKey(cell));
  return [...rest, cell].sort(compareGridOrder);
}

/** Columns of the cell table that can be sorted. */
export type SweepColumn =
  | 'k'
  | 'covarianceType'
  | 'status'
  | 'logLikelihood'
  | 'nParameters'
  | SweepCriterion
  | 'nIter'
  | 'converged'
  | 'seconds';

export interface SweepSort {
  column: SweepColumn;
  descending: boolean;
}

const STATUS_ORDER = ['ok', 'degenerate', 'singular', 'failed'];

function sortValue(c: StoredSweepCell, column: SweepColumn): number | null {
  switch (column) {
    case 'covarianceType':
      return COVARIANCE_TYPES.indexOf(c.covarianceType);
    case 'status':
      return STATUS_ORDER.indexOf(c.status);
    case 'converged':
      return c.converged === null ? null : c.converged ? 1 : 0;
    default:
      return c[column];
  }
}

/**
 * The table's rows sorted by one column; cells without a value (failed, singular) go last in
 * either direction, ties keep grid order (the simpler model first).
 */
export function sortCells(cells: readonly StoredSweepCell[], sort: SweepSort): StoredSweepCell[] {
  const sign = sort.descending ? -1 : 1;
  return [...cells].sort((a, b) => {
    const va = sortValue(a, sort.column);
    const vb = sortValue(b, sort.column);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
      return compareGridOrder(a, b);
    }
    return va !== vb ? sign * (va - vb) : compareGridOrder(a, b);
  });
}
