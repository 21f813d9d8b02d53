import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decode, encode } from 'fast-png';
import { GifWriter } from 'omggif';
import { runMixlab, runMixlabJson } from '../support/mixlabCli';
import { foregroundScore, syntheticSequence } from '../../scripts/lib/syntheticFrames.mjs';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-background-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SIZE = { width: 96, height: 72, frames: 120, learning: 50 };

function writeFrames(dir: string, colour: boolean) {
  const seq = syntheticSequence({ ...SIZE, colour });
  mkdirSync(dir, { recursive: true });
  // Names whose numbers are not zero-padded: frame10 must come after frame9.
  seq.frames.forEach((data, t) =>
    writeFileSync(
      path.join(dir, `frame${t + 1}.png`),
      encode({ width: seq.width, height: seq.height, channels: seq.channels, depth: 8, data }),
    ),
  );
  return seq;
}

const readMask = (file: string) => decode(readFileSync(file)).data as Uint8Array;

describe('mixlab background on a synthetic sequence (sensor noise, a flickering patch, a moving object)', () => {
  for (const colour of [false, true]) {
    it(`${colour ? 'colour' : 'grey'}: one 255/0 mask per frame, named after it; F1 ≥ 0.99 after the learning period`, () => {
      const frames = path.join(tmp, `frames-${colour}`);
      const out = path.join(tmp, `masks-${colour}`);
      const seq = writeFrames(frames, colour);
      const { status, json } = runMixlabJson(['background', frames, '--out', out]);
      expect(status).toBe(0);
      expect(json).toMatchObject({ frames: 120, width: 96, height: 72, channels: colour ? 3 : 1 });
      expect(json.masks.slice(8, 11)).toEqual(['frame9.png', 'frame10.png', 'frame11.png']);
      expect(readdirSync(out).sort()).toEqual([...json.masks].sort());
      const masks = json.masks.map((m: string) => readMask(path.join(out, m)));
      expect(
        masks.every((m: Uint8Array) => m.length === 96 * 72 && m.every((v) => v === 0 || v === 255)),
      ).toBe(true);
      const score = foregroundScore(masks, seq.truth, seq.learning);
      expect(score.f1).toBeGreaterThanOrEqual(0.99);
      expect(json.foreground_fraction).toHaveLength(120);
      expect(json.pixels_per_second).toBeGreaterThan(0);
    });
  }

  it('writes the same masks with one thread and with several', () => {
    const frames = path.join(tmp, 'frames-false');
    const one = runMixlabJson(['background', frames, '--out', path.join(tmp, 'one'), '--threads', '1']);
    const three = runMixlabJson(['background', frames, '--out', path.join(tmp, 'three'), '--threads', '3']);
    expect(one.json.threads).toBe(1);
    expect(three.json.threads).toBe(3);
    for (const m of one.json.masks)
      expect(readMask(path.join(tmp, 'three', m))).toEqual(readMask(path.join(tmp, 'one', m)));
  });

  it('reads an animated grey GIF frame by frame as grey, and writes background estimates when asked', () => {
    const seq = syntheticSequence({ ...SIZE, frames: 70, learning: 50 });
    const bytes = new Uint8Array(seq.width * seq.height * seq.frames.length + 100_000);
    const palette = Array.from({ length: 256 }, (_, i) => (i << 16) | (i << 8) | i);
    const gif = new GifWriter(bytes, seq.width, seq.height, { palette, loop: 0 });
    for (const frame of seq.frames)
      gif.addFrame(0, 0, seq.width, seq.height, Array.from(frame), { delay: 4 });
    const file = path.join(tmp, 'walk.gif');
    writeFileSync(file, bytes.subarray(0, gif.end()));
    const estimates = path.join(tmp, 'estimates');
    const { status, json } = runMixlabJson([
      'background',
      file,
      '--out',
      path.join(tmp, 'gif'),
      '--estimates',
      estimates,
    ]);
    expect(status).toBe(0);
    expect(json.frames).toBe(70);
    // A GIF whose palette is all grey is modelled as grey, as the same frames as grey PNGs are.
    expect(json.channels).toBe(1);
    expect(json.masks[0]).toBe('walk_00001.png');
    const last = decode(readFileSync(path.join(estimates, 'walk_00070.png')));
    expect([last.width, last.height, last.channels]).toEqual([96, 72, 1]);
    const masks = json.masks.map((m: string) => readMask(path.join(tmp, 'gif', m)));
    expect(foregroundScore(masks, seq.truth, seq.learning).f1).toBeGreaterThanOrEqual(0.99);
    // The very masks of the same frames read from grey PNGs.
    const folder = path.join(tmp, 'gif-as-pngs');
    mkdirSync(folder);
    seq.frames.forEach((data, t) =>
      writeFileSync(
        path.join(folder, `walk_${String(t + 1).padStart(5, '0')}.png`),
        encode({ width: seq.width, height: seq.height, channels: 1, depth: 8, data }),
      ),
    );
    const pngs = runMixlabJson(['background', folder, '--out', path.join(tmp, 'gif-pngs-out')]);
    expect(pngs.json.channels).toBe(1);
    for (const [i, m] of pngs.json.masks.entries())
      expect(readMask(path.join(tmp, 'gif-pngs-out', m))).toEqual(masks[i]);
  });

  it('refuses a folder without frames, frames of another size and a missing source, with exit 2', () => {
    const empty = path.join(tmp, 'empty');
    mkdirSync(empty);
    writeFileSync(path.join(empty, 'notes.txt'), 'no frames here');
    const none = runMixlabJson(['background', empty, '--out', path.join(tmp, 'x')]);
    expect([none.status, none.json.error.code]).toEqual([2, 'no_frames']);

    const mixed = path.join(tmp, 'mixed');
    mkdirSync(mixed);
    writeFileSync(
      path.join(mixed, 'a.png'),
      encode({ width: 4, height: 4, channels: 1, depth: 8, data: new Uint8Array(16) }),
    );
    writeFileSync(
      path.join(mixed, 'b.png'),
      encode({ width: 5, height: 4, channels: 1, depth: 8, data: new Uint8Array(20) }),
    );
    const mismatch = runMixlabJson(['background', mixed, '--out', path.join(tmp, 'y')]);
    expect([mismatch.status, mismatch.json.error.code]).toEqual([2, 'frame_mismatch']);
    expect(mismatch.json.error.message).toMatch(/Frame b is 5 × 4 pixels; the first frame is 4 × 4/);

    const missing = runMixlabJson(['background', path.join(tmp, 'nowhere'), '--out', path.join(tmp, 'z')]);
    expect([missing.status, missing.json.error.code]).toEqual([2, 'file_not_found']);

    const bad = runMixlab(['background', empty, '--out', path.join(tmp, 'w'), '--learning-rate', '2']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--learning-rate/);
  });
});
