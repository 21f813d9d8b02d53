import { describe, expect, it } from 'vitest';
import { CLUSTER_COLORS } from '../../../renderer/src/charts/palette';
import { clusterColours, LABEL_PALETTE, paintLabels } from '../../../shared/export/labelImage';

describe('label image colours', () => {
  it('are the app’s cluster colours, in the same order', () => {
    expect(LABEL_PALETTE).toEqual(CLUSTER_COLORS);
  });

  it('paint each pixel in its cluster’s colour and an unlabelled pixel black', () => {
    const labels = Int32Array.from([1, 0, -1, 17]);
    const colours = clusterColours('palette', 18, labels, [], 255);
    expect(Array.from(paintLabels(labels, colours))).toEqual([
      0xe8, 0x72, 0x0c, 0x3b, 0x7d, 0xd8, 0, 0, 0, 0xe8, 0x72, 0x0c,
    ]);
  });

  it('mean colours average each cluster’s pixels, scaled to bytes; an empty cluster keeps its palette colour', () => {
    const labels = Int32Array.from([0, 0, 1]);
    const grey16 = [Float64Array.from([0, 65535, 13107])];
    const colours = clusterColours('mean', 3, labels, grey16, 65535);
    expect(Array.from(colours)).toEqual([128, 128, 128, 51, 51, 51, 0x2c, 0xa0, 0x2c]);
  });
});
