import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GifWriter } from 'omggif';
import { frameAt, openFrames, type Frame } from '../../../../electron/engine/background/frameSource';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-frames-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A 4 × 3 GIF of two frames drawn with palette indices 0..3 over `palette` (0xRRGGBB). */
function writeGif(name: string, palette: number[]): { file: string; indices: number[][] } {
  const indices = [
    [0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3],
    [3, 2, 1, 0, 3, 2, 1, 0, 3, 2, 1, 0],
  ];
  const bytes = new Uint8Array(4096);
  const gif = new GifWriter(bytes, 4, 3, { palette, loop: 0 });
  for (const frame of indices) gif.addFrame(0, 0, 4, 3, frame, { delay: 4 });
  const file = path.join(tmp, name);
  writeFileSync(file, bytes.subarray(0, gif.end()));
  return { file, indices };
}

async function readAll(file: string): Promise<Frame[]> {
  const frames: Frame[] = [];
  for await (const frame of (await openFrames(file)).frames()) frames.push(frame);
  return frames;
}

const grey = (v: number) => (v << 16) | (v << 8) | v;

describe('openFrames on an animated GIF', () => {
  it('reads a GIF whose palette is all grey as grey frames: one channel, the palette values', async () => {
    const levels = [0, 40, 200, 255];
    const { file, indices } = writeGif('grey.gif', levels.map(grey));
    const frames = await readAll(file);
    expect(frames.map((f) => [f.width, f.height, f.channels, f.maskName])).toEqual([
      [4, 3, 1, 'grey_00001.png'],
      [4, 3, 1, 'grey_00002.png'],
    ]);
    frames.forEach((f, t) => expect(Array.from(f.data)).toEqual(indices[t].map((i) => levels[i])));
  });

  it('keeps three channels when a single palette entry has colour', async () => {
    const { file, indices } = writeGif('tinted.gif', [grey(0), grey(40), 0xc8c8c9, grey(255)]);
    const frames = await readAll(file);
    expect(frames.map((f) => f.channels)).toEqual([3, 3]);
    const rgb = [
      [0, 0, 0],
      [40, 40, 40],
      [200, 200, 201],
      [255, 255, 255],
    ];
    expect(Array.from(frames[0].data)).toEqual(indices[0].flatMap((i) => rgb[i]));
  });
});

describe('frameAt', () => {
  it('reads one frame of a GIF, composed in turn, named after the GIF and its number', async () => {
    const levels = [0, 40, 200, 255];
    const { file, indices } = writeGif('one.gif', levels.map(grey));
    const { frame, name } = await frameAt(file, 1);
    expect(name).toBe('one_00002');
    expect(Array.from(frame.data)).toEqual(indices[1].map((i) => levels[i]));
    await expect(frameAt(file, 2)).rejects.toMatchObject({ code: 'invalid_payload' });
  });
});
