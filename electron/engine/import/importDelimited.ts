/**
 * Streams a delimited text file into a table: read stream (1 MiB chunks) → TextDecoder (stream mode,
 * so multi-byte characters split across chunks decode) → DelimitedScanner → TableBuilder. Progress
 * after every chunk; cancellation checked between chunks.
 *
 * Auto-detected UTF-8 or GBK is decoded strictly: if bytes after the sample turn out invalid, the
 * import restarts with the legacy encoding guessed from the offending chunk (the sample cannot see
 * a stray Latin-1 byte on row 2 000 000). A forced encoding that fails is an error.
 */
import { createReadStream } from 'node:fs';
import type { DatasetSummary, ImportOptions, ImportProgress } from '../../../shared/data/types';
import { TableBuilder, type BuiltTable } from '../../../shared/data/tableBuilder';
import { cancelled } from '../engineCore';
import { DelimitedScanner } from './csvScanner';
import { legacyEncoding } from './detectEncoding';
import { makeDecoder, resolveDialect, type Dialect } from './delimitedDialect';
import { rejectNoDataRows, rejectUndecodable } from './rejections';
import type { Sniffed } from './sniffFile';
import { tableSink } from './tableSink';

export interface ImportContext {
  signal: AbortSignal;
  progress(progress: ImportProgress, force?: boolean): void;
}

export type ImportedTable = BuiltTable & {
  meta: Omit<DatasetSummary, 'datasetId' | 'columns' | 'errors' | 'rows'>;
};

const CHUNK_BYTES = 1 << 20;

export async function importDelimited(
  sniffed: Sniffed,
  options: ImportOptions,
  ctx: ImportContext,
): Promise<ImportedTable> {
  let dialect = resolveDialect(sniffed, options);
  for (;;) {
    try {
      return await readAll(sniffed, dialect, ctx);
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

class DecodeFailure extends Error {
  constructor(
    readonly offset: number,
    readonly chunk: Uint8Array,
  ) {
    super('decode failure');
  }
}

async function readAll(sniffed: Sniffed, dialect: Dialect, ctx: ImportContext): Promise<ImportedTable> {
  const totalBytes = sniffed.size;
  let bytesRead = 0;
  // Size the columns for the whole file from the bytes per record seen so far (see growable.ts).
  const builder = new TableBuilder(dialect.decimal === ',', (rows) => {
    const perRecord = rows > 0 && bytesRead > 0 ? bytesRead / rows : dialect.bytesPerRecord;
    return Math.max(Math.ceil(rows * 1.1), Math.ceil((totalBytes / perRecord) * 1.02) + 64);
  });
  const scanner = new DelimitedScanner(
    dialect.delimiter ? dialect.delimiter.charCodeAt(0) : -1,
    tableSink(builder),
    dialect.decimal.charCodeAt(0),
  );
  const decoder = makeDecoder(dialect.encoding, true);
  const stream = createReadStream(sniffed.path, { highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (ctx.signal.aborted) throw cancelled();
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw new DecodeFailure(bytesRead, new Uint8Array(chunk));
      }
      bytesRead += chunk.length;
      scanner.push(text, false);
      ctx.progress({ bytesRead, totalBytes, rows: builder.rows });
    }
    let tail: string;
    try {
      tail = decoder.decode();
    } catch {
      throw new DecodeFailure(bytesRead, sniffed.sample.subarray(Math.max(0, sniffed.sample.length - 4096)));
    }
    scanner.push(tail, true);
  } finally {
    stream.destroy();
  }
  if (ctx.signal.aborted) throw cancelled();
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
      header: true,
      sizeBytes: totalBytes,
    },
  };
}
