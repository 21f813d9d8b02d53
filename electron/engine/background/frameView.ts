/**
 * One frame of a finished background run as the player shows it (engine kind `background.frame`):
 * the frame read again from its source, its mask and background estimate read back from the PNGs
 * the run wrote, all three shrunk to the display box (shrinkImage.ts). Only this frame is decoded.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decode } from 'fast-png';
import type { FrameView, FrameViewRequest } from '../../../shared/engine/background/frameViewRequest';
import { fitSize, shrinkImage } from '../../../shared/engine/background/shrinkImage';
import { EngineError, ErrorCodes } from '../../../shared/errors';
import { frameAt } from './frameSource';

/** An 8-bit PNG the run wrote, checked against the frame's size. */
async function readRunImage(file: string, width: number, height: number) {
  const image = decode(await readFile(file));
  if (image.width !== width || image.height !== height || image.depth !== 8 || image.palette)
    throw new EngineError(
      ErrorCodes.InvalidPayload,
      `${path.basename(file)} is not the ${width} × ${height} image this run wrote for the frame.`,
    );
  return { data: image.data as Uint8Array, channels: image.channels };
}

/** Grey spread over three channels, so the frame and the estimate share the estimate's channels. */
function toChannels(data: Uint8Array, from: number, to: number): Uint8Array {
  if (from === to) return data;
  const out = new Uint8Array((data.length / from) * to);
  for (let p = 0; p < data.length; p++) out.fill(data[p], p * to, p * to + to);
  return out;
}

export async function frameView(request: FrameViewRequest): Promise<FrameView> {
  const { frame, name } = await frameAt(request.source, request.index);
  const { width, height } = frame;
  const [mask, estimate] = await Promise.all([
    readRunImage(path.join(request.masks, request.maskName), width, height),
    readRunImage(path.join(request.estimates, request.maskName), width, height),
  ]);
  const channels = estimate.channels === 3 ? 3 : 1;
  const shown = fitSize(width, height, request.box.maxWidth, request.box.maxHeight);
  let foreground = 0;
  for (let p = 0; p < width * height; p++) if (mask.data[p] === 255) foreground++;
  return {
    index: request.index,
    name,
    sourceWidth: width,
    sourceHeight: height,
    ...shown,
    channels,
    frame: shrinkImage(toChannels(frame.data, frame.channels, channels), width, height, channels, shown),
    mask: shrinkImage(mask.data, width, height, 1, shown),
    estimate: shrinkImage(estimate.data, width, height, channels, shown),
    foregroundFraction: foreground / (width * height),
  };
}
