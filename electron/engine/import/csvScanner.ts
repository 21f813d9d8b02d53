/**
 * A streaming RFC 4180 record scanner over decoded text: fields split on the delimiter outside
 * quotes, `"` quoting with `""` for a quote, line breaks inside quotes kept, records ended by LF,
 * CRLF or a lone CR, empty lines skipped (fixture README, "Rows and records").
 *
 * Why not PapaParse: its chunked parser allocates a string per field and an array per row, and
 * typing the strings afterwards ran at ~25-40 MB/s here (scripts/bench-import.mjs), below the import's
 * 60 MB/s target. This scanner hands out field *ranges* of the chunk string, so a numeric cell is typed from
 * its characters without ever becoming a string (ColumnBuilder.add). Quoting follows Python's `csv`
 * reader (the fixtures' oracle), including its lenient cases: text after a closing quote is kept
 * literally, a quote inside an unquoted field is a plain character. Two cases would silently merge
 * many lines into one cell, and a strict scanner (the import's, the preview's) refuses them with a
 * QuoteError instead: a quote that opens a field and is never closed (Python runs it to the end of
 * the file), and a quoted field spanning lines whose closing quote is followed by more text (a stray
 * quote "closed" by another stray quote lines later). Detection stays lenient: it only counts fields.
 *
 * UTF-8 and Windows-1252 files are read by ByteScanner (byteScanner.ts), the same rules over raw
 * bytes; this scanner serves the other encodings (GBK, UTF-16), previews and detection.
 */

/** How a field's range is to be read. */
export const FIELD_PLAIN = 0;
/** Quoted content containing `""` pairs: unescape. */
export const FIELD_ESCAPED = 1;
/** Raw text from an opening quote with characters after the closing quote: see fieldText. */
export const FIELD_IRREGULAR = 2;

export interface RecordSink {
  /**
   * One complete record of `n` fields: field i is `buf[starts[i], ends[i])`, read per `flags[i]`.
   * When the scanner was given a decimal separator, `formats[i] >= 0` says the field was a plain
   * number (`-?\d+(sep\d+)?`, ≤ 15 digits, no leading zero) already parsed into `values[i]` with that
   * format code (numberGrammar.ts); -1 = not pre-parsed. Return false to stop scanning.
   */
  record(
    buf: string,
    starts: Int32Array,
    ends: Int32Array,
    flags: Uint8Array,
    n: number,
    values: Float64Array,
    formats: Int8Array,
  ): boolean;
}

/**
 * A quote the strict scanners refuse (see the file comment). `at`: index of the opening quote in
 * the text (or bytes) scanned; `closeAt`: of the closing quote of an irregular field, else -1;
 * `row`: the record's row (0 = header) when the scanner knows it, else -1.
 */
export class QuoteError extends Error {
  constructor(
    readonly kind: 'unterminated' | 'irregular',
    readonly at: number,
    readonly closeAt: number,
    readonly row = -1,
  ) {
    super(`${kind} quote`);
  }

  /** The same error with its positions moved by `offset` (a scan of a copy). */
  shifted(offset: number): QuoteError {
    return new QuoteError(
      this.kind,
      this.at + offset,
      this.closeAt < 0 ? -1 : this.closeAt + offset,
      this.row,
    );
  }
}

/** Whether `buf[from, to)` holds a line break (a string, or bytes). */
export function hasLineBreak(buf: string | Uint8Array, from: number, to: number): boolean {
  if (typeof buf === 'string') {
    for (let i = from; i < to; i++) {
      const c = buf.charCodeAt(i);
      if (c === 10 || c === 13) return true;
    }
    return false;
  }
  for (let i = from; i < to; i++) if (buf[i] === 10 || buf[i] === 13) return true;
  return false;
}

/** 10^k for k ≤ 15: exact doubles, so m / 10^k is correctly rounded for m < 2^53 (Clinger). */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

const LF = 10;
const CR = 13;
const QUOTE = 34;

export class DelimitedScanner {
  private rest = '';
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private flags = new Uint8Array(64);
  private values = new Float64Array(64);
  private formats = new Int8Array(64);
  stopped = false;

  /**
   * @param delimiter the delimiter's char code, or -1 for a single-column file.
   * @param decimalSep char code of the decimal separator to pre-parse plain numbers with while
   *   scanning (one pass over the characters instead of two), or -1 not to.
   * @param strictQuotes throw QuoteError on an unterminated or irregular multi-line quoted field.
   */
  constructor(
    private readonly delimiter: number,
    private readonly sink: RecordSink,
    private readonly decimalSep = -1,
    private readonly strictQuotes = false,
  ) {
    this.formats.fill(-1);
  }

  /** Characters of the incomplete record carried over to the next push (its length so far). */
  get pendingLength(): number {
    return this.rest.length;
  }

  /** Scans `chunk` (following what came before); `final` = no more text will come. */
  push(chunk: string, final: boolean): void {
    if (this.stopped) return;
    const buf = this.rest.length > 0 ? this.rest + chunk : chunk;
    const len = buf.length;
    const delim = this.delimiter;
    let pos = 0;
    let recordStart = 0;
    let incomplete = false;
    records: while (pos < len) {
      recordStart = pos;
      let c = buf.charCodeAt(pos);
      // An empty line is not a record.
      if (c === LF) {
        pos++;
        continue;
      }
      if (c === CR) {
        if (pos + 1 < len) pos += buf.charCodeAt(pos + 1) === LF ? 2 : 1;
        else if (final) pos++;
        else {
          incomplete = true;
          break;
        }
        continue;
      }
      let n = 0;
      for (;;) {
        if (n === this.starts.length) this.growFields();
        this.formats[n] = -1;
        let fieldEnd: number;
        let p: number;
        if (pos < len && buf.charCodeAt(pos) === QUOTE) {
          let q = pos + 1;
          let escaped = false;
          let close: number;
          for (;;) {
            const i = buf.indexOf('"', q);
            if (i < 0 || i + 1 === len) {
              if (!final) {
                incomplete = true;
                break records;
              }
              close = i < 0 ? len : i;
              if (i < 0) {
                if (this.strictQuotes) throw new QuoteError('unterminated', pos, -1);
                escaped = true;
              }
              break;
            }
            if (buf.charCodeAt(i + 1) === QUOTE) {
              escaped = true;
              q = i + 2;
              continue;
            }
            close = i;
            break;
          }
          p = Math.min(close + 1, len);
          c = p < len ? buf.charCodeAt(p) : -1;
          if (p === len || c === delim || c === LF || c === CR) {
            this.starts[n] = pos + 1;
            this.ends[n] = close;
            this.flags[n] = escaped ? FIELD_ESCAPED : FIELD_PLAIN;
          } else {
            if (this.strictQuotes && hasLineBreak(buf, pos + 1, close))
              throw new QuoteError('irregular', pos, close);
            while (p < len && (c = buf.charCodeAt(p)) !== delim && c !== LF && c !== CR) p++;
            if (p === len && !final) {
              incomplete = true;
              break records;
            }
            this.starts[n] = pos;
            this.ends[n] = p;
            this.flags[n] = FIELD_IRREGULAR;
          }
          fieldEnd = p;
        } else {
          p = pos;
          if (this.decimalSep >= 0) p = this.plainNumber(buf, pos, len, n);
          while (p < len && (c = buf.charCodeAt(p)) !== delim && c !== LF && c !== CR) p++;
          if (p === len && !final) {
            incomplete = true;
            break records;
          }
          this.starts[n] = pos;
          this.ends[n] = p;
          this.flags[n] = FIELD_PLAIN;
          fieldEnd = p;
        }
        n++;
        if (fieldEnd === len) {
          pos = len;
          break;
        }
        c = buf.charCodeAt(fieldEnd);
        if (c === delim) {
          pos = fieldEnd + 1;
          if (pos === len && !final) {
            incomplete = true;
            break records;
          }
          continue;
        }
        if (c === LF) {
          pos = fieldEnd + 1;
          break;
        }
        // CR: a lone CR or the first half of CRLF; at the end of the chunk we cannot tell yet.
        if (fieldEnd + 1 < len) pos = fieldEnd + (buf.charCodeAt(fieldEnd + 1) === LF ? 2 : 1);
        else if (final) pos = fieldEnd + 1;
        else {
          incomplete = true;
          break records;
        }
        break;
      }
      if (!this.sink.record(buf, this.starts, this.ends, this.flags, n, this.values, this.formats)) {
        this.stopped = true;
        this.rest = '';
        return;
      }
    }
    this.rest = incomplete ? buf.slice(recordStart) : '';
  }

  /**
   * The fused fast path: reads `-?\d+(sep\d+)?` from `pos` and, when it ends at a delimiter or line
   * break and is rebuildable from its value, stores value and format for field n. Returns where the
   * plain field scan continues (the end of what was read; the caller finds the field's end from there).
   */
  private plainNumber(buf: string, pos: number, len: number, n: number): number {
    const delim = this.delimiter;
    const sep = this.decimalSep;
    let p = pos;
    let c = p < len ? buf.charCodeAt(p) : -1;
    const negative = c === 45;
    if (negative) c = ++p < len ? buf.charCodeAt(p) : -1;
    const intStart = p;
    let m = 0;
    while (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      c = ++p < len ? buf.charCodeAt(p) : -1;
    }
    const intDigits = p - intStart;
    let frac = 0;
    if (c === sep && intDigits > 0) {
      const fracStart = ++p;
      c = p < len ? buf.charCodeAt(p) : -1;
      while (c >= 48 && c <= 57) {
        m = m * 10 + (c - 48);
        c = ++p < len ? buf.charCodeAt(p) : -1;
      }
      frac = p - fracStart;
      if (frac === 0) return p;
    }
    if (c !== delim && c !== LF && c !== CR && c !== -1) return p;
    if (intDigits === 0 || intDigits + frac > 15 || (intDigits > 1 && buf.charCodeAt(intStart) === 48))
      return p;
    if (m === 0 && negative) return p;
    const v = m / POW10[frac];
    this.values[n] = negative ? -v : v;
    this.formats[n] = frac;
    return p;
  }

  private growFields(): void {
    const size = this.starts.length * 2;
    const grow = <T extends Int32Array | Uint8Array | Float64Array | Int8Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.starts = grow(this.starts, new Int32Array(size));
    this.ends = grow(this.ends, new Int32Array(size));
    this.flags = grow(this.flags, new Uint8Array(size));
    this.values = grow(this.values, new Float64Array(size));
    this.formats = grow(this.formats, new Int8Array(size).fill(-1));
  }
}

/** The text of one field (after unquoting), whatever its flag. */
export function fieldText(buf: string, start: number, end: number, flag: number): string {
  if (flag === FIELD_PLAIN) return buf.slice(start, end);
  if (flag === FIELD_ESCAPED) return buf.slice(start, end).replaceAll('""', '"');
  // Irregular: `"quoted part"rest` — the quoted part unescaped, then the rest as written.
  let q = start + 1;
  let out = '';
  for (;;) {
    const i = buf.indexOf('"', q);
    if (i < 0 || i >= end) return out + buf.slice(q, end);
    out += buf.slice(q, i);
    if (i + 1 < end && buf.charCodeAt(i + 1) === QUOTE) {
      out += '"';
      q = i + 2;
      continue;
    }
    return out + buf.slice(i + 1, end);
  }
}

/** Every field of a record as strings (for headers and previews). */
export function recordTexts(
  buf: string,
  starts: Int32Array,
  ends: Int32Array,
  flags: Uint8Array,
  n: number,
): string[] {
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = fieldText(buf, starts[i], ends[i], flags[i]);
  return out;
}
