import type { DatasetSummary } from '../../shared/data/types';
import { ArgumentError } from './args';

/**
 * `--columns a,b,c` → dataset column indices, matching the display name first, then the raw header.
 * Without the option, every numeric column (an error when there is none).
 */
export function resolveColumns(summary: DatasetSummary, list: string | undefined): number[] {
  if (list === undefined) {
    const numeric = summary.columns.filter((c) => c.kind === 'numeric').map((c) => c.index);
    if (numeric.length === 0) throw new ArgumentError(`${summary.file} has no numeric column to fit`);
    return numeric;
  }
  return list.split(',').map((raw) => {
    const name = raw.trim();
    const column =
      summary.columns.find((c) => c.displayName === name) ?? summary.columns.find((c) => c.name === name);
    if (!column) {
      const known = summary.columns.map((c) => c.displayName).join(', ');
      throw new ArgumentError(`unknown column "${name}" in --columns (the file has: ${known})`);
    }
    if (column.kind !== 'numeric' && column.kind !== 'mixed') {
      throw new ArgumentError(`column "${name}" in --columns is ${column.kind}, not numeric`);
    }
    return column.index;
  });
}
