/**
 * Which columns the pairs plot shows. A grid of p × p panels stays readable up to a handful of
 * columns (charts/pairsOption.ts caps it), so the user picks two to `max` of the modelled columns;
 * the choice is kept as dataset column indices (a view setting), and read back against the fit:
 * chosen columns it did not model are dropped, and fewer than two left mean the default, the first
 * `max` modelled columns.
 */

/** Feature positions (model order) to draw: `chosen` as far as the fit has them, else the first `max`. */
export function pairsFeatures(
  modelled: readonly number[],
  chosen: readonly number[] | null,
  max: number,
): number[] {
  const first = modelled.slice(0, max).map((_, j) => j);
  if (!chosen) return first;
  const picked = modelled.map((c, j) => (chosen.includes(c) ? j : -1)).filter((j) => j >= 0);
  return picked.length >= 2 ? picked.slice(0, max) : first;
}

/**
 * The columns after ticking or unticking `column`, in model order; unchanged when that would leave
 * fewer than two or more than `max`.
 */
export function togglePairsColumn(
  modelled: readonly number[],
  shown: readonly number[],
  column: number,
  max: number,
): number[] {
  const on = shown.includes(column);
  const next = modelled.filter((c) => (c === column ? !on : shown.includes(c)));
  return next.length < 2 || next.length > max ? [...shown] : next;
}
