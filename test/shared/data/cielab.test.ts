import { describe, expect, it } from 'vitest';
import { labToSrgbBytes, srgbToLab } from '../../../shared/data/cielab';

describe('labToSrgbBytes', () => {
  it('inverts srgbToLab: every byte colour on a lattice (and the greys) comes back exactly', () => {
    const lab = new Float64Array(3);
    const out = new Uint8ClampedArray(3);
    const levels = [0, 1, 17, 64, 127, 128, 200, 254, 255];
    for (const r of levels)
      for (const g of levels)
        for (const b of levels) {
          srgbToLab(r, g, b, 255, lab, 0);
          labToSrgbBytes(lab[0], lab[1], lab[2], out, 0);
          expect(Array.from(out)).toEqual([r, g, b]);
        }
  });

  it('white is L* 100, black L* 0, and a colour beyond sRGB is clamped channel by channel', () => {
    const out = new Uint8ClampedArray(3);
    labToSrgbBytes(100, 0, 0, out, 0);
    expect(Array.from(out)).toEqual([255, 255, 255]);
    labToSrgbBytes(0, 0, 0, out, 0);
    expect(Array.from(out)).toEqual([0, 0, 0]);
    // L* 100 with a strong yellow b*: red beyond white and blue below 0 (a wrapped byte would be
    // dark red and bright blue).
    labToSrgbBytes(100, 0, 120, out, 0);
    expect(out[0]).toBe(255);
    expect(out[1]).toBeGreaterThan(240);
    expect(out[2]).toBe(0);
  });
});
