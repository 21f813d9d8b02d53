/** Datasets the engine process holds, by id. The engine owns the data; other processes hold ids. */
import { EngineError, ErrorCodes } from '../../shared/errors';
import type { DataTable } from '../../shared/data/table';

export class DatasetStore {
  private readonly tables = new Map<string, DataTable>();
  private next = 1;

  /** Stores a table under an id chosen by the caller's import (so the summary can carry it). */
  put(id: string, table: DataTable): void {
    this.tables.set(id, table);
  }

  newId(): string {
    return `ds${this.next++}`;
  }

  get(id: string): DataTable {
    const table = this.tables.get(id);
    if (!table) {
      throw new EngineError(
        ErrorCodes.UnknownDataset,
        `The engine no longer holds dataset "${id}" (it was closed, or the engine restarted); open the file again.`,
      );
    }
    return table;
  }

  release(id: string): boolean {
    return this.tables.delete(id);
  }
}
