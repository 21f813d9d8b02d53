/**
 * GIF frames through omggif, composed as a viewer shows them: each frame is drawn over the canvas
 * left by the one before, after that one's disposal (GIF89a §23: 0/1 keep, 2 restore the area to
 * the background — transparent here, read as black — 3 restore what was under it). Frames are
 * decoded one at a time, so a long animation is never held decoded whole.
 */
import { GifReader } from 'omggif';
import { dropChannels, type DecodedImage } from './decodedImage';
import { checkImageSize, IMAGE_LIMITS, ImageCodes, rejectImageInvalid } from './imageRefusals';
import { EngineError } from '../../../../shared/errors';

function reader(bytes: Uint8Array): GifReader {
  try {
    return new GifReader(bytes);
  } catch (err) {
    throw rejectImageInvalid('GIF', err instanceof Error ? err.message : String(err));
  }
}

/** The number of frames of a GIF, refused beyond the frame limit. */
export function gifFrameCount(bytes: Uint8Array): number {
  const n = reader(bytes).numFrames();
  if (n > IMAGE_LIMITS.frames)
    throw new EngineError(
      ImageCodes.TooLarge,
      `The GIF has ${n} frames; Mixture Lab reads up to ${IMAGE_LIMITS.frames}.`,
      {
        frames: n,
        limit: IMAGE_LIMITS.frames,
      },
    );
  return n;
}

/**
 * Whether every colour the GIF can show is grey (r = g = b in the global and every local palette).
 * Its composed frames are then grey too — a cleared or uncovered area is black, grey as well — and
 * are read as one channel, as a grey PNG is: three equal channels would count each difference three
 * times against one channel's variance.
 */
export function gifIsGrey(bytes: Uint8Array): boolean {
  const gif = reader(bytes);
  for (let i = 0; i < gif.numFrames(); i++) {
    const { palette_offset: offset, palette_size: size } = gif.frameInfo(i);
    if (offset === null || size === null || offset + size * 3 > bytes.length) return false;
    for (let c = offset; c < offset + size * 3; c += 3)
      if (bytes[c] !== bytes[c + 1] || bytes[c] !== bytes[c + 2]) return false;
  }
  return true;
}

/** Each frame composed on the canvas, as RGB, or as grey (the first channel) when `channels` is 1. */
export function* gifFrames(bytes: Uint8Array, channels: 1 | 3 = 3): Generator<DecodedImage> {
  const gif = reader(bytes);
  const { width, height } = gif;
  const n = checkImageSize('GIF', width, height);
  const canvas = new Uint8Array(n * 4);
  for (let i = 0; i < gif.numFrames(); i++) {
    const info = gif.frameInfo(i);
    if (info.x + info.width > width || info.y + info.height > height)
      throw rejectImageInvalid('GIF', `frame ${i + 1} lies outside the image`);
    const saved = info.disposal === 3 ? canvas.slice() : null;
    try {
      gif.decodeAndBlitFrameRGBA(i, canvas);
    } catch (err) {
      throw rejectImageInvalid('GIF', `frame ${i + 1}: ${err instanceof Error ? err.message : String(err)}`);
    }
    yield {
      width,
      height,
      channels,
      data: dropChannels(canvas, n, 4, channels, (m) => new Uint8Array(m)),
      maxValue: 255,
    };
    if (info.disposal === 2) {
      for (let y = info.y; y < info.y + info.height; y++)
        canvas.fill(0, (y * width + info.x) * 4, (y * width + info.x + info.width) * 4);
    } else if (saved) {
      canvas.set(saved);
    }
  }
}

export function firstGifFrame(bytes: Uint8Array): DecodedImage {
  for (const frame of gifFrames(bytes)) return frame;
  throw rejectImageInvalid('GIF', 'it has no frame');
}
