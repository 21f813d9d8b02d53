/**
 * Which of two fits of one cell the sweep keeps: a non-degenerate fit over a degenerate one, then
 * the higher log-likelihood. A degenerate fit's likelihood grows without bound as reg_covar shrinks
 * (a component on repeated values), so it is no evidence against a proper local optimum; the cell
 * reports the best proper fit it found, and is degenerate only if every start collapsed.
 */
import type { SweepCell } from './types';

const rank = (c: SweepCell): number => (c.status === 'ok' ? 2 : c.status === 'degenerate' ? 1 : 0);

/** True when `a` should replace `b`. */
export function preferredCell(a: SweepCell, b: SweepCell): boolean {
  if (rank(a) !== rank(b)) return rank(a) > rank(b);
  return rank(a) > 0 && (a.logLikelihood as number) > (b.logLikelihood as number);
}
