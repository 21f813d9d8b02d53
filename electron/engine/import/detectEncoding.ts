/**
 * Which text encoding a file's first bytes are in, and whether they are text at all:
 *
 * 1. a byte order mark: UTF-8 (EF BB BF), UTF-16LE (FF FE), UTF-16BE (FE FF);
 * 2. UTF-16 without BOM: NUL bytes in every other position of ASCII-heavy text;
 * 3. UTF-8 when the bytes are valid UTF-8 (a truncated sequence at the end of a sample is allowed);
 * 4. GBK (decoded as GB18030, its superset) when the bytes are valid GBK and most double-byte pairs
 *    lie in the GB2312 block (both bytes 0xA1-0xFE) where Chinese text lives — Latin-1 text also
 *    often forms "valid" GBK pairs, but with an ASCII letter as the second byte;
 * 5. otherwise Windows-1252 (which maps every byte, so Latin-1 files decode).
 *
 * Binary content (ZIP, OLE2, gzip, PDF, NUL or control bytes in non-UTF-16 data) is reported so the
 * caller can refuse it with a specific reason.
 */

export interface EncodingGuess {
  /** A WHATWG encoding label TextDecoder accepts; reported as the file's encoding. */
  encoding: string;
  bom: boolean;
}

export type BinaryKind = 'zip' | 'ole2' | 'gzip' | 'pdf' | 'binary';

const startsWith = (b: Uint8Array, sig: number[]): boolean => sig.every((x, i) => b[i] === x);

export function bomEncoding(b: Uint8Array): EncodingGuess | null {
  if (startsWith(b, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bom: true };
  if (startsWith(b, [0xff, 0xfe])) return { encoding: 'utf-16le', bom: true };
  if (startsWith(b, [0xfe, 0xff])) return { encoding: 'utf-16be', bom: true };
  return null;
}

/** A container format by its magic number (checked before any decoding). */
export function containerKind(b: Uint8Array): BinaryKind | null {
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole2';
  if (startsWith(b, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  return null;
}

/** UTF-16 without a BOM: of the first 4096 byte pairs, most have a NUL on one side only. */
export function utf16WithoutBom(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length, 8192) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > 0.4 * pairs && evenZero < 0.05 * pairs) return 'utf-16le';
  if (evenZero > 0.4 * pairs && oddZero < 0.05 * pairs) return 'utf-16be';
  return null;
}

/** Control bytes that never occur in delimited text (NUL, and C0 controls other than \t \n \r \f, ESC). */
export function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 65536);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const x = b[i];
    if (x === 0) return true;
    if (x < 32 && x !== 9 && x !== 10 && x !== 13 && x !== 12 && x !== 27) odd++;
  }
  return odd > Math.max(2, n * 0.01);
}

/** Valid UTF-8 (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF); `partialEnd` allows a cut sequence. */
export function isValidUtf8(b: Uint8Array, partialEnd: boolean): boolean {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const x = b[i];
    if (x < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (x >= 0xc2 && x <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (x >= 0xe0 && x <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (x >= 0xf0 && x <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return false;
    let cp = x & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return partialEnd;
      const y = b[i + k];
      if ((y & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (y & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

/**
 * GBK / GB18030 validity and plausibility: every byte ≥ 0x80 starts a valid two-byte (lead 0x81-0xFE,
 * trail 0x40-0x7E or 0x80-0xFE) or four-byte GB18030 sequence, and at least 80 % of the two-byte
 * pairs are in the GB2312 block.
 */
export function isPlausibleGbk(b: Uint8Array, partialEnd: boolean): boolean {
  const n = b.length;
  let pairs = 0;
  let gb2312 = 0;
  let i = 0;
  while (i < n) {
    const x = b[i];
    if (x < 0x80) {
      i++;
      continue;
    }
    if (x === 0x80 || x === 0xff) return false;
    if (i + 1 >= n) return partialEnd;
    const y = b[i + 1];
    if (y >= 0x30 && y <= 0x39) {
      if (i + 3 >= n) return partialEnd;
      if (b[i + 2] < 0x81 || b[i + 2] > 0xfe || b[i + 3] < 0x30 || b[i + 3] > 0x39) return false;
      i += 4;
      continue;
    }
    if (y < 0x40 || y === 0x7f || y === 0xff) return false;
    pairs++;
    if (x >= 0xa1 && y >= 0xa1) gb2312++;
    i += 2;
  }
  return pairs > 0 && gb2312 >= 0.8 * pairs;
}

/** The encoding of `sample` (the file's first bytes; `whole` when it is the entire file). */
export function detectEncoding(sample: Uint8Array, whole: boolean): EncodingGuess {
  const bom = bomEncoding(sample);
  if (bom) return bom;
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, bom: false };
  if (isValidUtf8(sample, !whole)) return { encoding: 'utf-8', bom: false };
  return legacyEncoding(sample, !whole);
}

/** For bytes that are not UTF-8: GBK when plausibly Chinese, else Windows-1252. */
export function legacyEncoding(bytes: Uint8Array, partialEnd: boolean): EncodingGuess {
  return { encoding: isPlausibleGbk(bytes, partialEnd) ? 'gbk' : 'windows-1252', bom: false };
}
