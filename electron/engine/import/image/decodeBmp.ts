/**
 * Windows bitmaps, decoded here rather than by a dependency because the format is a plain array of
 * rows and the one small JavaScript decoder on the registry reads palette indices as grey and
 * bottom-up rows only. Read: the BITMAPCOREHEADER (12 bytes) and BITMAPINFOHEADER family (40, 52,
 * 56, 108, 124 bytes); 1, 4 and 8 bits per pixel through the palette; 16 bits as 5-5-5 or by its
 * bit fields; 24 bits BGR; 32 bits BGRX or by its bit fields; bottom-up and top-down rows. Run-length
 * (RLE4/RLE8) and embedded JPEG/PNG compression are refused as unsupported. Every offset is checked
 * against the file's length before it is read, so a truncated file is refused, never read past.
 *
 * Layout: Microsoft, "Bitmap Storage" and "BITMAPINFOHEADER structure" (Win32 GDI documentation).
 */
import type { DecodedImage } from './decodedImage';
import { checkImageSize, rejectImageInvalid, rejectImageUnsupported } from './imageRefusals';

const BI_RGB = 0;
const BI_BITFIELDS = 3;
const BI_ALPHABITFIELDS = 6;
const COMPRESSION_NAMES: Record<number, string> = {
  1: 'RLE8 compression',
  2: 'RLE4 compression',
  4: 'embedded JPEG data',
  5: 'embedded PNG data',
};

const invalid = (reason: string) => rejectImageInvalid('BMP', reason);

/** A channel mask's shift and width, to scale its value to 0..255. */
function maskScale(mask: number): { shift: number; max: number } {
  if (mask === 0) return { shift: 0, max: 0 };
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift++;
  return { shift, max: mask >>> shift };
}

export function decodeBmp(b: Uint8Array): DecodedImage {
  if (b.length < 26) throw invalid(`it ends after ${b.length} bytes, inside its header`);
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const pixelOffset = view.getUint32(10, true);
  const dib = view.getUint32(14, true);
  const core = dib === 12;
  if (!core && ![40, 52, 56, 64, 108, 124].includes(dib))
    throw rejectImageUnsupported('BMP', `a ${dib}-byte header`);
  if (b.length < 14 + dib) throw invalid(`it ends after ${b.length} bytes, inside its header`);
  const width = core ? view.getUint16(18, true) : view.getInt32(18, true);
  const rawHeight = core ? view.getUint16(20, true) : view.getInt32(22, true);
  const bpp = core ? view.getUint16(24, true) : view.getUint16(28, true);
  const compression = core ? BI_RGB : view.getUint32(30, true);
  const topDown = rawHeight < 0;
  const height = Math.abs(rawHeight);
  const nPixels = checkImageSize('BMP', width, height);
  if (compression in COMPRESSION_NAMES) throw rejectImageUnsupported('BMP', COMPRESSION_NAMES[compression]);
  if (compression !== BI_RGB && compression !== BI_BITFIELDS && compression !== BI_ALPHABITFIELDS)
    throw rejectImageUnsupported('BMP', `compression method ${compression}`);
  if (![1, 4, 8, 16, 24, 32].includes(bpp)) throw invalid(`${bpp} bits per pixel`);

  // Bit fields: inside a header of 52+ bytes, else the masks follow the 40-byte header.
  let masks = bpp === 16 ? [0x7c00, 0x03e0, 0x001f] : [0xff0000, 0x00ff00, 0x0000ff];
  let paletteStart = 14 + dib;
  if (compression !== BI_RGB) {
    if (14 + 40 + 12 > b.length) throw invalid('it ends inside its colour masks');
    masks = [view.getUint32(54, true), view.getUint32(58, true), view.getUint32(62, true)];
    if (dib === 40) paletteStart += compression === BI_ALPHABITFIELDS ? 16 : 12;
  }

  let palette: Uint8Array | null = null;
  let grey = false;
  if (bpp <= 8) {
    const entry = core ? 3 : 4;
    const used = core ? 0 : view.getUint32(46, true);
    const count = used > 0 && used <= 1 << bpp ? used : 1 << bpp;
    if (paletteStart + count * entry > b.length) throw invalid('it ends inside its palette');
    palette = new Uint8Array(256 * 3);
    grey = true;
    for (let i = 0; i < count; i++) {
      const at = paletteStart + i * entry;
      palette[i * 3] = b[at + 2];
      palette[i * 3 + 1] = b[at + 1];
      palette[i * 3 + 2] = b[at];
      if (b[at] !== b[at + 1] || b[at] !== b[at + 2]) grey = false;
    }
  }

  const stride = Math.ceil((width * bpp) / 32) * 4;
  const rowBytes = Math.ceil((width * bpp) / 8);
  if (pixelOffset + stride * (height - 1) + rowBytes > b.length)
    throw invalid(
      `its pixel data end early: ${height} rows of ${rowBytes} bytes from byte ${pixelOffset} need more than the ${b.length} bytes of the file`,
    );

  const channels = grey ? 1 : 3;
  const data = new Uint8Array(nPixels * channels);
  const fields = masks.map(maskScale);
  for (let row = 0; row < height; row++) {
    const src = pixelOffset + (topDown ? row : height - 1 - row) * stride;
    let o = row * width * channels;
    for (let x = 0; x < width; x++) {
      if (palette) {
        const perByte = 8 / bpp;
        const byte = b[src + Math.floor(x / perByte)];
        const index = (byte >> (8 - bpp * ((x % perByte) + 1))) & ((1 << bpp) - 1);
        if (grey) data[o++] = palette[index * 3];
        else {
          data[o++] = palette[index * 3];
          data[o++] = palette[index * 3 + 1];
          data[o++] = palette[index * 3 + 2];
        }
      } else if (bpp === 24 || (bpp === 32 && compression === BI_RGB)) {
        const at = src + x * (bpp / 8);
        data[o++] = b[at + 2];
        data[o++] = b[at + 1];
        data[o++] = b[at];
      } else {
        const at = src + x * (bpp / 8);
        const v = bpp === 16 ? view.getUint16(at, true) : view.getUint32(at, true);
        for (const f of fields)
          data[o++] = f.max === 0 ? 0 : Math.round((((v >>> f.shift) & f.max) * 255) / f.max);
      }
    }
  }
  return { width, height, channels, data, maxValue: 255 };
}
