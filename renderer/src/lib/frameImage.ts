/**
 * The player's images as a canvas takes them: RGBA bytes from the engine's grey or RGB frames.
 * A mask shows foreground white on black (a shrunk pixel grey by its share of foreground).
 */

/** `data`: nPixels × channels (1 grey, 3 r g b). Returns nPixels × 4, opaque. */
export function toRgba(data: Uint8Array, channels: number): Uint8ClampedArray<ArrayBuffer> {
  const n = data.length / channels;
  const out = new Uint8ClampedArray(n * 4);
  for (let p = 0, i = 0, o = 0; p < n; p++, i += channels, o += 4) {
    const r = data[i];
    out[o] = r;
    out[o + 1] = channels === 3 ? data[i + 1] : r;
    out[o + 2] = channels === 3 ? data[i + 2] : r;
    out[o + 3] = 255;
  }
  return out;
}

/** The display box for a player of `width` CSS pixels showing three images side by side. */
export function frameBox(
  panelWidth: number,
  devicePixelRatio: number,
): { maxWidth: number; maxHeight: number } {
  const side = Math.round(Math.min(2048, Math.max(64, ((panelWidth - 32) / 3) * devicePixelRatio)));
  return { maxWidth: side, maxHeight: side };
}
