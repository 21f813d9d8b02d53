/**
 * JPEG and WebP through the reference C libraries compiled to WebAssembly (Squoosh's builds as
 * packaged by @jsquash): mozjpeg's decoder is libjpeg-turbo's (accurate integer IDCT, "fancy"
 * triangle upsampling of subsampled chroma), so a JPEG's pixels are exactly those Pillow, OpenCV
 * and scikit-image read — a JavaScript JPEG decoder upsamples by repetition and differs by up to
 * 77 levels on 4:2:0 photographs — and libwebp is the only WebP decoder of its quality. WebAssembly
 * runs in Node and Electron's utility process alike and is bundled into the engine (no native
 * module, no node_modules); each module is compiled once per process from bytes the bundler embeds.
 */
import * as jpegCodec from '@jsquash/jpeg/decode.js';
import jpegWasm from '@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm';
import * as webpCodec from '@jsquash/webp/decode.js';
import webpWasm from '@jsquash/webp/codec/dec/webp_dec.wasm';
import { wasmApi, type WasmModule } from '../../wasm/webAssembly';
import { dropChannels, type DecodedImage } from './decodedImage';
import { rejectImageInvalid } from './imageRefusals';

/** The packages' own types name the DOM's ImageData and omit init's module argument. */
interface SquooshDecoder {
  init(module: WasmModule): Promise<void>;
  default(buffer: ArrayBuffer): Promise<{ width: number; height: number; data: Uint8ClampedArray }>;
}

function decoder(type: string, codec: unknown, wasm: Uint8Array) {
  const { init, default: decode } = codec as SquooshDecoder;
  let ready: Promise<void> | null = null;
  /** RGBA from the library, to `channels` (1: the first of a grey image's equal three). */
  return async (bytes: Uint8Array, channels: 1 | 3): Promise<DecodedImage> => {
    if (!wasmApi) throw rejectImageInvalid(type, 'this runtime has no WebAssembly to run the decoder');
    ready ??= init(new wasmApi.Module(wasm));
    await ready;
    let image: { width: number; height: number; data: Uint8ClampedArray };
    try {
      // The library reads an ArrayBuffer of exactly the file.
      image = await decode(bytes.slice().buffer);
    } catch (err) {
      const why = err instanceof Error && err.message !== 'Decoding error' ? `: ${err.message}` : '';
      throw rejectImageInvalid(type, `the decoder could not read it (corrupt or truncated data${why})`);
    }
    const n = image.width * image.height;
    const rgba = new Uint8Array(image.data.buffer, image.data.byteOffset, n * 4);
    return {
      width: image.width,
      height: image.height,
      channels,
      data: dropChannels(rgba, n, 4, channels, (m) => new Uint8Array(m)),
      maxValue: 255,
    };
  };
}

const decodeJpegRgba = decoder('JPEG', jpegCodec, jpegWasm);
export const decodeWebp = decoder('WebP', webpCodec, webpWasm);

/**
 * libjpeg decodes a file cut short as far as it goes and greys the rest (with only a warning), so a
 * JPEG must end its entropy-coded data with the end-of-image marker after its first scan: searched
 * from the end, past any bytes some cameras append.
 */
export async function decodeJpeg(bytes: Uint8Array, channels: 1 | 3): Promise<DecodedImage> {
  let sos = -1;
  for (let i = 2; i + 1 < bytes.length; i++)
    if (bytes[i] === 0xff && bytes[i + 1] === 0xda) {
      sos = i;
      break;
    }
  let eoi = -1;
  for (let i = bytes.length - 2; i > sos; i--)
    if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) {
      eoi = i;
      break;
    }
  if (sos < 0 || eoi < 0)
    throw rejectImageInvalid('JPEG', 'it ends before its end-of-image marker (the file is truncated)');
  return decodeJpegRgba(bytes, channels);
}
