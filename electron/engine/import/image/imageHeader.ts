/**
 * An image's type from its signature and its size from its header, read before anything is decoded
 * so that a file claiming a bomb's dimensions is refused at once (imageRefusals.ts). Each layout is
 * the format's own specification:
 *
 *   PNG   8-byte signature, then IHDR: width, height (big-endian u32)          (PNG spec §11.2.2)
 *   JPEG  FF D8 FF; the first SOFn segment: precision, height, width, components (ITU T.81 B.2.2)
 *   BMP   "BM"; the DIB header: width, height (i32, negative = top-down), bits per pixel
 *   WebP  RIFF … WEBP, then VP8 (14-bit sizes), VP8L (14-bit sizes − 1) or VP8X (24-bit sizes − 1)
 *   GIF   GIF87a / GIF89a, logical screen width and height (u16 little-endian)
 */
import { rejectImageInvalid } from './imageRefusals';

import type { ImageType } from '../../../../shared/data/types';
export type { ImageType };

export const IMAGE_TYPE_NAMES: Record<ImageType, string> = {
  png: 'PNG',
  jpeg: 'JPEG',
  bmp: 'BMP',
  webp: 'WebP',
  gif: 'GIF',
};

const EXTENSIONS: Record<string, ImageType> = {
  '.png': 'png',
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.jpe': 'jpeg',
  '.jfif': 'jpeg',
  '.bmp': 'bmp',
  '.dib': 'bmp',
  '.webp': 'webp',
  '.gif': 'gif',
};

/** The image type a file name's extension promises (lower-case, with the dot), or null. */
export const imageTypeOfExtension = (extension: string): ImageType | null => EXTENSIONS[extension] ?? null;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, at: number, text: string): boolean =>
  startsWith(
    b,
    Array.from(text, (c) => c.charCodeAt(0)),
    at,
  );

/** The image type of a file by its first bytes, or null when it has no image signature. */
export function imageTypeOf(b: Uint8Array): ImageType | null {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (ascii(b, 0, 'BM') && b.length >= 26) return 'bmp';
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return 'webp';
  if (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')) return 'gif';
  return null;
}

export interface ImageHeader {
  type: ImageType;
  width: number;
  height: number;
  /** Colour channels the file stores (1 grey, 3 colour), where the header says; else null. */
  channels: 1 | 3 | null;
}

const u16be = (b: Uint8Array, i: number): number => (b[i] << 8) | b[i + 1];
const u16le = (b: Uint8Array, i: number): number => b[i] | (b[i + 1] << 8);
const u24le = (b: Uint8Array, i: number): number => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16);
const u32be = (b: Uint8Array, i: number): number => b[i] * 2 ** 24 + (b[i + 1] << 16) + u16be(b, i + 2);
const i32le = (b: Uint8Array, i: number): number =>
  b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);

/** Reads the header of an image whose type is known; refuses one too short or malformed to have a size. */
export function readImageHeader(b: Uint8Array, type: ImageType): ImageHeader {
  const name = IMAGE_TYPE_NAMES[type];
  const short = () => rejectImageInvalid(name, `it ends after ${b.length} bytes, inside its header`);
  switch (type) {
    case 'png': {
      if (b.length < 33) throw short();
      if (!ascii(b, 12, 'IHDR')) throw rejectImageInvalid(name, 'its first chunk is not the IHDR header');
      const colourType = b[25];
      return { type, width: u32be(b, 16), height: u32be(b, 20), channels: colourType & 2 ? 3 : 1 };
    }
    case 'jpeg':
      return jpegHeader(b);
    case 'bmp': {
      if (b.length < 26) throw short();
      const dib = i32le(b, 14);
      if (dib === 12) return { type, width: u16le(b, 18), height: u16le(b, 20), channels: null };
      if (b.length < 30) throw short();
      return { type, width: i32le(b, 18), height: Math.abs(i32le(b, 22)), channels: null };
    }
    case 'webp':
      return webpHeader(b);
    case 'gif':
      if (b.length < 10) throw short();
      return { type, width: u16le(b, 6), height: u16le(b, 8), channels: 3 };
  }
}

/** Walks the marker segments to the first start-of-frame (SOF0–SOF15 but DHT C4, JPG C8, DAC CC). */
function jpegHeader(b: Uint8Array): ImageHeader {
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) throw rejectImageInvalid('JPEG', `no marker where one belongs (byte ${i})`);
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    // Standalone markers carry no length.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break;
    const length = u16be(b, i + 2);
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (i + 10 > b.length) break;
      const components = b[i + 9];
      return {
        type: 'jpeg',
        height: u16be(b, i + 5),
        width: u16be(b, i + 7),
        channels: components === 1 ? 1 : 3,
      };
    }
    i += 2 + length;
  }
  throw rejectImageInvalid('JPEG', 'no frame header (SOF) before the image data or the end of the file');
}

function webpHeader(b: Uint8Array): ImageHeader {
  if (b.length < 30) throw rejectImageInvalid('WebP', `it ends after ${b.length} bytes, inside its header`);
  if (ascii(b, 12, 'VP8 ')) {
    if (!startsWith(b, [0x9d, 0x01, 0x2a], 23))
      throw rejectImageInvalid('WebP', 'the VP8 frame has no start code');
    return { type: 'webp', width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff, channels: 3 };
  }
  if (ascii(b, 12, 'VP8L')) {
    if (b[20] !== 0x2f) throw rejectImageInvalid('WebP', 'the lossless stream has no signature');
    const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
    return { type: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, channels: 3 };
  }
  if (ascii(b, 12, 'VP8X'))
    return { type: 'webp', width: u24le(b, 24) + 1, height: u24le(b, 27) + 1, channels: 3 };
  throw rejectImageInvalid('WebP', 'its first chunk is neither VP8, VP8L nor VP8X');
}
