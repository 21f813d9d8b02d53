/**
 * Number and size formatting for the UI. Statistics are shown with four significant digits (enough
 * to compare columns, short enough for a narrow panel); very large or small magnitudes switch to
 * scientific notation so a column of 1e-9 values does not read as 0.
 */
export function formatStat(value: number | undefined, locale = 'en'): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e6 || magnitude < 1e-3))
    return value.toExponential(2).replace('e+', 'e');
  return new Intl.NumberFormat(locale, { maximumSignificantDigits: 4, useGrouping: magnitude >= 1e4 }).format(
    value,
  );
}

/** Whole counts with the locale's grouping: 1,000,000. */
export function formatCount(value: number, locale = 'en'): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** File sizes in binary units, one decimal above 1 KiB: "2.4 MB". */
export function formatBytes(bytes: number, locale = 'en'): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** Last path segment, for either separator (the main process may be on Windows). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}
