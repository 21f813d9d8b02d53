/**
 * Decodes a still image whose type and header size were checked (imageHeader.ts, imageRefusals.ts)
 * into grey or RGB samples, alpha dropped. The decoders are JavaScript and WebAssembly bundled into
 * the engine, so the app ships no native module and no node_modules (test/build/packaging.test.ts):
 *
 *   PNG   fast-png (image-js), every colour type and bit depth; palettes expanded; the compressed
 *         data first inflated by Node's zlib with an output cap (a zlib bomb is refused, not grown)
 *   JPEG  mozjpeg (libjpeg-turbo) as WebAssembly (squooshCodecs.ts): Pillow's and OpenCV's pixels
 *   BMP   decodeBmp.ts
 *   WebP  libwebp as WebAssembly (squooshCodecs.ts)
 *   GIF   omggif, the first frame (a sequence is read frame by frame by the background model)
 */
import { inflateSync } from 'node:zlib';
import { convertIndexedToRgb, decode as decodePngFile } from 'fast-png';
import { decodeBmp } from './decodeBmp';
import { dropChannels, type DecodedImage } from './decodedImage';
import { decodeJpeg, decodeWebp } from './squooshCodecs';
import { firstGifFrame } from './gifFrames';
import type { ImageHeader } from './imageHeader';
import { rejectImageInvalid } from './imageRefusals';

export async function decodeImage(bytes: Uint8Array, header: ImageHeader): Promise<DecodedImage> {
  switch (header.type) {
    case 'png':
      return decodePng(bytes, header);
    case 'jpeg':
      return decodeJpeg(bytes, header.channels ?? 3);
    case 'bmp':
      return decodeBmp(bytes);
    case 'webp':
      return decodeWebp(bytes, 3);
    case 'gif':
      return firstGifFrame(bytes);
  }
}

/** Raw bytes the IDAT stream must inflate to: per row a filter byte and its packed samples (PNG §7.2). */
function pngRawBytes(b: Uint8Array, width: number, height: number): number {
  const depth = b[24];
  const samples = [1, 0, 3, 1, 2, 0, 4][b[25]] ?? 4;
  // Adam7 interlacing (byte 28) adds at most a filter byte per pass row: 15 rows per 8.
  return height * (1 + Math.ceil((width * samples * depth) / 8)) + (b[28] ? 2 * height + 16 : 0);
}

/** Concatenated IDAT chunk data; refuses a file that ends inside a chunk. */
function idatStream(b: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let at = 8;
  while (at + 8 <= b.length) {
    const length = b[at] * 2 ** 24 + (b[at + 1] << 16) + (b[at + 2] << 8) + b[at + 3];
    const type = String.fromCharCode(b[at + 4], b[at + 5], b[at + 6], b[at + 7]);
    if (at + 12 + length > b.length) throw rejectImageInvalid('PNG', `it ends inside its ${type} chunk`);
    if (type === 'IDAT') parts.push(b.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') return Buffer.concat(parts);
    at += 12 + length;
  }
  throw rejectImageInvalid('PNG', 'it ends before its IEND chunk (the file is truncated)');
}

function decodePng(b: Uint8Array, header: ImageHeader): DecodedImage {
  const { width, height } = header;
  const expected = pngRawBytes(b, width, height);
  try {
    // Cheap next to the decode (native zlib), and it bounds what the decoder will grow to.
    inflateSync(idatStream(b), { maxOutputLength: expected });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw rejectImageInvalid(
        'PNG',
        `its compressed pixels inflate past the ${expected} bytes a ${width} × ${height} image holds`,
      );
    if (err instanceof Error && 'code' in err && String((err as { code?: unknown }).code).startsWith('Z_'))
      throw rejectImageInvalid('PNG', `its compressed pixels are corrupt or cut short (${err.message})`);
    throw err;
  }
  let png: ReturnType<typeof decodePngFile>;
  try {
    png = decodePngFile(b);
  } catch (err) {
    throw rejectImageInvalid('PNG', err instanceof Error ? err.message : String(err));
  }
  const n = width * height;
  if (png.palette) {
    const rgb = convertIndexedToRgb(png);
    const from = rgb.length / n;
    const greyPalette = png.palette.every((c) => c[0] === c[1] && c[1] === c[2]);
    return {
      width,
      height,
      channels: greyPalette ? 1 : 3,
      data: dropChannels(rgb, n, from, greyPalette ? 1 : 3, (m) => new Uint8Array(m)),
      maxValue: 255,
    };
  }
  const colour = png.channels >= 3;
  const keep = colour ? 3 : 1;
  if (png.depth === 16) {
    const data = dropChannels(png.data as Uint16Array, n, png.channels, keep, (m) => new Uint16Array(m));
    return { width, height, channels: keep, data, maxValue: 65535 };
  }
  if (png.depth < 8)
    return {
      width,
      height,
      channels: 1,
      data: unpackGrey(png.data as Uint8Array, width, height, png.depth),
      maxValue: 255,
    };
  const data = dropChannels(png.data as Uint8Array, n, png.channels, keep, (m) => new Uint8Array(m));
  return { width, height, channels: keep, data, maxValue: 255 };
}

/**
 * 1-, 2- and 4-bit grey, packed most significant bits first with each row starting on a byte
 * (PNG §7.2), to one byte a pixel on the 0..255 scale every viewer shows them on.
 */
function unpackGrey(packed: Uint8Array, width: number, height: number, depth: number): Uint8Array {
  const out = new Uint8Array(width * height);
  const rowBytes = Math.ceil((width * depth) / 8);
  const mask = (1 << depth) - 1;
  const scale = 255 / mask;
  for (let y = 0, o = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const bit = x * depth;
      const byte = packed[y * rowBytes + (bit >> 3)];
      out[o++] = Math.round(((byte >> (8 - depth - (bit & 7))) & mask) * scale);
    }
  return out;
}
