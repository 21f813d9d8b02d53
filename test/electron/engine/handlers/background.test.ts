/**
 * The `background.frame` engine kind as the app's player uses it: a run through the real engine
 * process, then single frames read back — the frame from its source, the mask and the estimate the
 * run wrote — at full size and shrunk to a display box.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decode, encode } from 'fast-png';
import { EngineClient } from '../../../../electron/main/engineClient';
import { nodeEngineSpawner } from '../../../../electron/main/nodeEngineSpawner';
import type { BackgroundSummary } from '../../../../shared/engine/background/backgroundRequest';
import { syntheticSequence } from '../../../../scripts/lib/syntheticFrames.mjs';
import { enginePath } from '../../../support/paths';

let client: EngineClient;
let tmp: string;
const seq = syntheticSequence({ width: 40, height: 30, frames: 12, learning: 6, colour: true });
let summary: BackgroundSummary;
let dirs: { source: string; masks: string; estimates: string };

beforeAll(async () => {
  client = new EngineClient(nodeEngineSpawner(enginePath));
  tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-frame-view-'));
  dirs = {
    source: path.join(tmp, 'frames'),
    masks: path.join(tmp, 'masks'),
    estimates: path.join(tmp, 'estimates'),
  };
  mkdirSync(dirs.source);
  seq.frames.forEach((data, t) =>
    writeFileSync(
      path.join(dirs.source, `f${t + 1}.png`),
      encode({ width: 40, height: 30, channels: 3, depth: 8, data }),
    ),
  );
  summary = await client.call('background', {
    source: dirs.source,
    out: dirs.masks,
    estimates: dirs.estimates,
    threads: 1,
  });
});
afterAll(() => {
  client.dispose();
  rmSync(tmp, { recursive: true, force: true });
});

const view = (index: number, maxWidth = 640, maxHeight = 480) =>
  client.call('background.frame', {
    ...dirs,
    maskName: summary.masks[index],
    index,
    box: { maxWidth, maxHeight },
  });

describe('background.frame', () => {
  it('serves frame i at full size when it fits: the frame, the run’s mask and estimate, its foreground share', async () => {
    const v = await view(9);
    expect(v).toMatchObject({ index: 9, name: 'f10.png', width: 40, height: 30, channels: 3 });
    expect(v.frame).toEqual(seq.frames[9]);
    const mask = decode(readFileSync(path.join(dirs.masks, 'f10.png')));
    expect(v.mask).toEqual(mask.data);
    expect(v.estimate).toEqual(decode(readFileSync(path.join(dirs.estimates, 'f10.png'))).data);
    expect(v.foregroundFraction).toBeCloseTo(summary.foregroundFraction[9], 12);
  });

  it('shrinks all three to the display box, keeping the shape', async () => {
    const v = await view(9, 20, 20);
    expect([v.width, v.height, v.sourceWidth, v.sourceHeight]).toEqual([20, 15, 40, 30]);
    expect(v.frame).toHaveLength(20 * 15 * 3);
    expect(v.mask).toHaveLength(20 * 15);
    expect(v.estimate).toHaveLength(20 * 15 * 3);
    expect(v.foregroundFraction).toBeCloseTo(summary.foregroundFraction[9], 12);
  });

  it('refuses a display box past the limit, a mask name with a folder and a frame past the end', async () => {
    await expect(view(0, 4096, 100)).rejects.toMatchObject({ code: 'invalid_payload' });
    await expect(
      client.call('background.frame', {
        ...dirs,
        maskName: '../frames/f1.png',
        index: 0,
        box: { maxWidth: 10, maxHeight: 10 },
      }),
    ).rejects.toMatchObject({ code: 'invalid_payload' });
    await expect(
      client.call('background.frame', {
        ...dirs,
        maskName: 'f1.png',
        index: 12,
        box: { maxWidth: 10, maxHeight: 10 },
      }),
    ).rejects.toMatchObject({ code: 'invalid_payload', message: /12 frames; there is no frame 13/ });
  });
});
