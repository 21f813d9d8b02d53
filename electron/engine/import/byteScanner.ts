/**
 * The import's fast path: the RFC 4180 scanner of csvScanner.ts run over the file's raw BYTES,
 * writing cells straight into the TableBuilder's columns. Used for encodings in which every
 * structural character (delimiter, `"`, CR, LF) and every character of a number is one byte < 0x80
 * that never occurs inside a multi-byte character: UTF-8 (continuation bytes are ≥ 0x80) and
 * Windows-1252 (one byte per character). GBK/GB18030 is not among them: its trail bytes include
 * 0x40-0x7E (`|` 0x7C) and 0x30-0x39, so it keeps the decode-then-scan path.
 *
 * Why: decoding the text first and scanning UTF-16 characters ran at ~25 MB/s here; a byte loop
 * skips the decode and the string. A plain number (`-?\d+(sep\d+)?`, ≤ 15 digits, no leading zero,
 * not -0) is parsed from its bytes into `values[row]` with its format code, the common case, with
 * no string and no call (Clinger's fast path: m / 10^k with m < 2^53 and k ≤ 15, both exact
 * doubles, so one correctly rounded division). Every other cell is decoded on its own — ASCII
 * bytes as latin1 (identical for both encodings), anything else by `decode` — and typed by
 * ColumnBuilder.setCell exactly as the text path types it.
 *
 * Quoting, line endings and blank lines follow DelimitedScanner (Python csv's reading), strictly: an
 * unterminated or irregular multi-line quoted field throws QuoteError (csvScanner.ts). `push` only
 * consumes complete records: it returns where the first incomplete one starts, and the caller
 * passes those bytes again with more after them. Text cells of a record are applied when the record
 * is complete (numbers are simply rewritten), so a record cut by the chunk end is never counted twice.
 */
import type { TableBuilder } from '../../../shared/data/tableBuilder';
import {
  FIELD_ESCAPED,
  FIELD_IRREGULAR,
  FIELD_PLAIN,
  QuoteError,
  fieldText,
  hasLineBreak,
} from './csvScanner';

const LF = 10;
const CR = 13;
const QUOTE = 34;
const MINUS = 45;
const ZERO = 48;

/** 10^k for k ≤ 15, exact doubles. */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Decodes bytes that are not all ASCII (UTF-8 already validated, or Windows-1252). */
export type DecodeBytes = (buf: Buffer, start: number, end: number) => string;

/**
 * Buffer's own latin1Slice / utf8Slice: what `toString(encoding, start, end)` calls after checking
 * its arguments. Text-heavy files call them per cell, and the checks measured as much as the copy;
 * `toString` stays the fallback should a runtime not have them.
 */
interface SliceMethods {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}
const methods = Buffer.prototype as Partial<SliceMethods>;
const direct = typeof methods.latin1Slice === 'function' && typeof methods.utf8Slice === 'function';

export const latin1Text = direct
  ? (buf: Buffer, start: number, end: number): string =>
      (buf as unknown as SliceMethods).latin1Slice(start, end)
  : (buf: Buffer, start: number, end: number): string => buf.toString('latin1', start, end);

export const utf8Text = direct
  ? (buf: Buffer, start: number, end: number): string =>
      (buf as unknown as SliceMethods).utf8Slice(start, end)
  : (buf: Buffer, start: number, end: number): string => buf.toString('utf8', start, end);

export class ByteScanner {
  /** Text cells of the record being scanned: field index and text. */
  private pendingFields: number[] = [];
  private pendingTexts: string[] = [];
  private pending = 0;

  /**
   * @param delimiter the delimiter's byte (< 0x80), or -1 for a single-column file.
   * @param decimalSep the decimal separator's byte ('.' or ',').
   */
  constructor(
    private readonly builder: TableBuilder,
    private readonly delimiter: number,
    private readonly decimalSep: number,
    private readonly decode: DecodeBytes,
  ) {}

  /**
   * Scans `buf[begin, end)`; `final` = no bytes follow. Returns the offset of the first byte not
   * consumed (the start of an incomplete record, or `end`). `buf[end]`, if it exists, is used as a
   * sentinel during the call and restored (readBytes leaves one spare byte for it).
   */
  push(buf: Buffer, begin: number, end: number, final: boolean): number {
    if (end >= buf.length) {
      const roomy = Buffer.allocUnsafe(end - begin + 1);
      buf.copy(roomy, 0, begin, end);
      try {
        return begin + this.scan(roomy, 0, end - begin, final);
      } catch (err) {
        throw err instanceof QuoteError ? err.shifted(begin) : err;
      }
    }
    return this.scan(buf, begin, end, final);
  }

  /**
   * The scan proper. A LF written at `buf[end]` stops every byte loop, so they test no bounds; a
   * field that stopped at `end` is then told apart by its position.
   */
  private scan(buf: Buffer, begin: number, end: number, final: boolean): number {
    const saved = buf[end];
    buf[end] = LF;
    try {
      return this.scanRecords(buf, begin, end, final);
    } finally {
      buf[end] = saved;
    }
  }

  private scanRecords(buf: Buffer, begin: number, end: number, final: boolean): number {
    const builder = this.builder;
    const delim = this.delimiter;
    const sep = this.decimalSep;
    let row = builder.rows;
    let width = builder.width;
    let values = builder.columns.map((c) => c.values);
    let formats = builder.columns.map((c) => c.formats);
    let capacity = width > 0 ? builder.columns[0].capacity : 0;
    let pos = begin;
    let consumed = begin;
    // `consumed` moves past each complete record or empty line; a `break records` leaves it at the
    // start of the incomplete record.
    records: while (pos < end) {
      let c = buf[pos];
      // An empty line is not a record.
      if (c === LF) {
        consumed = ++pos;
        continue;
      }
      if (c === CR) {
        if (pos + 1 < end) pos += buf[pos + 1] === LF ? 2 : 1;
        else if (final) pos++;
        else break records;
        consumed = pos;
        continue;
      }
      const header = builder.header === null;
      if (!header && row >= capacity) {
        capacity = builder.reserveRow(row);
        values = builder.columns.map((col) => col.values);
        formats = builder.columns.map((col) => col.formats);
      }
      this.pending = 0;
      let n = 0;
      for (;;) {
        const typed = header || n < width;
        let fieldEnd: number;
        c = buf[pos];
        if (c === QUOTE && pos < end) {
          // Quoted field: as DelimitedScanner, with Buffer.indexOf (memchr) for the closing quote.
          let q = pos + 1;
          let flag = FIELD_PLAIN;
          let close: number;
          for (;;) {
            const i = buf.indexOf(QUOTE, q);
            const at = i < 0 || i >= end ? -1 : i;
            if (at < 0 || at + 1 === end) {
              if (!final) break records;
              if (at < 0) throw new QuoteError('unterminated', pos, -1, header ? 0 : row + 1);
              close = at;
              break;
            }
            if (buf[at + 1] === QUOTE) {
              flag = FIELD_ESCAPED;
              q = at + 2;
              continue;
            }
            close = at;
            break;
          }
          let p = Math.min(close + 1, end);
          c = buf[p];
          if (p === end || c === delim || c === LF || c === CR) {
            if (typed) this.pendText(n, buf, pos + 1, close, flag);
          } else {
            if (hasLineBreak(buf, pos + 1, close))
              throw new QuoteError('irregular', pos, close, header ? 0 : row + 1);
            while ((c = buf[p]) !== delim && c !== LF && c !== CR) p++;
            if (p === end && !final) break records;
            if (typed) this.pendText(n, buf, pos, p, FIELD_IRREGULAR);
          }
          fieldEnd = p;
        } else {
          let p = pos;
          let parsed = false;
          if (!header && n < width) {
            // Fused number fast path (see the file comment).
            const negative = c === MINUS;
            if (negative) c = buf[++p];
            const intStart = p;
            let m = 0;
            let d = c - ZERO;
            while (d >= 0 && d <= 9) {
              m = m * 10 + d;
              d = buf[++p] - ZERO;
            }
            const intDigits = p - intStart;
            let frac = 0;
            c = d + ZERO;
            if (c === sep && intDigits > 0) {
              const fracStart = ++p;
              d = buf[p] - ZERO;
              while (d >= 0 && d <= 9) {
                m = m * 10 + d;
                d = buf[++p] - ZERO;
              }
              frac = p - fracStart;
              c = frac > 0 ? d + ZERO : -1;
            }
            if (
              (c === delim || c === LF || c === CR) &&
              (p < end || final) &&
              intDigits > 0 &&
              intDigits + frac <= 15 &&
              !(intDigits > 1 && buf[intStart] === ZERO) &&
              !(m === 0 && negative)
            ) {
              const v = m / POW10[frac];
              values[n][row] = negative ? -v : v;
              formats[n][row] = frac;
              parsed = true;
            }
          }
          if (!parsed) {
            // Find the field's end from where the number scan stopped; `high` tells ASCII cells.
            let high = 0;
            for (let k = pos; k < p; k++) high |= buf[k];
            while ((c = buf[p]) !== delim && c !== LF && c !== CR) {
              high |= c;
              p++;
            }
            if (p > end) p = end;
            if (typed) this.pendPlain(n, buf, pos, p, high);
          }
          if (p === end && !final) break records;
          fieldEnd = p;
        }
        n++;
        if (fieldEnd === end) {
          pos = end;
          break;
        }
        c = buf[fieldEnd];
        if (c === delim) {
          pos = fieldEnd + 1;
          if (pos === end && !final) break records;
          continue;
        }
        if (c === LF) {
          pos = fieldEnd + 1;
          break;
        }
        // CR: a lone CR or the first half of CRLF; at the end of the bytes we cannot tell yet.
        if (fieldEnd + 1 < end) pos = fieldEnd + (buf[fieldEnd + 1] === LF ? 2 : 1);
        else if (final) pos = fieldEnd + 1;
        else break records;
        break;
      }
      consumed = pos;
      if (header) {
        builder.setHeader(this.pendingTexts.slice(0, this.pending));
        width = builder.width;
        values = builder.columns.map((col) => col.values);
        formats = builder.columns.map((col) => col.formats);
        capacity = width > 0 ? builder.columns[0].capacity : 0;
        continue;
      }
      const cols = builder.columns;
      for (let k = 0; k < this.pending; k++) {
        const text = this.pendingTexts[k];
        cols[this.pendingFields[k]].setCell(row, text, 0, text.length);
      }
      if (n !== width) builder.padRecord(row, n);
      row++;
    }
    this.pending = 0;
    builder.setRows(row);
    return consumed;
  }

  /** An unquoted field's text: ASCII bytes (`high` < 0x80) read as latin1, else decoded. */
  private pendPlain(field: number, buf: Buffer, start: number, end: number, high: number): void {
    const text =
      start === end ? '' : high < 0x80 ? latin1Text(buf, start, end) : this.decode(buf, start, end);
    this.pendingFields[this.pending] = field;
    this.pendingTexts[this.pending++] = text;
  }

  private pendText(field: number, buf: Buffer, start: number, end: number, flag: number): void {
    let high = 0;
    for (let k = start; k < end; k++) high |= buf[k];
    const raw = high < 0x80 ? latin1Text(buf, start, end) : this.decode(buf, start, end);
    const text = flag === FIELD_PLAIN ? raw : fieldText(raw, 0, raw.length, flag);
    this.pendingFields[this.pending] = field;
    this.pendingTexts[this.pending++] = text;
  }
}
