/**
 * The Segmentation view's pictures on the display grid (./displaySample.ts): each display pixel's
 * cluster, the label image painted from it, and the uncertainty overlay. RGBA bytes in ImageData's
 * layout (displayWidth × displayHeight × 4, row-major from the top-left).
 *
 * Shapes: D display pixels, N image pixels (= dataset rows), n fitted rows, K components.
 */
import { clusterColours } from '../export/labelImage';

/**
 * D: the cluster of the pixel shown at each display pixel, −1 where the fit left that pixel out.
 * `source` (D) is displaySourcePixels, `fittedRowOf` (N) the fitted row of each pixel (−1 = left
 * out), `labels` (n) each fitted row's component.
 */
export function displayLabels(source: Uint32Array, fittedRowOf: Int32Array, labels: Int32Array): Int32Array {
  const out = new Int32Array(source.length);
  for (let i = 0; i < source.length; i++) {
    const row = fittedRowOf[source[i]];
    out[i] = row >= 0 ? labels[row] : -1;
  }
  return out;
}

/**
 * K × 3 bytes: 'palette', the app's cluster colours; 'mean', each cluster's mean colour over the
 * display sample (colour quantisation; at full size that is every pixel, as the PNG export has it).
 */
export function labelColoursOf(
  mode: 'palette' | 'mean',
  nComponents: number,
  labelsShown: Int32Array,
  picture: Uint8ClampedArray,
): Uint8Array {
  const channels = [0, 1, 2].map((c) => {
    const values = new Float64Array(labelsShown.length);
    for (let i = 0; i < values.length; i++) values[i] = picture[i * 4 + c];
    return values;
  });
  return clusterColours(mode, nComponents, labelsShown, channels, 255);
}

/** D × 4: each display pixel in its cluster's colour; transparent where it has no label. */
export function paintLabelPicture(labelsShown: Int32Array, colours: Uint8Array): Uint8ClampedArray {
  const out = new Uint8ClampedArray(labelsShown.length * 4);
  for (let i = 0; i < labelsShown.length; i++) {
    const k = labelsShown[i];
    if (k < 0) continue;
    out[i * 4] = colours[k * 3];
    out[i * 4 + 1] = colours[k * 3 + 1];
    out[i * 4 + 2] = colours[k * 3 + 2];
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** The overlay's colour: a saturated yellow, distinct from dark and light pictures alike. */
export const UNCERTAINTY_RGB = [255, 214, 0] as const;

/**
 * D × 4: the uncertainty u = 1 − max_k resp_k of the pixel shown at each display pixel as the
 * overlay's opacity, scaled by its largest possible value 1 − 1/K (every component equally likely),
 * so a pixel the model cannot place is opaque and a certain one clear. `certainty` (n) is each fitted
 * row's max_k resp_k.
 */
export function paintUncertainty(
  source: Uint32Array,
  fittedRowOf: Int32Array,
  certainty: Float64Array,
  nComponents: number,
): Uint8ClampedArray {
  const out = new Uint8ClampedArray(source.length * 4);
  const most = nComponents > 1 ? 1 - 1 / nComponents : 1;
  for (let i = 0; i < source.length; i++) {
    const row = fittedRowOf[source[i]];
    if (row < 0) continue;
    out[i * 4] = UNCERTAINTY_RGB[0];
    out[i * 4 + 1] = UNCERTAINTY_RGB[1];
    out[i * 4 + 2] = UNCERTAINTY_RGB[2];
    out[i * 4 + 3] = Math.round((255 * Math.min(1, Math.max(0, 1 - certainty[row]))) / most);
  }
  return out;
}
