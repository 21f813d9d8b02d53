/**
 * Time left in a sweep, from the estimated cost of the cells (order.ts) rather than their
 * count: the pool starts the largest cells first, so after half the cells far more than half the
 * work is usually done, and a count-based estimate would overstate the wait. The rate observed so
 * far (finished cost per elapsed second) is applied to the cost still to run.
 */
export function sweepEtaSeconds(
  elapsedSeconds: number,
  finishedCost: number,
  totalCost: number,
): number | null {
  if (finishedCost <= 0 || !(elapsedSeconds >= 0)) return null;
  const remaining = Math.max(0, totalCost - finishedCost);
  return (elapsedSeconds * remaining) / finishedCost;
}
