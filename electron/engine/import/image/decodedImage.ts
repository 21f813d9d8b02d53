/**
 * A decoded still image or frame, alpha dropped: `data` holds nPixels × channels samples,
 * row-major from the top-left pixel, channels interleaved (grey, or r g b). Samples are 8-bit
 * (maxValue 255) except 16-bit PNGs (maxValue 65535), kept as stored so that the table holds the
 * file's own numbers.
 */
export interface DecodedImage {
  width: number;
  height: number;
  channels: 1 | 3;
  data: Uint8Array | Uint16Array;
  maxValue: 255 | 65535;
}

/**
 * Keeps channels 0..`keep`-1 of every pixel of interleaved `src` (`from` channels each) — RGBA to RGB,
 * grey+alpha to grey — or, when `keep` is 1 and `from` ≥ 3, the first channel of a grey RGB(A).
 */
export function dropChannels<T extends Uint8Array | Uint16Array>(
  src: T,
  nPixels: number,
  from: number,
  keep: number,
  make: (n: number) => T,
): T {
  if (from === keep) return src;
  const out = make(nPixels * keep);
  for (let p = 0, i = 0, o = 0; p < nPixels; p++, i += from)
    for (let c = 0; c < keep; c++) out[o++] = src[i + c];
  return out;
}
