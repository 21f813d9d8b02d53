/**
 * Category levels a stored model has never seen, in a file it labels: such a cell is treated as
 * MISSING (it contributes nothing to its row's density, exactly as an empty cell) and reported, not
 * refused — a new answer in one survey item should not stop the other items from labelling the
 * row, and the model has no probability for it to use. A row left with no observed cell gets no
 * label, as any such row. The caller warns with the counts returned here.
 *
 * The cells are read as the fit reads them (request/buildMixedRows.ts categoryCodes): a number by
 * its value (so 1 and 1.0 are one level), else the trimmed text; missing-value tokens stay missing.
 */
import type { DataTable } from '../data/table';
import { missingTokenIndex } from '../data/missingTokens';

export interface UnknownLevels {
  /** The column's name as the table shows it. */
  column: string;
  /** Cells masked. */
  cells: number;
  /** The unseen levels, first seen first, at most MAX_NAMED. */
  levels: string[];
}

/** Unseen levels named per column in a warning (the count covers the rest). */
const MAX_NAMED = 5;

/**
 * The table with every cell of `columns` whose level the model does not know made missing (a view:
 * the table itself is not changed), and what was masked. The table itself when nothing was.
 */
export function maskUnknownLevels(
  table: DataTable,
  columns: readonly { column: number; levels: readonly string[] }[],
): { table: DataTable; unknown: UnknownLevels[] } {
  const masks = new Map<number, Uint8Array>();
  const unknown: UnknownLevels[] = [];
  for (const { column, levels } of columns) {
    const known = new Set(levels);
    const values = table.numeric(column);
    let mask: Uint8Array | null = null;
    const seen: string[] = [];
    let cells = 0;
    for (let i = 0; i < table.rowCount; i++) {
      const v = values ? values[i] : NaN;
      let key: string;
      if (v === v) key = String(v);
      else {
        const text = table.text(column, i).trim();
        if (missingTokenIndex(text) >= 0) continue;
        key = text;
      }
      if (known.has(key)) continue;
      mask ??= new Uint8Array(table.rowCount);
      mask[i] = 1;
      cells++;
      if (seen.length < MAX_NAMED && !seen.includes(key)) seen.push(key);
    }
    if (mask) {
      masks.set(column, mask);
      unknown.push({
        column: table.summary.columns[column]?.displayName ?? `column ${column}`,
        cells,
        levels: seen,
      });
    }
  }
  if (masks.size === 0) return { table, unknown };
  const numericCache = new Map<number, Float64Array | null>();
  const view: DataTable = {
    summary: table.summary,
    rowCount: table.rowCount,
    numeric(c) {
      const mask = masks.get(c);
      if (!mask) return table.numeric(c);
      if (!numericCache.has(c)) {
        const whole = table.numeric(c);
        numericCache.set(c, whole ? whole.map((x, i) => (mask[i] ? NaN : x)) : null);
      }
      return numericCache.get(c) ?? null;
    },
    text: (c, i) => (masks.get(c)?.[i] ? '' : table.text(c, i)),
  };
  return { table: view, unknown };
}

/** "“Colour”: 3 cells with levels the model does not know (“teal”, “mauve”) were treated as missing." */
export function unknownLevelsWarning(u: UnknownLevels): string {
  const more = u.levels.length === MAX_NAMED ? ', …' : '';
  return (
    `"${u.column}": ${u.cells} cell${u.cells === 1 ? '' : 's'} with ${u.levels.length === 1 && !more ? 'a level' : 'levels'} ` +
    `the model does not know (${u.levels.map((l) => `"${l}"`).join(', ')}${more}) treated as missing.`
  );
}
