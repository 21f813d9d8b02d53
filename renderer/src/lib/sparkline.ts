/**
 * Counts for a column's tiny distribution picture: equal-width bins between the column's known
 * minimum and maximum (from the import's summary, so no sort and one pass over the values).
 */
export function sparklineCounts(values: ArrayLike<number>, min: number, max: number, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  if (!(max > min)) {
    let n = 0;
    for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) n++;
    counts[Math.floor(bins / 2)] = n;
    return counts;
  }
  const scale = bins / (max - min);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    counts[Math.min(bins - 1, Math.max(0, Math.floor((v - min) * scale)))]++;
  }
  return counts;
}
