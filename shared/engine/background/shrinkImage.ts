/**
 * An image shrunk to fit a box by a box filter: each shown pixel is the mean of the block of
 * source pixels it covers (blocks partition the image, so every source pixel counts once). Area
 * averaging keeps a thin moving object visible as a fainter mark where nearest-neighbour sampling
 * would drop it, and turns a mask's blocks into their share of foreground. Never enlarges.
 */

/** The size of a `width × height` image shrunk to fit `maxWidth × maxHeight`, keeping its shape. */
export function fitSize(
  width: number,
  height: number,
  maxWidth: number,
  maxHeight: number,
): { width: number; height: number } {
  const scale = Math.min(1, maxWidth / width, maxHeight / height);
  if (scale === 1) return { width, height };
  return {
    width: Math.min(maxWidth, Math.max(1, Math.round(width * scale))),
    height: Math.min(maxHeight, Math.max(1, Math.round(height * scale))),
  };
}

/**
 * `src`: width × height × channels bytes, row-major, channels interleaved. Returns `to.width ×
 * to.height × channels` bytes (the same array when the size is unchanged).
 */
export function shrinkImage(
  src: Uint8Array,
  width: number,
  height: number,
  channels: number,
  to: { width: number; height: number },
): Uint8Array {
  if (to.width === width && to.height === height) return src;
  const out = new Uint8Array(to.width * to.height * channels);
  const sums = new Float64Array(channels);
  const edge = (i: number, n: number, m: number) => Math.floor((i * n) / m);
  for (let oy = 0; oy < to.height; oy++) {
    const y0 = edge(oy, height, to.height);
    const y1 = Math.max(y0 + 1, edge(oy + 1, height, to.height));
    for (let ox = 0; ox < to.width; ox++) {
      const x0 = edge(ox, width, to.width);
      const x1 = Math.max(x0 + 1, edge(ox + 1, width, to.width));
      sums.fill(0);
      for (let y = y0; y < y1; y++)
        for (let i = (y * width + x0) * channels, end = (y * width + x1) * channels; i < end;)
          for (let c = 0; c < channels; c++) sums[c] += src[i++];
      const count = (y1 - y0) * (x1 - x0);
      const o = (oy * to.width + ox) * channels;
      for (let c = 0; c < channels; c++) out[o + c] = Math.round(sums[c] / count);
    }
  }
  return out;
}
