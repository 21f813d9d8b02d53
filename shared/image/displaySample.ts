/**
 * The picture of an image dataset at display size: the engine sends it (request `dataset.imagePixels`),
 * the renderer paints the label image and the uncertainty on the same grid. Both sides pick the same
 * source pixel for each display pixel with `displaySourcePixels`, so the label of a display pixel is
 * the fitted label of the very pixel shown — nearest-neighbour sampling at each display pixel's
 * centre, which never blends two clusters' colours into a colour neither has.
 */

/** The longest side the engine will send; the view asks for at most this. */
export const MAX_DISPLAY_SIDE = 1024;

export interface ImagePixelsRequest {
  datasetId: string;
  /** The longest side wanted, 1..MAX_DISPLAY_SIDE; a smaller image is sent at its own size. */
  maxSide: number;
}

export interface ImagePixelsResult {
  /** The image's size (its pixel count = the dataset's rows). */
  width: number;
  height: number;
  displayWidth: number;
  displayHeight: number;
  /** displayWidth × displayHeight × 4 bytes, RGBA row-major from the top-left: ImageData's layout. */
  rgba: Uint8ClampedArray;
}

/** The display size of a width × height picture whose longest side may be at most maxSide. */
export function displaySize(
  width: number,
  height: number,
  maxSide: number,
): { displayWidth: number; displayHeight: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return {
    displayWidth: Math.max(1, Math.round(width * scale)),
    displayHeight: Math.max(1, Math.round(height * scale)),
  };
}

/**
 * The source pixel (row-major index into the width × height image) shown at each display pixel,
 * displayWidth × displayHeight, row-major: the pixel under the display pixel's centre.
 */
export function displaySourcePixels(
  width: number,
  height: number,
  displayWidth: number,
  displayHeight: number,
): Uint32Array {
  const out = new Uint32Array(displayWidth * displayHeight);
  const cols = new Uint32Array(displayWidth);
  for (let dx = 0; dx < displayWidth; dx++)
    cols[dx] = Math.min(width - 1, Math.floor(((dx + 0.5) * width) / displayWidth));
  for (let dy = 0; dy < displayHeight; dy++) {
    const sy = Math.min(height - 1, Math.floor(((dy + 0.5) * height) / displayHeight));
    for (let dx = 0; dx < displayWidth; dx++) out[dy * displayWidth + dx] = sy * width + cols[dx];
  }
  return out;
}
