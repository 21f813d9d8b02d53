/**
 * A cheap look at a JSON document's bytes before JSON.parse sees them: how many values it holds and
 * how deeply it nests. The main process parses project files itself, and JSON.parse of a hostile
 * 500 MB file of `0,0,0,…` builds a 250-million-element array (measured here: 200 MB of it took 11 s
 * and 2.5 GB), freezing the window and risking the process; 100 000 nested `[` parse fine but make
 * every recursive walk afterwards (JSON.stringify, the schema) overflow the stack. Both are refused
 * from this scan, which allocates nothing and reads each byte once.
 *
 * Values are counted as separators and openings outside strings (`,` `[` `{`), an upper bound on
 * array elements plus object members; strings are skipped with indexOf, so a long embedded base64
 * string costs a memchr, not a loop.
 */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

export interface JsonShapeLimits {
  /** Values (array elements and object members, roughly). */
  values: number;
  /** Nesting of arrays and objects. */
  depth: number;
}

export type JsonShape =
  { ok: true; values: number; depth: number } | { ok: false; exceeded: keyof JsonShapeLimits };

export function jsonShape(bytes: Uint8Array, limits: JsonShapeLimits): JsonShape {
  let values = 0;
  let depth = 0;
  let maxDepth = 0;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === QUOTE) {
      // Jump to the closing quote: one not preceded by an odd run of backslashes.
      let q = i;
      for (;;) {
        q = bytes.indexOf(QUOTE, q + 1);
        if (q < 0) return { ok: true, values, depth: maxDepth }; // unterminated: JSON.parse says where
        let slashes = 0;
        while (bytes[q - 1 - slashes] === BACKSLASH) slashes++;
        if (slashes % 2 === 0) break;
      }
      i = q;
    } else if (b === COMMA) {
      if (++values > limits.values) return { ok: false, exceeded: 'values' };
    } else if (b === OPEN_ARRAY || b === OPEN_OBJECT) {
      if (++values > limits.values) return { ok: false, exceeded: 'values' };
      if (++depth > limits.depth) return { ok: false, exceeded: 'depth' };
      if (depth > maxDepth) maxDepth = depth;
    } else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) {
      depth--;
    }
  }
  return { ok: true, values, depth: maxDepth };
}
