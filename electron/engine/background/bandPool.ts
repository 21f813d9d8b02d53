/**
 * The background model's pixels split into bands, one per worker thread (bands of whole rows'
 * worth of pixels, in frame order), sharing the frame, mask and estimate buffers. A run with one
 * thread, or where the worker bundle is absent (the engine's sources run by tests), updates in this
 * thread with the same function, so the masks do not depend on the thread count.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  backgroundEstimate,
  createBackgroundState,
  updateBackground,
  type FrameParams,
} from '../../../shared/engine/background/mog2';
import type { BandInit, BandReply } from './messages';

export interface BandPool {
  /** Write the frame's bytes here before `update`. */
  frame: Uint8Array;
  mask: Uint8Array;
  estimate: Uint8Array;
  threads: number;
  update(params: FrameParams, estimate: boolean): Promise<void>;
  dispose(): Promise<void>;
}

/** The engine's row worker, out/engine/worker.cjs, beside the running bundle (engine or CLI), or null. */
export function defaultBackgroundWorkerPath(): string | null {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  const candidates = [path.join(here, 'worker.cjs'), path.join(here, '../engine/worker.cjs')];
  return candidates.find((p) => existsSync(p)) ?? null;
}

export function createBandPool(
  nPixels: number,
  channels: number,
  components: number,
  threads: number,
  workerPath: string | null = defaultBackgroundWorkerPath(),
): BandPool {
  const frameBuffer = new SharedArrayBuffer(nPixels * channels);
  const maskBuffer = new SharedArrayBuffer(nPixels);
  const estimateBuffer = new SharedArrayBuffer(nPixels * channels);
  const frame = new Uint8Array(frameBuffer);
  const mask = new Uint8Array(maskBuffer);
  const estimate = new Uint8Array(estimateBuffer);
  // A band of fewer than 1024 pixels costs more in messages than it saves.
  const bands = Math.max(1, Math.min(threads, Math.ceil(nPixels / 1024)));
  if (bands === 1 || workerPath === null) {
    const state = createBackgroundState(nPixels, channels, components);
    return {
      frame,
      mask,
      estimate,
      threads: 1,
      async update(params, withEstimate) {
        updateBackground(state, frame, 0, 0, nPixels, params, mask);
        if (withEstimate) backgroundEstimate(state, 0, 0, nPixels, params.backgroundRatio, estimate);
      },
      async dispose() {},
    };
  }
  const workers = Array.from({ length: bands }, (_, b) => {
    const worker = new Worker(workerPath);
    const init: BandInit = {
      type: 'band-init',
      frame: frameBuffer,
      mask: maskBuffer,
      estimate: estimateBuffer,
      channels,
      components,
      start: Math.floor((b * nPixels) / bands),
      end: Math.floor(((b + 1) * nPixels) / bands),
    };
    worker.postMessage(init);
    return worker;
  });
  // Every message is answered in order, once: the init's reply is the first awaited.
  const replies = workers.map((w) => nextReply(w));
  const ask = async (message: unknown) => {
    for (const w of workers) w.postMessage(message);
    const answers = await Promise.all(workers.map((w) => nextReply(w)));
    const failed = answers.find((a) => a.type === 'error');
    if (failed && failed.type === 'error') throw new Error(`background worker: ${failed.message}`);
  };
  let ready: Promise<unknown> | null = Promise.all(replies);
  return {
    frame,
    mask,
    estimate,
    threads: bands,
    async update(params, withEstimate) {
      if (ready) {
        await ready;
        ready = null;
      }
      await ask({ type: 'band-frame', params, estimate: withEstimate });
    },
    async dispose() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

function nextReply(worker: Worker): Promise<BandReply> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: BandReply) => {
      worker.off('error', onError);
      resolve(reply);
    };
    const onError = (err: Error) => {
      worker.off('message', onMessage);
      reject(err);
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
  });
}
