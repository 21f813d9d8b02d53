/**
 * Imports a delimited text file into a table: detection (or the user's overrides) → the records
 * read by bytes or by decoded characters (readDelimited.ts) → TableBuilder.
 *
 * Auto-detected UTF-8 or GBK is decoded strictly: if bytes after the sample turn out invalid, the
 * import restarts with the legacy encoding guessed from the offending chunk (the sample cannot see
 * a stray Latin-1 byte on row 2 000 000). A forced encoding that fails is an error.
 */
import type { ImportOptions } from '../../../shared/data/types';
import { TableBuilder, type TableRules } from '../../../shared/data/tableBuilder';
import { legacyEncoding } from './detectEncoding';
import { resolveDialect, type Dialect } from './delimitedDialect';
import type { ImportContext, ImportedTable } from './importer';
import { bytePathFits, DecodeFailure, readBytes, readChars, type ReadCounter } from './readDelimited';
import { rejectNoDataRows, rejectUndecodable } from './rejections';
import type { Sniffed } from './sniffFile';
import { cancelledError } from '../../../shared/errors';

/** For tests: force the decoded-text path, or read in small pieces to exercise chunk boundaries. */
export interface ReadTuning {
  charPath?: boolean;
  readBytes?: number;
}

export async function importDelimited(
  sniffed: Sniffed,
  options: ImportOptions,
  ctx: ImportContext,
  tuning: ReadTuning = {},
): Promise<ImportedTable> {
  let dialect = resolveDialect(sniffed, options);
  for (;;) {
    try {
      return await readAll(sniffed, dialect, ctx, tuning, options);
    } catch (err) {
      if (!(err instanceof DecodeFailure)) throw err;
      if (dialect.encodingForced || dialect.encoding === 'windows-1252')
        throw rejectUndecodable(dialect.encoding, err.offset);
      let fallback = legacyEncoding(err.chunk, true).encoding;
      if (fallback === dialect.encoding) fallback = 'windows-1252';
      dialect = { ...dialect, encoding: fallback, bom: false };
    }
  }
}

async function readAll(
  sniffed: Sniffed,
  dialect: Dialect,
  ctx: ImportContext,
  tuning: ReadTuning,
  rules: TableRules,
): Promise<ImportedTable> {
  const totalBytes = sniffed.size;
  const counter: ReadCounter = { bytesRead: 0 };
  // Size the columns for the whole file from the bytes per record seen so far (see growable.ts).
  const builder = new TableBuilder(
    dialect.decimal === ',',
    (rows) => {
      const { bytesRead } = counter;
      const perRecord = rows > 0 && bytesRead > 0 ? bytesRead / rows : dialect.bytesPerRecord;
      return Math.max(Math.ceil(rows * 1.1), Math.ceil((totalBytes / perRecord) * 1.02) + 64);
    },
    undefined,
    rules,
  );
  if (!tuning.charPath && bytePathFits(dialect))
    await readBytes(sniffed, dialect, builder, ctx, counter, tuning.readBytes);
  else await readChars(sniffed, dialect, builder, ctx, counter);
  if (ctx.signal.aborted) throw cancelledError();
  if (builder.rows === 0) throw rejectNoDataRows(builder.header ?? []);
  ctx.progress({ bytesRead: totalBytes, totalBytes, rows: builder.rows }, true);
  const built = builder.finish();
  return {
    ...built,
    meta: {
      file: sniffed.path,
      format: 'csv',
      encoding: dialect.encoding,
      bom: dialect.bom,
      delimiter: dialect.delimiter,
      decimal: dialect.decimal,
      thousands: dialect.decimal === ',' ? '.' : null,
      header: built.header,
      sizeBytes: totalBytes,
    },
  };
}
