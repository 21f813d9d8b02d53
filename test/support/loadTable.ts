import { importFile } from '../../electron/engine/import/importFile';
import type { ColumnTable } from '../../shared/data/columnTable';

/** A data file imported as the engine imports it (detection on), for tests of what runs on tables. */
export async function loadTable(path: string): Promise<ColumnTable> {
  const { table } = await importFile(
    { path },
    { signal: new AbortController().signal, progress: () => undefined },
    'test',
  );
  return table;
}

/** Dataset column indices of the named columns. */
export function columnIndices(table: ColumnTable, names: string[]): number[] {
  return names.map((name) => {
    const c = table.summary.columns.findIndex((col) => col.name === name);
    if (c < 0) throw new Error(`no column ${name}`);
    return c;
  });
}
