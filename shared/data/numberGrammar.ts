/**
 * The number grammar of test/fixtures/csv/README.md ("Numbers"), one scan per cell, no allocation on
 * the common path:
 *
 *   decimal '.', no thousands:  [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?
 *   decimal ',', thousands '.': [+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?([eE][+-]?\d+)?
 *
 * after trimming spaces. The value is correctly rounded: with at most 15 significant digits and no
 * exponent it is `m / 10^k` with m < 2^53 and k <= 22, both exact doubles, so the one IEEE division
 * rounds correctly (Clinger's fast path, "How to read floating point numbers accurately", PLDI 1990);
 * anything longer goes through `Number()` on the normalised text, which is correctly rounded too.
 *
 * The scan also says whether the cell text can be rebuilt from the value (its `format`), so a numeric
 * column need not keep its cell texts: see columnBuilder.ts.
 */

export interface NumberScan {
  value: number;
  /** A FORMAT code (0..63) when the text is rebuilt exactly by `formatNumber`, else FORMAT_VERBATIM. */
  format: number;
}

export const SCAN_NOT_NUMBER = 0;
export const SCAN_NUMBER = 1;
/** Matches the grammar but overflows a double (e.g. `1e999`): non-finite. */
export const SCAN_OVERFLOW = 2;

/** Format codes 0..63: bits 0-4 = digits after the decimal separator, bit 5 = thousands groups. */
export const FORMAT_GROUPED = 32;
export const FORMAT_VERBATIM = 255;

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const SPACE = 32;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const COMMA = 44;
const ZERO = 48;
const NINE = 57;

/**
 * Scans `s[start, end)` as one cell. `decimalComma` selects the ','/'.' locale. Writes the value and
 * format into `out` when the result is SCAN_NUMBER.
 */
export function scanNumber(
  s: string,
  start: number,
  end: number,
  decimalComma: boolean,
  out: NumberScan,
): number {
  let padded = false;
  while (start < end && s.charCodeAt(start) === SPACE) {
    start++;
    padded = true;
  }
  while (end > start && s.charCodeAt(end - 1) === SPACE) {
    end--;
    padded = true;
  }
  if (start === end) return SCAN_NOT_NUMBER;
  let p = start;
  let c = s.charCodeAt(p);
  let negative = false;
  let signed = false;
  if (c === PLUS || c === MINUS) {
    negative = c === MINUS;
    signed = true;
    if (++p === end) return SCAN_NOT_NUMBER;
    c = s.charCodeAt(p);
  }
  const decimalSep = decimalComma ? COMMA : DOT;
  let mantissa = 0;
  let leadingZero = false;
  let grouped = false;
  // Integer part.
  const intStart = p;
  while (p < end && (c = s.charCodeAt(p)) >= ZERO && c <= NINE) {
    mantissa = mantissa * 10 + (c - ZERO);
    p++;
  }
  const intDigits = p - intStart;
  let digits = intDigits;
  if (intDigits > 1 && s.charCodeAt(intStart) === ZERO) leadingZero = true;
  if (decimalComma && p < end && c === DOT) {
    // Thousands groups: the first run has 1-3 digits, every group exactly 3.
    if (intDigits < 1 || intDigits > 3) return SCAN_NOT_NUMBER;
    if (s.charCodeAt(intStart) === ZERO) leadingZero = true;
    while (p < end && s.charCodeAt(p) === DOT) {
      for (let k = 1; k <= 3; k++) {
        const d = p + k < end ? s.charCodeAt(p + k) : -1;
        if (d < ZERO || d > NINE) return SCAN_NOT_NUMBER;
        mantissa = mantissa * 10 + (d - ZERO);
      }
      p += 4;
      digits += 3;
      grouped = true;
    }
    c = p < end ? s.charCodeAt(p) : -1;
  }
  let fracDigits = 0;
  let hasSep = false;
  if (p < end && c === decimalSep) {
    hasSep = true;
    p++;
    const fracStart = p;
    while (p < end && (c = s.charCodeAt(p)) >= ZERO && c <= NINE) {
      mantissa = mantissa * 10 + (c - ZERO);
      p++;
    }
    fracDigits = p - fracStart;
    digits += fracDigits;
    // '.' locale: "5." and ".5" are numbers, "." is not; ',' locale needs digits after the comma.
    if (decimalComma ? fracDigits === 0 || intDigits === 0 : intDigits === 0 && fracDigits === 0)
      return SCAN_NOT_NUMBER;
  } else if (intDigits === 0) {
    return SCAN_NOT_NUMBER;
  }
  let hasExponent = false;
  if (p < end && (c === 101 || c === 69)) {
    hasExponent = true;
    p++;
    if (p < end && ((c = s.charCodeAt(p)) === PLUS || c === MINUS)) p++;
    const expStart = p;
    while (p < end && (c = s.charCodeAt(p)) >= ZERO && c <= NINE) p++;
    if (p === expStart) return SCAN_NOT_NUMBER;
  }
  if (p !== end) return SCAN_NOT_NUMBER;

  let value: number;
  if (!hasExponent && digits <= 15) {
    value = mantissa / POW10[fracDigits];
  } else {
    value = Math.abs(Number(normalise(s, start, end, decimalComma)));
    if (!Number.isFinite(value)) return SCAN_OVERFLOW;
  }
  if (negative) value = -value;
  out.value = value;
  // Rebuildable by toFixed: plain digits, no '+', no leading zeros, digits on both sides of the
  // separator, not -0 (toFixed drops its sign), few enough digits that the double keeps them all.
  const plain =
    !padded &&
    !hasExponent &&
    !(signed && !negative) &&
    digits <= 15 &&
    intDigits > 0 &&
    !leadingZero &&
    !(hasSep && fracDigits === 0) &&
    !(value === 0 && negative);
  out.format = plain ? fracDigits | (grouped ? FORMAT_GROUPED : 0) : FORMAT_VERBATIM;
  return SCAN_NUMBER;
}

/** The cell text with thousands separators removed and a '.' decimal point, for `Number()`. */
function normalise(s: string, start: number, end: number, decimalComma: boolean): string {
  const text = s.slice(start, end);
  return decimalComma ? text.replaceAll('.', '').replace(',', '.') : text;
}

/** Rebuilds the cell text of a number whose format code is not FORMAT_VERBATIM. */
export function formatNumber(value: number, format: number, decimalComma: boolean): string {
  const fixed = value.toFixed(format & 31);
  if (!decimalComma) return fixed;
  const dot = fixed.indexOf('.');
  let intPart = dot < 0 ? fixed : fixed.slice(0, dot);
  const frac = dot < 0 ? '' : ',' + fixed.slice(dot + 1);
  if (format & FORMAT_GROUPED) {
    const sign = intPart.startsWith('-') ? '-' : '';
    const digits = sign ? intPart.slice(1) : intPart;
    const head = digits.length % 3 || 3;
    let grouped = digits.slice(0, head);
    for (let i = head; i < digits.length; i += 3) grouped += '.' + digits.slice(i, i + 3);
    intPart = sign + grouped;
  }
  return intPart + frac;
}
