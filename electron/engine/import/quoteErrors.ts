/**
 * Where a quote problem is, in the user's terms: the 1-based line of the opening quote (and of the
 * closing one), counted only on this error path by reading the file again — counting lines while
 * importing would cost every file a per-line scan for the sake of a message.
 */
import { createReadStream } from 'node:fs';
import type { EngineError } from '../../../shared/errors';
import type { QuoteError } from './csvScanner';
import { makeDecoder } from './delimitedDialect';
import { lineAt } from './overlongRecord';
import { rejectQuote } from './rejections';

const LF = 10;
const CR = 13;

/** Line breaks (LF, CRLF, lone CR) in `text[0, end)`, plus one. */
export function lineInText(text: string, end: number): number {
  let breaks = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) {
      if (i === 0 || text.charCodeAt(i - 1) !== CR) breaks++;
    } else if (c === CR) breaks++;
  }
  return breaks + 1;
}

/** 1-based line of the character at `offset` of the file decoded with `encoding`. */
export async function lineAtChar(file: string, encoding: string, offset: number): Promise<number> {
  const decoder = makeDecoder(encoding, false);
  let breaks = 0;
  let seen = 0;
  let afterCr = false;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const text = decoder.decode(chunk, { stream: true });
    const end = Math.min(text.length, offset - seen);
    for (let i = 0; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === LF) {
        if (!afterCr) breaks++;
        afterCr = false;
      } else if (c === CR) {
        breaks++;
        afterCr = true;
      } else afterCr = false;
    }
    seen += text.length;
    if (seen >= offset) break;
  }
  return breaks + 1;
}

/** A QuoteError from the byte scanner: `base` is the file offset of the scanned buffer's byte 0. */
export async function quoteAtBytes(
  file: string,
  err: QuoteError,
  base: number,
  row: number,
): Promise<EngineError> {
  const line = await lineAt(file, base + err.at);
  const closeLine = err.closeAt < 0 ? null : await lineAt(file, base + err.closeAt);
  return rejectQuote(line, row, closeLine);
}

/** A QuoteError from the text scanner: `base` is the character offset of the scanned text's start. */
export async function quoteAtChars(
  file: string,
  encoding: string,
  err: QuoteError,
  base: number,
  row: number,
): Promise<EngineError> {
  const line = await lineAtChar(file, encoding, base + err.at);
  const closeLine = err.closeAt < 0 ? null : await lineAtChar(file, encoding, base + err.closeAt);
  return rejectQuote(line, row, closeLine);
}
