/**
 * The DataTable the engine keeps after an import (see table.ts): numeric arrays for numeric and mixed
 * columns, and every cell's original text, rebuilt from the value and its format code or read from
 * the column's dictionary (columnBuilder.ts explains the encoding).
 */
import type { ColumnBuilder } from './columnBuilder';
import { MISSING_BASE } from './columnBuilder';
import { MISSING_TOKENS } from './missingTokens';
import { FORMAT_VERBATIM, formatNumber } from './numberGrammar';
import { trimmed } from './growable';
import type { DataTable } from './table';
import type { ColumnKind, DatasetSummary } from './types';

interface StoredColumn {
  /** nRows; null for categorical and empty columns (all NaN, not worth keeping). */
  values: Float64Array | null;
  formats: Uint8Array;
  codes: Int32Array | null;
  dictionary: string[];
  decimalComma: boolean;
}

export class ColumnTable implements DataTable {
  private readonly stored: StoredColumn[];
  /** Set by the importer once the summary (with its dataset id) is complete. */
  summary!: DatasetSummary;

  constructor(
    builders: ColumnBuilder[],
    readonly rowCount: number,
    kinds: ColumnKind[],
  ) {
    // Give back the spare capacity of the growable arrays, one column at a time.
    this.stored = builders.map((b, i) => ({
      values: kinds[i] === 'numeric' || kinds[i] === 'mixed' ? trimmed(b.values, rowCount) : null,
      formats: trimmed(b.formats, rowCount),
      codes: b.codes ? trimmed(b.codes, rowCount) : null,
      dictionary: b.dictionary,
      decimalComma: b.decimalComma,
    }));
  }

  get columnCount(): number {
    return this.stored.length;
  }

  numeric(column: number): Float64Array | null {
    return this.stored[column]?.values ?? null;
  }

  text(column: number, row: number): string {
    const c = this.stored[column];
    if (!c || row < 0 || row >= this.rowCount) return '';
    const format = c.formats[row];
    if (format === FORMAT_VERBATIM) return c.dictionary[c.codes![row]];
    if (format >= MISSING_BASE) return MISSING_TOKENS[format - MISSING_BASE];
    return formatNumber(c.values![row], format, c.decimalComma);
  }

  /** Bytes held by the typed arrays (for the benchmark and the memory panel). */
  get byteLength(): number {
    let n = 0;
    for (const c of this.stored)
      n += (c.values?.byteLength ?? 0) + c.formats.byteLength + (c.codes?.byteLength ?? 0);
    return n;
  }
}
