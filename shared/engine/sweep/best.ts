/**
 * The best cell of a sweep for each criterion: the lowest value (scikit-learn's sign) among the
 * cells with status 'ok'. Degenerate cells are left out by default — their likelihood is an
 * artefact of reg_covar (degeneracy.ts) — and can be let in on request. Ties go to the
 * first cell in grid order (covariance type, then smaller K): the simpler model.
 */
import type { SweepCell, SweepChoice, SweepCriterion } from './types';
import { SWEEP_CRITERIA } from './types';
import { compareGridOrder } from './order';

export interface BestCellOptions {
  /** Let degenerate cells compete (default false). */
  includeDegenerate?: boolean;
}

export function bestCell(
  cells: readonly SweepCell[],
  criterion: SweepCriterion,
  options: BestCellOptions = {},
): SweepChoice | null {
  let best: SweepCell | null = null;
  for (const cell of cells) {
    const value = cell[criterion];
    const eligible =
      cell.status === 'ok' || (options.includeDegenerate === true && cell.status === 'degenerate');
    if (!eligible || value === null || !Number.isFinite(value)) continue;
    const bestValue = best?.[criterion] ?? Infinity;
    if (value < bestValue || (value === bestValue && best !== null && compareGridOrder(cell, best) < 0))
      best = cell;
  }
  return best && { k: best.k, covarianceType: best.covarianceType, value: best[criterion] as number };
}

/** bestCell for every criterion. */
export function bestCells(
  cells: readonly SweepCell[],
  options: BestCellOptions = {},
): Record<SweepCriterion, SweepChoice | null> {
  return Object.fromEntries(SWEEP_CRITERIA.map((c) => [c, bestCell(cells, c, options)])) as Record<
    SweepCriterion,
    SweepChoice | null
  >;
}
