/**
 * What an image import may make the engine decode and hold, and the refusals when a file asks for
 * more or is not what it claims (docs/SECURITY.md, "Resource limits"). An image becomes one row per
 * pixel with up to eight columns (r, g, b, l, a, b, x, y), about 9 bytes a cell (columnBuilder.ts),
 * so the pixel cap keeps the table inside the spreadsheet cell cap (importLimits.ts: 50 M pixels ×
 * 8 columns = 400 M cells < 500 M) and the decoded RGBA buffer under 200 MB:
 *
 *   pixels      50 M       width × height from the header, checked before a pixel is decoded (an
 *                          8192 × 6144 photograph is 50.3 M: a 48-megapixel camera fits)
 *   side        65 535     either side, the largest most decoders accept
 *   fileBytes   512 MiB    read whole into memory before decoding (an uncompressed 50 M-pixel BMP is
 *                          200 MB)
 *   frames      100 000    frames of a sequence (background model), each decoded and dropped in turn
 *
 * A decompression bomb — a small file whose header claims 100 000 × 100 000 pixels, or a PNG whose
 * compressed data inflate past what its header allows — is refused from the header or the bounded
 * inflate, before any large allocation.
 */
import { EngineError } from '../../../../shared/errors';
import { byteSize, grouped } from '../../../../shared/data/importLimits';

export interface ImageLimits {
  pixels: number;
  side: number;
  fileBytes: number;
  frames: number;
}

export const IMAGE_LIMITS: Readonly<ImageLimits> = {
  pixels: 50_000_000,
  side: 65_535,
  fileBytes: 512 * 2 ** 20,
  frames: 100_000,
};

export const ImageCodes = {
  /** Not a decodable image of the type its signature or name says: corrupt, truncated, not an image. */
  Invalid: 'image_invalid',
  /** More pixels (or a longer side, or a larger file) than the limits above. */
  TooLarge: 'image_too_large',
  /** A valid image of a kind not read (BMP run-length compression, an unknown BMP header, …). */
  Unsupported: 'image_unsupported',
} as const;

export const IMAGE_REFUSALS: readonly string[] = Object.values(ImageCodes);

export const rejectImageInvalid = (type: string, reason: string): EngineError =>
  new EngineError(ImageCodes.Invalid, `This file is not a readable ${type} image: ${reason}.`, {
    type,
  });

export const rejectImageUnsupported = (type: string, what: string): EngineError =>
  new EngineError(
    ImageCodes.Unsupported,
    `This ${type} image uses ${what}, which Mixture Lab does not read. Save it as PNG (for example in an image editor) and import that.`,
    { type },
  );

/** Refuses an image whose header size breaks a limit; returns the pixel count otherwise. */
export function checkImageSize(
  type: string,
  width: number,
  height: number,
  limits: ImageLimits = IMAGE_LIMITS,
): number {
  if (!(width >= 1 && height >= 1))
    throw rejectImageInvalid(type, `its header gives a size of ${width} × ${height} pixels`);
  const pixels = width * height;
  if (width > limits.side || height > limits.side || pixels > limits.pixels)
    throw new EngineError(
      ImageCodes.TooLarge,
      `The image is ${grouped(width)} × ${grouped(height)} pixels (${grouped(pixels)}); Mixture Lab imports images of up to ${grouped(limits.pixels)} pixels and ${grouped(limits.side)} on a side, because every pixel becomes a row held in memory. Scale the image down or crop it, and import that.`,
      { width, height, pixels, limit: limits.pixels, sideLimit: limits.side },
    );
  return pixels;
}

export const rejectImageFileTooLarge = (size: number, limits: ImageLimits = IMAGE_LIMITS): EngineError =>
  new EngineError(
    ImageCodes.TooLarge,
    `The image file is ${byteSize(size)}; Mixture Lab reads image files of up to ${byteSize(limits.fileBytes)}. Save it in a compressed format (PNG, JPEG) or scale it down.`,
    { size, limit: limits.fileBytes },
  );
