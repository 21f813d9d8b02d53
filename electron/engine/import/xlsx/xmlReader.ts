/**
 * A small, strict, streaming XML reader for workbook parts: start and end tags with attributes,
 * text, CDATA, comments and processing instructions, fed as decoded text chunk by chunk. It is not a
 * general XML parser, on purpose:
 *
 * - A DOCTYPE is refused (xlsx_dtd). Without one no entity can be declared, so entity expansion
 *   ("billion laughs") and external entities cannot happen; a reference to any entity other than
 *   XML's five (`&lt;` `&gt;` `&amp;` `&quot;` `&apos;`) or a character reference is malformed
 *   (xlsx_invalid), as XML 1.0 §4.1 says of an undeclared entity in a document without a DTD.
 * - Tags must nest and match; a part must end with every element closed.
 * - Every unbounded thing is bounded (xlsxLimits.ts): one tag's length, the nesting depth, and text
 *   is handed to the caller in pieces (it bounds a cell), never accumulated here. Comments and CDATA
 *   sections are scanned in a state of their own, so a long one costs linear time.
 *
 * Names are reported without their namespace prefix (`x:c` → `c`): OOXML parts may be written with
 * a prefix on the SpreadsheetML namespace. Attribute names keep theirs (`r:id`); `attr` matches on
 * the local name. Namespaces are not otherwise resolved.
 */
import { rejectXlsxDtd, rejectXlsxInvalid, rejectXlsxTooLarge, type XlsxLimits } from './xlsxLimits';

export interface XmlHandler {
  open(name: string, attrs: XmlAttributes, selfClosing: boolean): void;
  close(name: string): void;
  /** Text while `reader.capture` is true, entities decoded; one run may arrive in several pieces. */
  text(piece: string): void;
}

/** The attributes of the start tag being reported (reused: read them inside `open`). */
export class XmlAttributes {
  names: string[] = [];
  values: string[] = [];
  count = 0;

  /** The value of the attribute whose name, or local name after a prefix, is `name`. */
  get(name: string): string | undefined {
    for (let i = 0; i < this.count; i++) if (this.names[i] === name) return this.values[i];
    for (let i = 0; i < this.count; i++) {
      const n = this.names[i];
      const colon = n.indexOf(':');
      if (colon >= 0 && n.slice(colon + 1) === name && n.slice(0, colon) !== 'xmlns') return this.values[i];
    }
    return undefined;
  }
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUESTION = 63;
const BANG = 33;
const EQ = 61;
const QUOT = 34;
const APOS = 39;

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Returned by a construct cut by the end of the text seen so far (read again with more text). */
const INCOMPLETE = -1;

export class XmlReader {
  /** Deliver text to the handler (set by the handler, e.g. inside `<v>`). */
  capture = false;
  private rest = '';
  /** Open elements: qualified names as written (to match end tags) and local names (reported). */
  private readonly stack: string[] = [];
  private readonly locals: string[] = [];
  private readonly attrs = new XmlAttributes();
  private mode: 'markup' | 'comment' | 'cdata' = 'markup';
  private sawRoot = false;

  constructor(
    /** The part's name, for messages. */
    private readonly part: string,
    private readonly handler: XmlHandler,
    private readonly limits: XlsxLimits,
  ) {}

  /** Reads `chunk` after what came before. */
  push(chunk: string): void {
    const buf = this.rest.length > 0 ? this.rest + chunk : chunk;
    const consumed = this.scan(buf, false);
    this.rest = consumed < buf.length ? buf.slice(consumed) : '';
    if (this.rest.length > this.limits.tagChars) {
      throw rejectXlsxTooLarge('tag', this.part, this.limits);
    }
  }

  /** The part has ended: everything must be complete and closed. */
  end(): void {
    const consumed = this.scan(this.rest, true);
    if (consumed < this.rest.length || this.mode !== 'markup')
      throw this.invalid('it ends in the middle of an XML construct');
    if (this.stack.length > 0)
      throw this.invalid(`it ends before its <${this.stack[this.stack.length - 1]}> is closed`);
    if (!this.sawRoot) throw this.invalid('it holds no XML element');
  }

  private invalid(what: string): Error {
    return rejectXlsxInvalid(`its part ${this.part} is not well-formed XML: ${what}`, { part: this.part });
  }

  /** Scans `buf`, returns how much was consumed (the rest is an incomplete construct). */
  private scan(buf: string, final: boolean): number {
    const len = buf.length;
    let pos = 0;
    while (pos < len) {
      if (this.mode === 'comment') {
        const end = buf.indexOf('-->', pos);
        if (end < 0) return Math.max(pos, len - 2);
        pos = end + 3;
        this.mode = 'markup';
        continue;
      }
      if (this.mode === 'cdata') {
        const end = buf.indexOf(']]>', pos);
        const stop = end < 0 ? Math.max(pos, len - 2) : end;
        if (this.capture && stop > pos) this.handler.text(buf.slice(pos, stop));
        if (end < 0) return stop;
        pos = end + 3;
        this.mode = 'markup';
        continue;
      }
      if (buf.charCodeAt(pos) !== LT) {
        let next = buf.indexOf('<', pos);
        if (next < 0) next = len;
        if (this.capture) {
          // Keep a reference cut by the chunk end for the next push.
          let stop = next;
          if (next === len && !final) {
            const amp = buf.lastIndexOf('&', len - 1);
            if (amp >= pos && buf.indexOf(';', amp) < 0) stop = amp;
          }
          if (stop > pos) this.handler.text(this.decode(buf, pos, stop));
          if (stop < next) return stop;
        }
        pos = next;
        continue;
      }
      const after = this.markup(buf, pos, final);
      if (after === INCOMPLETE) {
        if (final) throw this.invalid('it ends inside a tag');
        return pos;
      }
      pos = after;
    }
    return len;
  }

  /** One construct starting with `<` at `pos`; returns the position after it, or INCOMPLETE. */
  private markup(buf: string, pos: number, final: boolean): number {
    const len = buf.length;
    if (pos + 1 >= len) return INCOMPLETE;
    const c = buf.charCodeAt(pos + 1);
    if (c === SLASH) {
      // The usual case, `</name>` exactly as opened, without slicing the name out.
      const open = this.stack.length > 0 ? this.stack[this.stack.length - 1] : '';
      const end = pos + 2 + open.length;
      let gt = end < len && buf.charCodeAt(end) === GT && buf.startsWith(open, pos + 2) ? end : -1;
      if (gt < 0) {
        gt = buf.indexOf('>', pos + 2);
        if (gt < 0) return INCOMPLETE;
        const name = buf.slice(pos + 2, gt).trim();
        if (name !== open || open === '')
          throw this.invalid(open ? `</${name}> closes <${open}>` : `</${name}> closes nothing`);
      }
      this.stack.pop();
      this.handler.close(this.locals.pop()!);
      return gt + 1;
    }
    if (c === QUESTION) {
      const end = buf.indexOf('?>', pos + 2);
      return end < 0 ? INCOMPLETE : end + 2;
    }
    if (c === BANG) {
      if (len - pos < 9 && !final) return INCOMPLETE;
      if (buf.startsWith('<!--', pos)) {
        this.mode = 'comment';
        return pos + 4;
      }
      if (buf.startsWith('<![CDATA[', pos)) {
        this.mode = 'cdata';
        return pos + 9;
      }
      if (buf.startsWith('<!DOCTYPE', pos) || buf.startsWith('<!ENTITY', pos)) throw rejectXlsxDtd(this.part);
      throw this.invalid(`it holds a declaration "${buf.slice(pos, pos + 12)}…"`);
    }
    return this.startTag(buf, pos);
  }

  private startTag(buf: string, pos: number): number {
    const len = buf.length;
    let p = pos + 1;
    let c = 0;
    while (p < len && !isSpace((c = buf.charCodeAt(p))) && c !== GT && c !== SLASH) p++;
    if (p >= len) return INCOMPLETE;
    if (p === pos + 1) throw this.invalid('a tag has no name');
    const qualified = buf.slice(pos + 1, p);
    const name = localName(qualified);
    const attrs = this.attrs;
    let count = 0;
    for (;;) {
      while (p < len && isSpace((c = buf.charCodeAt(p)))) p++;
      if (p >= len) return INCOMPLETE;
      if (c === GT || c === SLASH) break;
      const nameStart = p;
      while (p < len && (c = buf.charCodeAt(p)) !== EQ && !isSpace(c) && c !== GT && c !== SLASH) p++;
      const attrName = buf.slice(nameStart, p);
      while (p < len && isSpace((c = buf.charCodeAt(p)))) p++;
      if (p >= len) return INCOMPLETE;
      if (c !== EQ) throw this.invalid(`the attribute ${attrName} of <${name}> has no value`);
      p++;
      while (p < len && isSpace((c = buf.charCodeAt(p)))) p++;
      if (p >= len) return INCOMPLETE;
      if (c !== QUOT && c !== APOS)
        throw this.invalid(`the attribute ${attrName} of <${name}> is not quoted`);
      const close = buf.indexOf(c === QUOT ? '"' : "'", p + 1);
      if (close < 0) return INCOMPLETE;
      const raw = buf.slice(p + 1, close);
      if (raw.indexOf('<') >= 0) throw this.invalid(`the attribute ${attrName} of <${name}> holds "<"`);
      attrs.names[count] = attrName;
      attrs.values[count] = raw.indexOf('&') >= 0 ? this.decode(raw, 0, raw.length) : raw;
      count++;
      p = close + 1;
    }
    let selfClosing = false;
    if (c === SLASH) {
      if (p + 1 >= len) return INCOMPLETE;
      if (buf.charCodeAt(p + 1) !== GT) throw this.invalid(`<${name}> has "/" inside its tag`);
      selfClosing = true;
      p++;
    }
    attrs.count = count;
    if (this.stack.length === 0 && this.sawRoot) throw this.invalid('it has more than one root element');
    this.sawRoot = true;
    if (!selfClosing) {
      if (this.stack.length >= this.limits.depth) throw rejectXlsxTooLarge('depth', this.part, this.limits);
      this.stack.push(qualified);
      this.locals.push(name);
    }
    this.handler.open(name, attrs, selfClosing);
    if (selfClosing) this.handler.close(name);
    return p + 1;
  }

  /** `s[start, end)` with references replaced; an unknown entity or a stray `&` is malformed. */
  private decode(s: string, start: number, end: number): string {
    // Slice first: searching the whole chunk for a `&` that is not there costs a chunk per text.
    const text = start === 0 && end === s.length ? s : s.slice(start, end);
    let amp = text.indexOf('&');
    if (amp < 0) return text;
    let out = '';
    let from = 0;
    while (amp >= 0) {
      const semi = text.indexOf(';', amp);
      if (semi < 0 || semi - amp > 12) throw this.invalid('it has an "&" that starts no reference');
      out += text.slice(from, amp) + this.reference(text.slice(amp + 1, semi));
      from = semi + 1;
      amp = text.indexOf('&', from);
    }
    return out + text.slice(from);
  }

  private reference(ref: string): string {
    if (ref.charCodeAt(0) === 35) {
      const hex = ref[1] === 'x';
      const digits = ref.slice(hex ? 2 : 1);
      const code =
        /^[0-9a-fA-F]+$/.test(digits) && (hex || /^\d+$/.test(digits)) ? parseInt(digits, hex ? 16 : 10) : -1;
      // XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
      const allowed =
        code === 9 ||
        code === 10 ||
        code === 13 ||
        (code >= 0x20 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        (code >= 0x10000 && code <= 0x10ffff);
      if (!allowed) throw this.invalid(`&${ref}; is not a character XML allows`);
      return String.fromCodePoint(code);
    }
    const named = ENTITIES[ref];
    if (named === undefined)
      throw this.invalid(`it uses the entity &${ref};, which only a DTD could define (and DTDs are refused)`);
    return named;
  }
}

export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Reads a whole small part (already decoded) through `handler`. */
export function readXml(part: string, text: string, handler: XmlHandler, limits: XlsxLimits): XmlReader {
  const reader = new XmlReader(part, handler, limits);
  reader.push(text);
  reader.end();
  return reader;
}
