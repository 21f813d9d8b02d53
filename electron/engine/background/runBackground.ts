/**
 * A background run: frames streamed from their source (frameSource.ts) through the per-pixel
 * mixtures on worker threads (bandPool.ts), one mask PNG per frame written as it is made (255
 * foreground, 0 background; a shadow, when detected, is background), with progress per frame and
 * cancellation between frames.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { encode } from 'fast-png';
import { learningRateAt } from '../../../shared/engine/background/backgroundOptions';
import type {
  BackgroundProgress,
  BackgroundSummary,
  ParsedBackgroundRequest,
} from '../../../shared/engine/background/backgroundRequest';
import { SHADOW } from '../../../shared/engine/background/mog2';
import { cancelledError } from '../../../shared/errors';
import { createBandPool, type BandPool } from './bandPool';
import { openFrames } from './frameSource';

export interface BackgroundContext {
  signal: AbortSignal;
  progress(progress: BackgroundProgress, force?: boolean): void;
  /** The worker bundle; default beside the running one (bandPool.ts). */
  workerPath?: string | null;
}

const png = (width: number, height: number, channels: number, data: Uint8Array) =>
  encode({ width, height, channels, depth: 8, data });

export async function runBackground(
  request: ParsedBackgroundRequest,
  ctx: BackgroundContext,
): Promise<BackgroundSummary> {
  const started = performance.now();
  const { options } = request;
  const source = await openFrames(request.source);
  await mkdir(request.out, { recursive: true });
  if (request.estimates) await mkdir(request.estimates, { recursive: true });
  const threads = request.threads ?? Math.min(8, availableParallelism());
  let pool: BandPool | null = null;
  let shape = { width: 0, height: 0, channels: 1 };
  const masks: string[] = [];
  const foregroundFraction: number[] = [];
  const shadowPixels: number[] = [];
  try {
    let n = 0;
    for await (const frame of source.frames()) {
      if (ctx.signal.aborted) throw cancelledError('background run');
      const nPixels = frame.width * frame.height;
      if (!pool) {
        shape = { width: frame.width, height: frame.height, channels: frame.channels };
        pool =
          ctx.workerPath === undefined
            ? createBandPool(nPixels, frame.channels, options.components, threads)
            : createBandPool(nPixels, frame.channels, options.components, threads, ctx.workerPath);
      }
      if (frame.channels === shape.channels) pool.frame.set(frame.data);
      else for (let p = 0; p < nPixels; p++) pool.frame.fill(frame.data[p], p * 3, p * 3 + 3);
      n++;
      await pool.update({ ...options, alpha: learningRateAt(options, n) }, request.estimates !== undefined);
      let foreground = 0;
      let shadows = 0;
      const mask = new Uint8Array(nPixels);
      for (let p = 0; p < nPixels; p++) {
        const m = pool.mask[p];
        if (m === 255) {
          foreground++;
          mask[p] = 255;
        } else if (m === SHADOW) shadows++;
      }
      await writeFile(path.join(request.out, frame.maskName), png(frame.width, frame.height, 1, mask));
      if (request.estimates)
        await writeFile(
          path.join(request.estimates, frame.maskName),
          png(frame.width, frame.height, shape.channels, pool.estimate.slice()),
        );
      masks.push(frame.maskName);
      foregroundFraction.push(foreground / nPixels);
      shadowPixels.push(shadows);
      ctx.progress({ frame: n, frames: source.count });
    }
  } finally {
    await pool?.dispose();
  }
  ctx.progress({ frame: masks.length, frames: source.count }, true);
  const seconds = (performance.now() - started) / 1000;
  return {
    source: request.source,
    out: request.out,
    frames: masks.length,
    ...shape,
    threads: pool?.threads ?? 1,
    options,
    masks,
    foregroundFraction,
    shadowPixels,
    seconds,
    pixelsPerSecond: (masks.length * shape.width * shape.height) / seconds,
  };
}
