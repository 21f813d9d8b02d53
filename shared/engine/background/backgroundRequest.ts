/**
 * The background-model request (engine kind `background`): frames from a folder or an animated GIF,
 * masks written to a folder, the model's options (backgroundOptions.ts). One schema, its types.
 */
import { z } from 'zod';
import type { WithOptionalDefaults } from '../../withOptionalDefaults';
import { backgroundOptionsSchema, type BackgroundOptions } from './backgroundOptions';

export const backgroundRequestSchema = z
  .object({
    /** A folder of frames (sorted by name) or an animated GIF; absolute. */
    source: z.string().min(1).max(4096),
    /** The folder the masks are written to (created when missing); absolute. */
    out: z.string().min(1).max(4096),
    /** A folder for the background estimate of every frame, as PNG; absent = none written. */
    estimates: z.string().min(1).max(4096).optional(),
    options: backgroundOptionsSchema.default(backgroundOptionsSchema.parse({})),
    /** Worker threads; default: the machine's cores, at most 8. */
    threads: z.number().int().min(1).max(64).optional(),
  })
  .strict();

export type ParsedBackgroundRequest = z.output<typeof backgroundRequestSchema>;
export type BackgroundRequest = Omit<ParsedBackgroundRequest, 'options'> & {
  options?: WithOptionalDefaults<BackgroundOptions, keyof BackgroundOptions>;
};

export interface BackgroundProgress {
  frame: number;
  frames: number;
}

export interface BackgroundSummary {
  source: string;
  out: string;
  frames: number;
  width: number;
  height: number;
  channels: number;
  threads: number;
  options: BackgroundOptions;
  /** Mask file names, in frame order. */
  masks: string[];
  /** Per frame, the share of pixels marked foreground. */
  foregroundFraction: number[];
  /** Per frame, pixels marked shadow (and written as background); all 0 without shadow detection. */
  shadowPixels: number[];
  seconds: number;
  /** Model updates per second: frames × pixels / seconds (decoding and writing included). */
  pixelsPerSecond: number;
}
