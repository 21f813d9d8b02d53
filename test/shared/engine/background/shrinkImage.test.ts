import { describe, expect, it } from 'vitest';
import { fitSize, shrinkImage } from '../../../../shared/engine/background/shrinkImage';

describe('fitSize', () => {
  it('keeps an image that fits, and never enlarges', () => {
    expect(fitSize(64, 48, 640, 480)).toEqual({ width: 64, height: 48 });
    expect(fitSize(64, 48, 64, 48)).toEqual({ width: 64, height: 48 });
  });
  it('shrinks to the tighter side, keeping the shape', () => {
    expect(fitSize(1920, 1080, 480, 480)).toEqual({ width: 480, height: 270 });
    expect(fitSize(1080, 1920, 480, 480)).toEqual({ width: 270, height: 480 });
  });
  it('keeps at least one pixel a side for a sliver', () => {
    expect(fitSize(10_000, 2, 100, 100)).toEqual({ width: 100, height: 1 });
  });
});

describe('shrinkImage', () => {
  it('returns the image itself when the size is unchanged', () => {
    const src = new Uint8Array([1, 2, 3, 4]);
    expect(shrinkImage(src, 2, 2, 1, { width: 2, height: 2 })).toBe(src);
  });

  it('averages each 2 × 2 block, per channel', () => {
    // 4 × 2 RGB: left block red 0/100/200/100 → 100, right block constant.
    const src = new Uint8Array([
      0, 10, 5, 100, 10, 5, 7, 7, 7, 7, 7, 7, 200, 10, 5, 100, 10, 6, 7, 7, 7, 7, 7, 7,
    ]);
    expect(Array.from(shrinkImage(src, 4, 2, 3, { width: 2, height: 1 }))).toEqual([100, 10, 5, 7, 7, 7]);
  });

  it('turns a mask block into its share of foreground × 255, so a one-pixel object stays visible', () => {
    const mask = new Uint8Array(16);
    mask[5] = 255; // one foreground pixel in the top-left 2 × 2 block... of a 4 × 4 mask
    expect(Array.from(shrinkImage(mask, 4, 4, 1, { width: 2, height: 2 }))).toEqual([64, 0, 0, 0]);
  });

  it('counts every source pixel once when the sizes do not divide (7 → 3)', () => {
    const src = Uint8Array.from({ length: 7 }, (_, i) => i * 10);
    // Blocks [0, 2), [2, 4), [4, 7): means 5, 25, 50.
    expect(Array.from(shrinkImage(src, 7, 1, 1, { width: 3, height: 1 }))).toEqual([5, 25, 50]);
  });
});
