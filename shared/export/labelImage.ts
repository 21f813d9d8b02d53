/**
 * The label image of an image dataset: every pixel painted with its cluster's colour, as RGB bytes
 * (nPixels × 3, row-major from the top-left). Pixels the model left unlabelled (none, for a fit on
 * the image's own columns) are black.
 */
import type { LabelColours } from './labelExport';

/**
 * The app's cluster colours, in order (renderer/src/charts/palette.ts, which explains the choice;
 * labelImage.test.ts checks the two lists agree). Past 16 clusters they repeat.
 */
export const LABEL_PALETTE: readonly string[] = [
  '#3b7dd8',
  '#e8720c',
  '#2ca02c',
  '#d62f4b',
  '#9467bd',
  '#0f9b9b',
  '#f20dad',
  '#817131',
  '#8f9c16',
  '#3b759b',
  '#d47a54',
  '#ad0df2',
  '#318149',
  '#c4648a',
  '#0d69f2',
  '#f20d0d',
];

const hexRgb = (hex: string): [number, number, number] => [
  parseInt(hex.slice(1, 3), 16),
  parseInt(hex.slice(3, 5), 16),
  parseInt(hex.slice(5, 7), 16),
];

/**
 * Cluster colours, K × 3 bytes. 'mean': the rounded mean of each cluster's pixels in `colour`
 * (1 or 3 columns of sample values, 0..maxValue, scaled to bytes); a cluster with no pixel keeps
 * its palette colour.
 */
export function clusterColours(
  mode: LabelColours,
  nComponents: number,
  pixelLabels: Int32Array,
  colour: readonly Float64Array[],
  maxValue: number,
): Uint8Array {
  const out = new Uint8Array(nComponents * 3);
  for (let k = 0; k < nComponents; k++) out.set(hexRgb(LABEL_PALETTE[k % LABEL_PALETTE.length]), k * 3);
  if (mode !== 'mean' || colour.length === 0) return out;
  const sums = new Float64Array(nComponents * colour.length);
  const counts = new Float64Array(nComponents);
  for (let p = 0; p < pixelLabels.length; p++) {
    const k = pixelLabels[p];
    if (k < 0) continue;
    counts[k]++;
    for (let c = 0; c < colour.length; c++) sums[k * colour.length + c] += colour[c][p];
  }
  const scale = 255 / maxValue;
  for (let k = 0; k < nComponents; k++) {
    if (counts[k] === 0) continue;
    for (let c = 0; c < 3; c++) {
      const channel = colour.length === 1 ? 0 : c;
      out[k * 3 + c] = Math.round((sums[k * colour.length + channel] / counts[k]) * scale);
    }
  }
  return out;
}

/** RGB bytes of the label image: pixel p in colours[pixelLabels[p]], black where the label is −1. */
export function paintLabels(pixelLabels: Int32Array, colours: Uint8Array): Uint8Array {
  const rgb = new Uint8Array(pixelLabels.length * 3);
  for (let p = 0; p < pixelLabels.length; p++) {
    const k = pixelLabels[p];
    if (k >= 0) rgb.set(colours.subarray(k * 3, k * 3 + 3), p * 3);
  }
  return rgb;
}
