/**
 * Reads one image file whole and decodes it, refusing before the decode what the header already
 * condemns: a file too large to read, a signature that is not the type its name promises, a size
 * beyond the limits. Used by the image import and, per frame, by the background model.
 */
import path from 'node:path';
import type { ImageInfo } from '../../../../shared/data/types';
import type { DecodedImage } from './decodedImage';
import { decodeImage } from './decodeImage';
import { IMAGE_TYPE_NAMES, imageTypeOf, imageTypeOfExtension, readImageHeader } from './imageHeader';
import { checkImageSize, IMAGE_LIMITS, rejectImageFileTooLarge, rejectImageInvalid } from './imageRefusals';

/** The first bytes, for a message: printable ASCII as text, the rest in hex. */
function firstBytes(b: Uint8Array): string {
  const head = Array.from(b.subarray(0, 8));
  return head.every((x) => x >= 0x20 && x < 0x7f)
    ? `"${String.fromCharCode(...head)}"`
    : head.map((x) => x.toString(16).padStart(2, '0')).join(' ');
}

export async function readImageFile(
  file: string,
  size: number,
  read: (file: string) => Promise<Uint8Array>,
): Promise<{ image: DecodedImage; info: ImageInfo }> {
  if (size > IMAGE_LIMITS.fileBytes) throw rejectImageFileTooLarge(size);
  const bytes = await read(file);
  return decodeImageBytes(bytes, path.extname(file).toLowerCase());
}

/** Decodes an image's bytes; `extension` (".png") names the type the file promised, for the message. */
export async function decodeImageBytes(
  bytes: Uint8Array,
  extension: string,
): Promise<{ image: DecodedImage; info: ImageInfo }> {
  const type = imageTypeOf(bytes);
  if (!type) {
    const promised = imageTypeOfExtension(extension);
    throw rejectImageInvalid(
      promised ? IMAGE_TYPE_NAMES[promised] : 'image',
      bytes.length === 0
        ? 'it is empty'
        : `it does not start with an image signature (it starts with ${firstBytes(bytes)})`,
    );
  }
  const header = readImageHeader(bytes, type);
  checkImageSize(IMAGE_TYPE_NAMES[type], header.width, header.height);
  const image = await decodeImage(bytes, header);
  if (image.width !== header.width || image.height !== header.height)
    throw rejectImageInvalid(
      IMAGE_TYPE_NAMES[type],
      `it decoded to ${image.width} × ${image.height} pixels, not the ${header.width} × ${header.height} of its header`,
    );
  return {
    image,
    info: {
      type,
      width: image.width,
      height: image.height,
      channels: image.channels,
      maxValue: image.maxValue,
    },
  };
}
