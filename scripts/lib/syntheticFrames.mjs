// A synthetic fixed-camera sequence with known foreground, for the background model's tests,
// benchmark and comparison with OpenCV (scripts/background-vs-opencv.py): a textured static
// background with Gaussian sensor noise in every frame, a "flickering" patch that shows one of two
// values at random each frame (leaves, a monitor, water: background that is two-valued), and, after
// a learning period, a square object crossing the scene and back. Ground truth: the object's pixels.
// Deterministic for a seed (mulberry32; Box-Muller normals).

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @param {{width?: number, height?: number, frames?: number, learning?: number, noise?: number,
 *          colour?: boolean, seed?: number}} [o]
 * @returns {{width: number, height: number, channels: 1 | 3, learning: number,
 *            frames: Uint8Array[], truth: Uint8Array[]}} frames: nPixels × channels bytes;
 *          truth: nPixels bytes, 1 where the object is.
 */
export function syntheticSequence(o = {}) {
  const width = o.width ?? 96;
  const height = o.height ?? 72;
  const count = o.frames ?? 150;
  const learning = o.learning ?? 50;
  const noise = o.noise ?? 5;
  const channels = o.colour ? 3 : 1;
  const rand = mulberry32(o.seed ?? 19);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const n = width * height;
  // Background texture: smooth gradients, per channel.
  const base = new Float64Array(n * channels);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      for (let c = 0; c < channels; c++)
        base[(y * width + x) * channels + c] =
          90 + 50 * Math.sin((x + 13 * c) / 11) * Math.cos((y - 7 * c) / 9) + 0.4 * x;
  const flicker = { x0: 6, y0: 6, x1: 30, y1: 26, low: [70, 90, 60], high: [170, 150, 190] };
  const size = 14;
  const row0 = Math.floor(height / 2);
  const objectColour = [235, 40, 220];
  const frames = [];
  const truth = [];
  for (let t = 0; t < count; t++) {
    const frame = new Uint8Array(n * channels);
    const mask = new Uint8Array(n);
    const on = rand() < 0.5;
    // The object enters after the learning period, crossing right and back at 2 pixels a frame.
    let ox = -1;
    if (t >= learning) {
      const span = width - size;
      const s = (2 * (t - learning)) % (2 * span);
      ox = s < span ? s : 2 * span - s;
    }
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const p = y * width + x;
        const inFlicker = x >= flicker.x0 && x < flicker.x1 && y >= flicker.y0 && y < flicker.y1;
        const inObject = ox >= 0 && x >= ox && x < ox + size && y >= row0 && y < row0 + size;
        if (inObject) mask[p] = 1;
        for (let c = 0; c < channels; c++) {
          const clean = inObject
            ? objectColour[c]
            : inFlicker
              ? (on ? flicker.high : flicker.low)[c]
              : base[p * channels + c];
          frame[p * channels + c] = Math.max(0, Math.min(255, Math.round(clean + noise * normal())));
        }
      }
    frames.push(frame);
    truth.push(mask);
  }
  return { width, height, channels, learning, frames, truth };
}

/** Precision, recall and F1 of foreground masks (255 = foreground) against truth (1 = object), over frames ≥ from. */
export function foregroundScore(masks, truth, from) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let t = from; t < truth.length; t++)
    for (let p = 0; p < truth[t].length; p++) {
      const predicted = masks[t][p] === 255;
      const actual = truth[t][p] === 1;
      if (predicted && actual) tp++;
      else if (predicted) fp++;
      else if (actual) fn++;
    }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  return { precision, recall, f1: (2 * precision * recall) / Math.max(1e-12, precision + recall) };
}
