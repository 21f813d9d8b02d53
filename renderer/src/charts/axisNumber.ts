/**
 * Value-axis tick labels that stay short. ECharts prints a tick as the raw number, and an axis whose
 * ends are data values (charts/criteriaRange.ts) gets labels such as "1,179.58006863". Ticks are
 * read for their rough size, and the exact values are in the tooltip and the table, so five
 * significant digits are enough below 100 000 and compact notation ("2.712M", "27.12万") above.
 */
export function formatAxisNumber(value: number, locale = 'en'): string {
  if (!Number.isFinite(value)) return String(value);
  const a = Math.abs(value);
  if (a !== 0 && a < 1e-4) return value.toExponential(2).replace('e+', 'e');
  if (a >= 1e5)
    return new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: 4 }).format(value);
  return new Intl.NumberFormat(locale, { maximumSignificantDigits: 5 }).format(value);
}
