/**
 * The request for one frame of a finished background run as the player shows it (engine kind
 * `background.frame`): the frame itself, its foreground mask and the background estimate, read
 * back from where the run wrote them and shrunk to fit a display box. The player asks for one frame
 * at a time, so neither the engine nor the page ever holds the sequence whole.
 */
import { z } from 'zod';

/** The largest display box a caller may ask for, per side: a frame is never sent larger. */
export const MAX_VIEW_SIDE = 2048;
/** The most frames a sequence may have (IMAGE_LIMITS.frames): an index past it is refused. */
export const MAX_FRAMES = 100_000;

const folder = z.string().min(1).max(4096);
/** A file name inside the run's folders: no separator, never `.` or `..`. */
const fileName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\]+$/, 'a file name without a folder')
  .refine((n) => n !== '.' && n !== '..', 'a file name without a folder');

export const frameViewBoxSchema = z
  .object({
    maxWidth: z.number().int().min(1).max(MAX_VIEW_SIDE),
    maxHeight: z.number().int().min(1).max(MAX_VIEW_SIDE),
  })
  .strict();

export const frameViewRequestSchema = z
  .object({
    /** The run's source: a folder of frames or an animated GIF. */
    source: folder,
    /** The run's mask and estimate folders, and the frame's file name in both. */
    masks: folder,
    estimates: folder,
    maskName: fileName,
    /** 0-based, in the run's frame order. */
    index: z
      .number()
      .int()
      .min(0)
      .max(MAX_FRAMES - 1),
    box: frameViewBoxSchema,
  })
  .strict();

export type FrameViewRequest = z.output<typeof frameViewRequestSchema>;
export type FrameViewBox = z.output<typeof frameViewBoxSchema>;

/**
 * One frame as shown: every image `width × height` pixels (the frame's own size, or smaller to fit
 * the box, each shown pixel the mean of the frame's pixels it covers), row-major from the top left.
 */
export interface FrameView {
  index: number;
  /** The frame's own name: its file name, or the GIF's name and frame number. */
  name: string;
  /** The frame's size before it was shrunk. */
  sourceWidth: number;
  sourceHeight: number;
  width: number;
  height: number;
  /** Channels of `frame` and `estimate`: 1 grey, 3 r g b. */
  channels: 1 | 3;
  frame: Uint8Array;
  /** One channel: 255 foreground, 0 background; a shrunk pixel holds the share of foreground × 255. */
  mask: Uint8Array;
  estimate: Uint8Array;
  /** The share of the frame's pixels marked foreground, counted at full size. */
  foregroundFraction: number;
}
