/**
 * What to tell the user when one record outgrows IMPORT_LIMITS.recordBytes (importLimits.ts): a run
 * of NUL bytes is binary data (a sparse or damaged file, a disk image renamed .csv) and is named as
 * such, at its byte offset; anything else is a record too long, at its line. The line is counted
 * only now, on the error path, by reading the bytes before it once: counting lines while importing
 * would cost every file a per-line scan for the sake of a message.
 */
import { open } from 'node:fs/promises';
import { grouped, rejectRecordTooLong } from '../../../shared/data/importLimits';
import { EngineError } from '../../../shared/errors';
import { rejectBinaryAt } from './rejections';

const LF = 10;
const CR = 13;

/** 1-based line of byte `offset`: line breaks (LF, CRLF or a lone CR) before it, plus one. */
export async function lineAt(file: string, offset: number, chunkBytes = 4 << 20): Promise<number> {
  const handle = await open(file, 'r');
  const buf = Buffer.allocUnsafe(chunkBytes);
  let breaks = 0;
  let afterCr = false;
  try {
    for (let at = 0; at < offset;) {
      const { bytesRead } = await handle.read(buf, 0, Math.min(chunkBytes, offset - at), at);
      if (bytesRead === 0) break;
      for (let i = 0; i < bytesRead; i++) {
        const b = buf[i];
        if (b === LF) {
          if (!afterCr) breaks++;
          afterCr = false;
        } else if (b === CR) {
          breaks++;
          afterCr = true;
        } else afterCr = false;
      }
      at += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return breaks + 1;
}

/**
 * @param record the record's bytes so far, starting at file offset `start`.
 * @param row 0 if it is the header, else the 1-based data row it would be.
 * @param delimiter the delimiter's byte (-1: none), to find a quote left open in the record.
 */
export async function overlongRecord(
  file: string,
  start: number,
  record: Uint8Array,
  row: number,
  delimiter = -1,
): Promise<EngineError> {
  const nul = record.indexOf(0);
  if (nul >= 0) return rejectBinaryAt(start + nul, await lineAt(file, start + nul));
  const tooLong = rejectRecordTooLong(row, await lineAt(file, start));
  const quote = openQuoteAt(record, delimiter);
  if (quote < 0) return tooLong;
  // Name the quote that made the record run on: the line where it opened.
  const line = await lineAt(file, start + quote);
  const message = tooLong.message.replace(
    / The file is probably not a table, or a quote .*$/,
    ` The quote (") that opens a field on line ${grouped(line)} is never closed, so every line after it would join this record: close or remove it.`,
  );
  return new EngineError(tooLong.code, message, { ...tooLong.details, quoteLine: line });
}

/**
 * Index in `record` (bytes of one record, from its start) of a quote that opens a field and is
 * still open at its end, or -1: what makes a record grow past the record limit.
 */
export function openQuoteAt(record: Uint8Array, delimiter: number): number {
  let fieldStart = true;
  let open = -1;
  for (let i = 0; i < record.length; i++) {
    const b = record[i];
    if (open >= 0) {
      if (b === 34) {
        if (record[i + 1] === 34) i++;
        else {
          open = -1;
          fieldStart = false;
        }
      }
      continue;
    }
    if (b === 34 && fieldStart) open = i;
    fieldStart = b === delimiter || b === LF || b === CR;
  }
  return open;
}
