import { describe, expect, it } from 'vitest';
import { displaySize, displaySourcePixels } from '../../../shared/image/displaySample';

describe('displaySize', () => {
  it('keeps a picture that fits and scales a larger one to maxSide, keeping its aspect', () => {
    expect(displaySize(32, 24, 64)).toEqual({ displayWidth: 32, displayHeight: 24 });
    expect(displaySize(4000, 3000, 800)).toEqual({ displayWidth: 800, displayHeight: 600 });
    expect(displaySize(3000, 4000, 800)).toEqual({ displayWidth: 600, displayHeight: 800 });
    // A sliver never rounds to zero pixels.
    expect(displaySize(10_000, 1, 100)).toEqual({ displayWidth: 100, displayHeight: 1 });
  });
});

describe('displaySourcePixels', () => {
  it('is the identity at full size', () => {
    expect(Array.from(displaySourcePixels(3, 2, 3, 2))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('picks the pixel under each display pixel’s centre when halving', () => {
    // 4 × 4 → 2 × 2: centres at source (1, 1), (3, 1), (1, 3), (3, 3).
    expect(Array.from(displaySourcePixels(4, 4, 2, 2))).toEqual([5, 7, 13, 15]);
  });

  it('stays inside the image for any ratio', () => {
    const src = displaySourcePixels(7, 5, 3, 2);
    expect(Math.max(...src)).toBeLessThan(35);
    expect(src).toHaveLength(6);
  });
});
