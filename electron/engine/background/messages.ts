/** Messages between the background runner and its worker threads (bandWorker.ts). */
import type { FrameParams } from '../../../shared/engine/background/mog2';

export interface BandInit {
  type: 'band-init';
  /** The frame (nPixels × channels bytes), the mask (nPixels) and the estimate (nPixels × channels), shared. */
  frame: SharedArrayBuffer;
  mask: SharedArrayBuffer;
  estimate: SharedArrayBuffer;
  channels: number;
  components: number;
  /** This worker's pixels: [start, end) of the frame. */
  start: number;
  end: number;
}

export interface BandFrame {
  type: 'band-frame';
  params: FrameParams;
  /** Also write the background estimate of the band. */
  estimate: boolean;
}

export type BandRequest = BandInit | BandFrame;
export type BandReply = { type: 'done' } | { type: 'error'; message: string };
