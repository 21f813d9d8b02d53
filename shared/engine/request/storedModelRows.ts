/**
 * The rows a stored mixed-type model sees in a table: the fit's own row builder (buildMixedRows.ts,
 * so the same rows are kept and the same cells are missing), then the model's STORED preprocessing
 * in place of one computed again — the Gaussian block standardised with the stored centre and scale
 * (as shared/export/applyModel.ts does for a Gaussian model) and each category coded by the stored
 * level list. On the dataset the model was fitted on this gives the fit's rows exactly.
 *
 * `rowsOf` builds the rows of a few table rows only (a window of the data table), through a view of
 * the table that holds just those rows: the cost is the window's, not the table's.
 */
import { EngineError } from '../../errors';
import type { DataTable } from '../../data/table';
import { buildMixedRows, type MixedMatrix } from './buildMixedRows';
import type { MixtureModel } from './mixtureModel';

/** Stable codes of the refusals (the renderer shows the message). */
export const StoredModelErrorCodes = {
  /** The table's columns or categories are not the ones the model was fitted on. */
  ColumnsChanged: 'model_columns_changed',
} as const;

export interface StoredModelRows extends Omit<MixedMatrix, 'preprocessing'> {
  /** Table row (0-based) of each kept row (for `rowsOf`: of the whole table, not the view). */
  rowIndex: Uint32Array;
}

export function storedModelRows(
  table: DataTable,
  model: MixtureModel,
  rowsOf?: ArrayLike<number>,
): StoredModelRows {
  const source = rowsOf ? tableView(table, rowsOf) : table;
  const built = buildMixedRows(source, { ...model.roles, standardize: false });
  const pre = model.preprocessing;
  const got = built.preprocessing;
  const changed = (what: string) =>
    new EngineError(
      StoredModelErrorCodes.ColumnsChanged,
      `The data no longer matches the model: ${what}. Fit the model again.`,
    );
  if (got.columns.join() !== pre.columns.join()) throw changed('its numeric columns differ');
  const d = pre.columns.length;
  const X = built.rows.X;
  if (pre.standardize)
    for (let e = 0; e < X.length; e++) X[e] = (X[e] - pre.center[e % d]) / pre.scale[e % d];

  const stored = pre.categorical ?? [];
  const found = got.categorical ?? [];
  if (found.map((c) => c.column).join() !== stored.map((c) => c.column).join())
    throw changed('its categorical columns differ');
  const m = stored.length;
  const codes = built.rows.codes;
  found.forEach((c, j) => {
    const index = new Map(stored[j].levels.map((level, l) => [level, l]));
    const remap = c.levels.map((level) => index.get(level) ?? -1);
    if (remap.includes(-1))
      throw changed(
        `“${c.name}” has the category “${c.levels[remap.indexOf(-1)]}”, which the model does not know`,
      );
    for (let i = j; i < codes.length; i += m) if (codes[i] >= 0) codes[i] = remap[codes[i]];
  });
  const rows = { ...built.rows, levels: stored.map((c) => c.levels.length) };
  const { preprocessing: _p, ...rest } = built;
  if (!rowsOf) return { ...rest, rows };
  const tableRow = Uint32Array.from(rowsOf);
  return { ...rest, rows, rowIndex: built.rowIndex.map((r) => tableRow[r]) };
}

/**
 * The given rows of `table` as a table of their own (row i of the view is table row rows[i]). Summary
 * rows the import left out stay left out (their problems renumbered to the view's rows).
 */
export function tableView(table: DataTable, rows: ArrayLike<number>): DataTable {
  const index = Uint32Array.from(rows);
  for (const r of index)
    if (r >= table.rowCount)
      throw new EngineError(
        'invalid_payload',
        `Row ${r} does not exist; the dataset has ${table.rowCount} rows.`,
      );
  const position = new Map<number, number>();
  index.forEach((r, i) => position.set(r, i));
  const columns = new Map<number, Float64Array | null>();
  const errors = (table.summary.errors ?? []).flatMap((e) => {
    if (e.kind !== 'total_row') return [];
    const at = position.get(e.row - 1);
    return at === undefined ? [] : [{ ...e, row: at + 1 }];
  });
  return {
    summary: { ...table.summary, rows: index.length, errors },
    rowCount: index.length,
    numeric(c) {
      if (!columns.has(c)) {
        const whole = table.numeric(c);
        columns.set(c, whole ? Float64Array.from(index, (r) => whole[r]) : null);
      }
      return columns.get(c) ?? null;
    },
    text: (c, i) => table.text(c, index[i]),
  };
}
