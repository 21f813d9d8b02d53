import { describe, expect, it } from 'vitest';
import {
  BACKGROUND_DEFAULTS,
  backgroundOptionsSchema,
  learningRateAt,
} from '../../../../shared/engine/background/backgroundOptions';
import {
  SHADOW,
  backgroundEstimate,
  createBackgroundState,
  updateBackground,
} from '../../../../shared/engine/background/mog2';
// The synthetic sequence and its scoring are shared with the benchmark and the OpenCV comparison.
import { foregroundScore, syntheticSequence } from '../../../../scripts/lib/syntheticFrames.mjs';

const options = backgroundOptionsSchema.parse({});

/** Feeds one pixel's values (C channels each) through a fresh model; returns each frame's mask byte. */
function stream(values: number[][], overrides: Partial<typeof options> = {}) {
  const o = { ...options, ...overrides };
  const C = values[0].length;
  const s = createBackgroundState(1, C, o.components);
  const mask = new Uint8Array(1);
  const out: number[] = [];
  values.forEach((v, t) => {
    updateBackground(s, Uint8Array.from(v), 0, 0, 1, { ...o, alpha: learningRateAt(o, t + 1) }, mask);
    out.push(mask[0]);
  });
  return { out, s };
}

describe('the per-pixel background mixture (Zivkovic 2006, OpenCV MOG2 rules)', () => {
  it('learns a steady value as background, and calls a far value foreground', () => {
    const noisy = Array.from({ length: 60 }, (_, t) => [100 + ((t * 7) % 5) - 2]);
    const { out } = stream([...noisy, [200], [101]], { shadows: false });
    expect(out[0]).toBe(255); // nothing is known about the first frame
    expect(out.slice(5, 60).every((m) => m === 0)).toBe(true);
    expect(out[60]).toBe(255);
    expect(out[61]).toBe(0);
  });

  it('keeps both values of a flickering pixel as background once both are frequent', () => {
    const flicker = Array.from({ length: 200 }, (_, t) => [t % 3 === 0 ? 60 : 180]);
    const { out, s } = stream(flicker);
    expect(out.slice(100).every((m) => m === 0)).toBe(true);
    expect(s.used[0]).toBe(2);
  });

  it('keeps weights sorted heaviest first, summing to 1 but for a replaced Gaussian’s, and at most K', () => {
    const values = Array.from({ length: 300 }, (_, t) => [(t * 53) % 256]);
    const { s } = stream(values, { components: 3 });
    const n = s.used[0];
    expect(n).toBeLessThanOrEqual(3);
    const w = Array.from(s.weights.subarray(0, n));
    // Replacing the lightest of K Gaussians does not renormalise (OpenCV's rule): the sum loses its weight.
    const sum = w.reduce((a, b) => a + b, 0);
    expect(sum).toBeLessThanOrEqual(1 + 1e-6);
    expect(sum).toBeGreaterThan(0.99);
    expect(w).toEqual([...w].sort((a, b) => b - a));
  });

  it('marks a darker copy of the background as shadow, and as foreground without shadow detection', () => {
    const bright = Array.from({ length: 60 }, () => [200, 160, 120]);
    const dark = [120, 96, 72]; // 0.6 × the background: a shadow for τ = 0.5
    expect(stream([...bright, dark]).out[60]).toBe(SHADOW);
    expect(stream([...bright, dark], { shadows: false }).out[60]).toBe(255);
    expect(stream([...bright, [60, 48, 36]]).out[60]).toBe(255); // 0.3 ×: too dark for a shadow
  });

  it('estimates the background as the background Gaussians’ weighted mean', () => {
    const { s } = stream(Array.from({ length: 80 }, () => [30, 140, 250]));
    const out = new Uint8Array(3);
    backgroundEstimate(s, 0, 0, 1, options.backgroundRatio, out);
    expect(Array.from(out)).toEqual([30, 140, 250]);
  });

  it('documents OpenCV’s defaults and learning-rate schedule', () => {
    expect(BACKGROUND_DEFAULTS).toMatchObject({
      components: 5,
      history: 500,
      threshold: 16,
      backgroundRatio: 0.9,
    });
    expect([1, 2, 250, 251, 1000].map((n) => learningRateAt(options, n))).toEqual([
      1 / 2,
      1 / 4,
      1 / 500,
      1 / 500,
      1 / 500,
    ]);
    expect(learningRateAt({ learningRate: 0.01, history: 500 }, 1)).toBe(1 / 2);
    expect(learningRateAt({ learningRate: 0.01, history: 500 }, 2)).toBe(0.01);
  });
});

describe('foreground found in a synthetic sequence (noise, a flickering patch, a moving object)', () => {
  for (const colour of [false, true]) {
    it(`${colour ? 'colour' : 'grey'}: F1 ≥ 0.99 against the ground truth after the learning period`, () => {
      const seq = syntheticSequence({ colour });
      const n = seq.width * seq.height;
      const s = createBackgroundState(n, seq.channels, options.components);
      const masks = seq.frames.map((frame: Uint8Array, t: number) => {
        const mask = new Uint8Array(n);
        updateBackground(s, frame, 0, 0, n, { ...options, alpha: learningRateAt(options, t + 1) }, mask);
        return mask;
      });
      const score = foregroundScore(masks, seq.truth, seq.learning);
      expect(score.f1).toBeGreaterThanOrEqual(0.99);
      expect(score.precision).toBeGreaterThanOrEqual(0.99);
      expect(score.recall).toBeGreaterThanOrEqual(0.99);
    });
  }
});
