/**
 * The worker-thread side of a background run, served by the engine's row worker (emWorker.ts,
 * bundled to out/engine/worker.cjs, so the app ships one worker bundle for row-parallel work). A
 * worker owns the mixtures of one band of pixels for the whole run; per frame it reads the shared
 * frame, updates its band and writes the band's mask (and background estimate when asked) into
 * shared memory, so no pixel is copied between threads.
 */
import {
  backgroundEstimate,
  createBackgroundState,
  updateBackground,
  type BackgroundState,
} from '../../../shared/engine/background/mog2';
import type { BandInit, BandReply, BandRequest } from './messages';

let band: {
  init: BandInit;
  state: BackgroundState;
  frame: Uint8Array;
  mask: Uint8Array;
  estimate: Uint8Array;
} | null = null;

export const isBandRequest = (message: { type: string }): message is BandRequest =>
  message.type === 'band-init' || message.type === 'band-frame';

export function runBandRequest(message: BandRequest): BandReply {
  try {
    if (message.type === 'band-init') {
      band = {
        init: message,
        state: createBackgroundState(message.end - message.start, message.channels, message.components),
        frame: new Uint8Array(message.frame),
        mask: new Uint8Array(message.mask),
        estimate: new Uint8Array(message.estimate),
      };
    } else {
      if (!band) throw new Error('frame before init');
      const { init, state } = band;
      const n = init.end - init.start;
      updateBackground(state, band.frame, init.start, 0, n, message.params, band.mask);
      if (message.estimate)
        backgroundEstimate(state, init.start, 0, n, message.params.backgroundRatio, band.estimate);
    }
    return { type: 'done' };
  } catch (err) {
    return { type: 'error', message: err instanceof Error ? err.message : String(err) };
  }
}
