/**
 * The two ways a delimited file's records reach the TableBuilder:
 *
 * - readBytes (UTF-8, Windows-1252; see byteScanner.ts for why only those): fs reads of 4 MiB into
 *   one reused buffer, the incomplete last record moved to its front before the next read. UTF-8
 *   is validated with `buffer.isUtf8` (simdutf) up to the last ASCII byte of each chunk, so a file
 *   is accepted or refused exactly as a fatal TextDecoder would.
 * - readChars (every other encoding): a read stream (1 MiB chunks) → TextDecoder in stream mode →
 *   DelimitedScanner on the decoded text.
 *
 * Both report progress after every chunk and check cancellation between chunks. An invalid byte
 * sequence throws DecodeFailure so that importDelimited can retry with a legacy encoding.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import type { TableBuilder } from '../../../shared/data/tableBuilder';
import { ByteScanner, utf8Text } from './byteScanner';
import { DelimitedScanner, QuoteError } from './csvScanner';
import { makeDecoder, type Dialect } from './delimitedDialect';
import type { ImportContext } from './importer';
import type { Sniffed } from './sniffFile';
import { tableSink } from './tableSink';
import { IMPORT_LIMITS, rejectRecordTooLong } from '../../../shared/data/importLimits';
import { lineAt, overlongRecord } from './overlongRecord';
import { lineAtChar, quoteAtBytes, quoteAtChars } from './quoteErrors';
import { rejectBinaryAt, rejectNulByte } from './rejections';
import { cancelledError } from '../../../shared/errors';

export const READ_BYTES = 4 << 20;
const STREAM_CHUNK_BYTES = 1 << 20;

export class DecodeFailure extends Error {
  constructor(
    readonly offset: number,
    readonly chunk: Uint8Array,
  ) {
    super('decode failure');
  }
}

/** Bytes read so far (for progress and the row-count estimate). */
export interface ReadCounter {
  bytesRead: number;
}

/** Encodings and delimiters the byte scanner reads correctly (byteScanner.ts). */
export function bytePathFits(dialect: Dialect): boolean {
  const asciiDelimiter = dialect.delimiter === null || dialect.delimiter.charCodeAt(0) < 0x80;
  return asciiDelimiter && (dialect.encoding === 'utf-8' || dialect.encoding === 'windows-1252');
}

export async function readBytes(
  sniffed: Sniffed,
  dialect: Dialect,
  builder: TableBuilder,
  ctx: ImportContext,
  counter: ReadCounter,
  chunkBytes = READ_BYTES,
): Promise<void> {
  const utf8 = dialect.encoding === 'utf-8';
  const legacy = utf8 ? null : new TextDecoder('windows-1252');
  const scanner = new ByteScanner(
    builder,
    dialect.delimiter ? dialect.delimiter.charCodeAt(0) : -1,
    dialect.decimal.charCodeAt(0),
    utf8 ? utf8Text : (b, s, e) => legacy!.decode(b.subarray(s, e)),
  );
  const totalBytes = sniffed.size;
  const handle = await open(sniffed.path, 'r');
  // One spare byte past the data for the scanner's sentinel (ByteScanner.push).
  let buf = Buffer.allocUnsafe(Math.max(16, chunkBytes) + 1);
  let filled = 0;
  let validUpTo = 0;
  let begin = 0;
  let first = true;
  try {
    for (;;) {
      if (ctx.signal.aborted) throw cancelledError();
      if (filled === buf.length - 1) {
        // buf[begin, filled) is one incomplete record. Past the limit it is refused (a 100 MB line,
        // or NULs to the end of a sparse file, must not grow the buffer until memory runs out).
        if (filled - begin >= IMPORT_LIMITS.recordBytes) {
          const row = builder.header === null ? 0 : builder.rows + 1;
          const start = counter.bytesRead - filled + begin;
          const delimiter = dialect.delimiter ? dialect.delimiter.charCodeAt(0) : -1;
          throw await overlongRecord(sniffed.path, start, buf.subarray(begin, filled), row, delimiter);
        }
        // One record longer than the buffer: double it.
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
      const room = buf.length - 1 - filled;
      const { bytesRead } = await handle.read(buf, filled, room, counter.bytesRead);
      const final = bytesRead === 0;
      // A NUL byte is never text in these encodings: refused where it is, not imported as a cell.
      const nul = bytesRead > 0 ? buf.indexOf(0, filled) : -1;
      if (nul >= 0 && nul < filled + bytesRead) {
        const at = counter.bytesRead + nul - filled;
        throw rejectBinaryAt(at, await lineAt(sniffed.path, at));
      }
      counter.bytesRead += bytesRead;
      filled += bytesRead;
      if (first) {
        // TextDecoder drops a UTF-8 BOM at the start of the stream; so do we.
        first = false;
        if (utf8 && filled >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) begin = 3;
        validUpTo = begin;
      }
      if (utf8) {
        // Valid UTF-8 splits only before an ASCII byte, so validate up to the last one (all at the end).
        let k = filled;
        if (!final) while (k > validUpTo && buf[k - 1] >= 0x80) k--;
        if (k > validUpTo && !isUtf8(buf.subarray(validUpTo, k))) {
          const at = counter.bytesRead - filled + validUpTo;
          throw new DecodeFailure(at, new Uint8Array(buf.subarray(validUpTo, k)));
        }
        validUpTo = k;
      }
      let consumed: number;
      try {
        consumed = scanner.push(buf, begin, filled, final);
      } catch (err) {
        if (!(err instanceof QuoteError)) throw err;
        throw await quoteAtBytes(sniffed.path, err, counter.bytesRead - filled, err.row);
      }
      builder.accumulate();
      ctx.progress({ bytesRead: counter.bytesRead, totalBytes, rows: builder.rows });
      if (final) return;
      buf.copyWithin(0, consumed, filled);
      filled -= consumed;
      validUpTo = Math.max(0, validUpTo - consumed);
      begin = 0;
    }
  } finally {
    await handle.close();
  }
}

export async function readChars(
  sniffed: Sniffed,
  dialect: Dialect,
  builder: TableBuilder,
  ctx: ImportContext,
  counter: ReadCounter,
): Promise<void> {
  const totalBytes = sniffed.size;
  const scanner = new DelimitedScanner(
    dialect.delimiter ? dialect.delimiter.charCodeAt(0) : -1,
    tableSink(builder),
    dialect.decimal.charCodeAt(0),
    true,
  );
  /** Characters decoded before the current text (where a QuoteError's positions start). */
  let decoded = 0;
  const push = async (text: string, final: boolean): Promise<void> => {
    const nul = text.indexOf('\0');
    if (nul >= 0) {
      const line = await lineAtChar(sniffed.path, dialect.encoding, decoded + nul);
      // UTF-16: two bytes a code unit, after a two-byte BOM.
      const utf16 = dialect.encoding.startsWith('utf-16');
      throw rejectNulByte(line, utf16 ? (dialect.bom ? 2 : 0) + 2 * (decoded + nul) : null);
    }
    const base = decoded - scanner.pendingLength;
    decoded += text.length;
    try {
      scanner.push(text, final);
    } catch (err) {
      if (!(err instanceof QuoteError)) throw err;
      // Records before the failing one were all handed to the builder.
      const row = builder.header === null ? 0 : builder.rows + 1;
      throw await quoteAtChars(sniffed.path, dialect.encoding, err, base, row);
    }
  };
  const decoder = makeDecoder(dialect.encoding, true);
  const stream = createReadStream(sniffed.path, { highWaterMark: STREAM_CHUNK_BYTES });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (ctx.signal.aborted) throw cancelledError();
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw new DecodeFailure(counter.bytesRead, new Uint8Array(chunk));
      }
      counter.bytesRead += chunk.length;
      await push(text, false);
      // Decoded text has no byte offsets to count lines by: the record is named by its row.
      if (scanner.pendingLength > IMPORT_LIMITS.recordBytes)
        throw rejectRecordTooLong(builder.header === null ? 0 : builder.rows + 1, null);
      builder.accumulate();
      ctx.progress({ bytesRead: counter.bytesRead, totalBytes, rows: builder.rows });
    }
    let tail: string;
    try {
      tail = decoder.decode();
    } catch {
      const sample = sniffed.sample;
      throw new DecodeFailure(counter.bytesRead, sample.subarray(Math.max(0, sample.length - 4096)));
    }
    await push(tail, true);
  } finally {
    stream.destroy();
  }
}
