/**
 * One number format for a column of a table: every value with the same decimals, so the column
 * reads down and its decimal points line up (means of 5.01 and 55.05, not 5.006 and 55.05). The
 * decimals give the largest magnitude `significant` significant digits; a column whose largest
 * value is huge or tiny is written in scientific notation throughout, with one mantissa length.
 * Non-finite values read "–". The full value stays in the cell's title and in the exports.
 */
export type NumberFormatter = (value: number) => string;

/** Decimals cap: beyond this a column is better read in scientific notation anyway. */
const MAX_DECIMALS = 8;

export function columnFormatter(values: ArrayLike<number>, locale: string, significant = 4): NumberFormatter {
  let maxAbs = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]);
    if (Number.isFinite(a) && a > maxAbs) maxAbs = a;
  }
  // As formatStat: six digits before the point (four significant) or none in the first three after it.
  const scientific = maxAbs !== 0 && (maxAbs >= 10 ** (significant + 2) || maxAbs < 10 ** -(significant - 1));
  if (scientific)
    return (v) => (Number.isFinite(v) ? v.toExponential(significant - 1).replace('e+', 'e') : '–');
  const magnitude = maxAbs === 0 ? 0 : Math.floor(Math.log10(maxAbs));
  const decimals = Math.min(MAX_DECIMALS, Math.max(0, significant - 1 - magnitude));
  const format = new Intl.NumberFormat(locale, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: maxAbs >= 1e4,
  });
  // −0.000 reads as a negative number that is not there.
  return (v) => (Number.isFinite(v) ? format.format(v).replace(/^-(?=[0.,\s]*$)/, '') : '–');
}

/** A share as a percentage with one decimal, whatever its size: 100.0 %, 9.1 %, 0.0 %. */
export function formatShare(value: number, locale: string): string {
  if (!Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}
