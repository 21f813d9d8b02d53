/**
 * JSON text in and out for the files we write (projects, models): parse with a message that says
 * where parsing stopped, and serialise typed arrays as plain number arrays. ECMAScript's
 * Number::toString gives the shortest decimal that reads back to the same double, so a Float64Array
 * survives stringify → parse bit for bit (finite values; the schemas refuse the others).
 */

export type JsonParse = { ok: true; value: unknown } | { ok: false; where: string; truncated: boolean };

export function parseJsonText(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const offset = errorOffset(text, message);
    return { ok: false, where: lineColumn(text, offset), truncated: offset >= text.trimEnd().length };
  }
}

/**
 * Where JSON.parse gave up. V8 says "… at position 123" for most errors and "Unexpected end of JSON
 * input" at the end, but "Unexpected token 'x', "…" is not valid JSON" carries no offset; then we
 * bisect on prefixes: a prefix that fails only for ending early is fine so far, so the first bad
 * character is where the shortest failing prefix ends.
 */
function errorOffset(text: string, message: string): number {
  const pos = /position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  if (/end of JSON input/i.test(message)) return text.length;
  let lo = 0;
  let hi = text.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (fineSoFar(text.slice(0, mid))) lo = mid;
    else hi = mid;
  }
  return hi - 1;
}

function fineSoFar(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (err) {
    const message = err instanceof Error ? err.message : '';
    const pos = /position (\d+)/.exec(message);
    if (pos) return Number(pos[1]) >= prefix.length;
    return /end of JSON input/i.test(message);
  }
}

/** "line 3, column 14" (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/** JSON.stringify with typed arrays as arrays (a Float64Array would otherwise become {"0": …}). */
export function stringifyJson(value: unknown, indent?: number): string {
  return JSON.stringify(
    value,
    (_key, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v),
    indent,
  );
}
