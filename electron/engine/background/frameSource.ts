/**
 * The frames of a background run, streamed: a folder's image files sorted by name (numerically
 * where names hold numbers, so frame2 comes before frame10), or an animated GIF's frames composed in
 * turn (grey when its palettes are: gifFrames.ts). Each frame is decoded when it is asked for and dropped after, so a long sequence is never
 * held whole. Every frame must have the first one's size, and none may be in colour when the first
 * is grey (a grey frame among colour ones is spread over the three channels by the runner). 16-bit
 * samples are scaled to 8 bits, the units of the model's thresholds.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { EngineError, ErrorCodes } from '../../../shared/errors';
import type { DecodedImage } from '../import/image/decodedImage';
import { gifFrameCount, gifFrames, gifIsGrey } from '../import/image/gifFrames';
import { imageTypeOf, imageTypeOfExtension } from '../import/image/imageHeader';
import { IMAGE_LIMITS, ImageCodes, rejectImageInvalid } from '../import/image/imageRefusals';
import { readImageFile } from '../import/image/readImageFile';

export const FrameCodes = {
  /** The folder holds no image file. */
  NoFrames: 'no_frames',
  /** A frame's size differs from the first frame's. */
  FrameMismatch: 'frame_mismatch',
} as const;

export interface Frame {
  /** The mask's file name: the frame's own name with .png, or the GIF's name and frame number. */
  maskName: string;
  width: number;
  height: number;
  channels: 1 | 3;
  /** nPixels × channels bytes. */
  data: Uint8Array;
}

export interface FrameSource {
  count: number;
  frames(): AsyncGenerator<Frame>;
}

const STILL_TYPES = new Set(['png', 'jpeg', 'bmp', 'webp']);
const byName = new Intl.Collator('en', { numeric: true }).compare;

export async function openFrames(source: string): Promise<FrameSource> {
  const info = await stat(source);
  if (info.isDirectory()) return folderFrames(source);
  const bytes = new Uint8Array(await readFile(source));
  if (imageTypeOf(bytes) !== 'gif')
    throw rejectImageInvalid('GIF', 'a background run reads a folder of frames or an animated GIF');
  const count = gifFrameCount(bytes);
  const base = path.basename(source, path.extname(source));
  const digits = Math.max(5, String(count).length);
  const channels = gifIsGrey(bytes) ? 1 : 3;
  return {
    count,
    async *frames() {
      let i = 0;
      for (const image of gifFrames(bytes, channels))
        yield toFrame(image, `${base}_${String(++i).padStart(digits, '0')}.png`, null);
    },
  };
}

/** The folder's frame files, in frame order (refused when there are none or too many). */
async function frameNames(folder: string): Promise<string[]> {
  const names = (await readdir(folder))
    .filter((n) => STILL_TYPES.has(imageTypeOfExtension(path.extname(n).toLowerCase()) ?? ''))
    .sort(byName);
  if (names.length === 0)
    throw new EngineError(
      FrameCodes.NoFrames,
      `The folder ${folder} holds no PNG, JPEG, BMP or WebP frame.`,
      {
        folder,
      },
    );
  if (names.length > IMAGE_LIMITS.frames)
    throw new EngineError(
      ImageCodes.TooLarge,
      `The folder holds ${names.length} frames; Mixture Lab reads up to ${IMAGE_LIMITS.frames}.`,
      {
        frames: names.length,
        limit: IMAGE_LIMITS.frames,
      },
    );
  return names;
}

async function readFrameFile(folder: string, name: string, first: Frame | null): Promise<Frame> {
  const file = path.join(folder, name);
  const { size } = await stat(file);
  const { image } = await readImageFile(file, size, (f) => readFile(f));
  return toFrame(image, `${path.basename(name, path.extname(name))}.png`, first);
}

async function folderFrames(folder: string): Promise<FrameSource> {
  const names = await frameNames(folder);
  return {
    count: names.length,
    async *frames() {
      let first: Frame | null = null;
      for (const name of names) {
        const frame = await readFrameFile(folder, name, first);
        first ??= frame;
        yield frame;
      }
    },
  };
}

/**
 * Frame `index` (0-based) of a source, alone, with its own name (the file's, or the mask's name
 * without .png for a GIF): what the player shows. A GIF frame is composed on the ones before it,
 * so those are decoded (and dropped) on the way.
 */
export async function frameAt(source: string, index: number): Promise<{ frame: Frame; name: string }> {
  const outside = (count: number) =>
    new EngineError(
      ErrorCodes.InvalidPayload,
      `The sequence has ${count} frames; there is no frame ${index + 1}.`,
      { index, frames: count },
    );
  if ((await stat(source)).isDirectory()) {
    const names = await frameNames(source);
    if (index >= names.length) throw outside(names.length);
    return { frame: await readFrameFile(source, names[index], null), name: names[index] };
  }
  const frames = await openFrames(source);
  if (index >= frames.count) throw outside(frames.count);
  let i = 0;
  for await (const frame of frames.frames())
    if (i++ === index) return { frame, name: frame.maskName.replace(/\.png$/, '') };
  throw outside(i);
}

function toFrame(
  image: DecodedImage,
  maskName: string,
  first: { width: number; height: number; channels: number } | null,
): Frame {
  if (
    first &&
    (image.width !== first.width || image.height !== first.height || image.channels > first.channels)
  )
    throw new EngineError(
      FrameCodes.FrameMismatch,
      `Frame ${maskName.replace(/\.png$/, '')} is ${image.width} × ${image.height} pixels${image.channels === 3 ? ' in colour' : ''}; the first frame is ${first.width} × ${first.height}${first.channels === 1 ? ' in grey' : ''}. Every frame of a sequence must have the same size, and colour frames cannot follow a grey one.`,
      { frame: maskName, width: image.width, height: image.height },
    );
  const n = image.width * image.height;
  const data = new Uint8Array(n * image.channels);
  const scale = image.maxValue === 255 ? 1 : 255 / image.maxValue;
  for (let i = 0; i < data.length; i++)
    data[i] = scale === 1 ? image.data[i] : Math.round(image.data[i] * scale);
  return { maskName, width: image.width, height: image.height, channels: image.channels, data };
}
