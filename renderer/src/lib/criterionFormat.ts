/**
 * Numbers in the model-selection table. Criteria and log-likelihoods are compared by their
 * differences, not their magnitude: at 200 000 rows every BIC from K = 3 to 9 is "2.71e6" to four
 * significant digits, while the cells differ by tens or thousands. So they are printed in full with
 * one decimal (grouped, in the user's locale), and each cell's difference to the best cell of the
 * criterion (ΔBIC, Raftery 1995's scale: < 2 weak, 2–6 positive, 6–10 strong, > 10 very strong
 * evidence) sits beside them.
 */

/** 2,712,345.6 — every integer digit and one decimal. */
export function formatCriterion(value: number | null | undefined, locale = 'en'): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/**
 * value − best, in the direction "how much worse" (≥ 0 for every cell; the best cell is 0):
 * scikit-learn's criteria are lower-is-better, so Δ = value − min.
 */
export function criterionDelta(
  value: number | null | undefined,
  best: number | null | undefined,
): number | null {
  if (value === null || value === undefined || best === null || best === undefined) return null;
  if (!Number.isFinite(value) || !Number.isFinite(best)) return null;
  return value - best;
}

/** "0" for the best cell, "+12.3" for the others. */
export function formatDelta(delta: number | null, locale = 'en'): string {
  if (delta === null) return '–';
  if (delta === 0) return '0';
  const s = formatCriterion(Math.abs(delta), locale);
  return delta > 0 ? `+${s}` : `−${s}`;
}
