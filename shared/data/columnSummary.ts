/**
 * A finished column's kind and statistics, by the rules of test/fixtures/csv/README.md ("Column
 * kinds and statistics"):
 *
 *   empty        every cell missing                          → missing
 *   numeric      every non-missing cell a finite number      → missing, count, sum, min, max, mean, std
 *   categorical  no non-missing cell is a number             → missing, distinct
 *   mixed        some numbers and some text / non-finite     → numeric stats of the numbers +
 *                                                              nonNumeric, nonNumericRows, nonfinite
 *
 * No threshold decides categorical vs mixed: one number among texts makes a column mixed, so the
 * user sees the count and can choose to treat the other cells as missing.
 */
import type { ColumnKind, ColumnSummary } from './types';
import type { ColumnBuilder } from './columnBuilder';

export function columnKind(c: ColumnBuilder): ColumnKind {
  if (c.count === 0) return c.nonNumeric === 0 ? 'empty' : 'categorical';
  return c.nonNumeric === 0 ? 'numeric' : 'mixed';
}

/**
 * Sample standard deviation (ddof = 1, like pandas' `std()` and R's `sd()`), by the corrected
 * two-pass formula over the stored values (Chan, Golub & LeVeque, "Algorithms for computing the
 * sample variance", 1983): Σ(x-m)² minus the rounding error (Σ(x-m))²/n. Undefined for n < 2.
 *
 * values: Float64Array, nRows, NaN where the cell is not a number (skipped).
 */
export function sampleStd(
  values: Float64Array,
  length: number,
  mean: number,
  count: number,
  scale: number,
): number | undefined {
  if (count < 2) return undefined;
  // Deviations are divided by `scale` (the largest |x|) so squares of values near 1e308 stay finite.
  const inv = scale > 0 && Number.isFinite(scale) ? 1 / scale : 1;
  const m = mean * inv;
  let ss = 0;
  let s = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (v === v) {
      const d = v * inv - m;
      ss += d * d;
      s += d;
    }
  }
  const variance = (ss - (s * s) / count) / (count - 1);
  return Math.sqrt(Math.max(variance, 0)) / inv;
}

export function summarizeColumn(
  c: ColumnBuilder,
  index: number,
  name: string,
  displayName: string,
): ColumnSummary {
  const kind = columnKind(c);
  const summary: ColumnSummary = { index, name, displayName, kind, missing: c.missing };
  if (kind === 'categorical') summary.distinct = c.distinctTexts;
  if (kind === 'numeric' || kind === 'mixed') {
    const { count, sum, min, max } = c.numbers();
    const mean = sum / count;
    summary.count = count;
    summary.sum = sum;
    summary.min = min;
    summary.max = max;
    summary.mean = mean;
    const std = sampleStd(c.values, c.length, mean, count, Math.max(Math.abs(min), Math.abs(max)));
    if (std !== undefined) summary.std = std;
  }
  if (kind === 'mixed') {
    summary.nonNumeric = c.nonNumeric;
    summary.nonNumericRows = c.nonNumericRows.slice();
    if (c.nonfinite.length > 0) summary.nonfinite = c.nonfinite.length;
  }
  return summary;
}
