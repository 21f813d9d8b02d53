import { describe, expect, it } from 'vitest';
import {
  displayLabels,
  labelColoursOf,
  paintLabelPicture,
  paintUncertainty,
  UNCERTAINTY_RGB,
} from '../../../shared/image/labelPicture';
import { LABEL_PALETTE } from '../../../shared/export/labelImage';

const hexRgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

// A 2 × 2 image shown whole; pixel 2 was left out of the fit, so fitted rows are pixels 0, 1, 3.
const source = Uint32Array.from([0, 1, 2, 3]);
const fittedRowOf = Int32Array.from([0, 1, -1, 2]);
const labels = Int32Array.from([1, 0, 1]);

describe('labelPicture', () => {
  it('labels each display pixel with its source pixel’s fitted label, −1 where the fit left it out', () => {
    expect(Array.from(displayLabels(source, fittedRowOf, labels))).toEqual([1, 0, -1, 1]);
    // A downsampled grid repeats the chosen source pixels.
    expect(Array.from(displayLabels(Uint32Array.from([3, 3]), fittedRowOf, labels))).toEqual([1, 1]);
  });

  it('paints the palette colours, transparent where there is no label', () => {
    const shown = displayLabels(source, fittedRowOf, labels);
    const colours = labelColoursOf('palette', 2, shown, new Uint8ClampedArray(16));
    const rgba = paintLabelPicture(shown, colours);
    expect(Array.from(rgba.slice(0, 4))).toEqual([...hexRgb(LABEL_PALETTE[1]), 255]);
    expect(Array.from(rgba.slice(4, 8))).toEqual([...hexRgb(LABEL_PALETTE[0]), 255]);
    expect(Array.from(rgba.slice(8, 12))).toEqual([0, 0, 0, 0]);
  });

  it('mean colours are the rounded mean of each cluster’s shown pixels', () => {
    const shown = displayLabels(source, fittedRowOf, labels);
    // Cluster 1 holds pixels 0 and 3: (10, 20, 30) and (21, 40, 50) → (16, 30, 40) rounded half up.
    const picture = Uint8ClampedArray.from([10, 20, 30, 255, 200, 0, 0, 255, 9, 9, 9, 255, 21, 40, 50, 255]);
    const colours = labelColoursOf('mean', 2, shown, picture);
    expect(Array.from(colours)).toEqual([200, 0, 0, 16, 30, 40]);
  });

  it('uncertainty: opacity (1 − max resp) / (1 − 1/K), clear for a certain pixel, none where left out', () => {
    const certainty = Float64Array.from([1, 0.5, 0.75]);
    const rgba = paintUncertainty(source, fittedRowOf, certainty, 2);
    expect(Array.from(rgba.slice(0, 4))).toEqual([...UNCERTAINTY_RGB, 0]);
    expect(Array.from(rgba.slice(4, 8))).toEqual([...UNCERTAINTY_RGB, 255]);
    expect(rgba[11]).toBe(0);
    expect(rgba[15]).toBe(Math.round((255 * 0.25) / 0.5));
    // With three components, 1/3 certainty is the most uncertain a pixel can be.
    const three = paintUncertainty(
      Uint32Array.from([0]),
      Int32Array.from([0]),
      Float64Array.from([1 / 3]),
      3,
    );
    expect(three[3]).toBe(255);
  });
});
