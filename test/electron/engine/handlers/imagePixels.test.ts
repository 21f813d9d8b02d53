import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { datasetImport } from '../../../../electron/engine/handlers/dataset';
import { datasetImagePixels } from '../../../../electron/engine/handlers/imagePixels';
import { DatasetStore } from '../../../../electron/engine/datasetStore';
import type { HandlerContext, Transferable } from '../../../../electron/engine/handlers/handler';
import type { ImportOptions } from '../../../../shared/data/types';
import type { ResultOf } from '../../../../shared/protocol';
import { displaySourcePixels } from '../../../../shared/image/displaySample';
import { fixturesDir } from '../../../support/paths';
import { imageExpectations, imagePath } from '../../../support/imageFixtures';

const store = new DatasetStore();
const ctx: HandlerContext<never> = { signal: new AbortController().signal, store, progress: () => {} };
const expected = imageExpectations();

async function open(options: ImportOptions) {
  const parsed = datasetImport.schema.parse(options);
  return (await datasetImport.run(parsed, ctx as HandlerContext<never>)) as ResultOf<'dataset.import'>;
}

async function pixels(datasetId: string, maxSide: number) {
  const payload = datasetImagePixels.schema.parse({ datasetId, maxSide });
  const out = (await datasetImagePixels.run(payload, ctx)) as unknown as Transferable<
    ResultOf<'dataset.imagePixels'>
  >;
  return out.result;
}

/** The file's RGB bytes of pixel p (Pillow's decoding, in the fixture). */
function fileRgb(name: string, p: number): number[] {
  const image = expected.images[name];
  return image.channels === 1
    ? [0, 0, 0].map(() => image.pixels[p])
    : [0, 1, 2].map((c) => image.pixels[p * 3 + c]);
}

describe('dataset.imagePixels', () => {
  it('sends the picture at its own size when it fits: every pixel as the file has it, opaque', async () => {
    const summary = await open({ path: imagePath('colour.png') });
    const out = await pixels(summary.datasetId, 64);
    expect([out.width, out.height, out.displayWidth, out.displayHeight]).toEqual([32, 24, 32, 24]);
    expect(out.rgba).toHaveLength(32 * 24 * 4);
    for (let p = 0; p < 32 * 24; p++) {
      expect(Array.from(out.rgba.slice(p * 4, p * 4 + 3))).toEqual(fileRgb('colour.png', p));
      expect(out.rgba[p * 4 + 3]).toBe(255);
    }
  });

  it('samples a larger picture down to maxSide: each display pixel is its source pixel, unblended', async () => {
    const summary = await open({ path: imagePath('grey.png') });
    const out = await pixels(summary.datasetId, 8);
    expect([out.displayWidth, out.displayHeight]).toEqual([8, 6]);
    const source = displaySourcePixels(32, 24, 8, 6);
    source.forEach((p, i) => {
      expect(Array.from(out.rgba.slice(i * 4, i * 4 + 3))).toEqual(fileRgb('grey.png', p));
    });
  });

  it('scales 16-bit samples to bytes and turns an L*a*b*-only import back into its sRGB colours', async () => {
    const grey16 = await open({ path: imagePath('grey16.png') });
    const out16 = await pixels(grey16.datasetId, 64);
    expect(out16.rgba[0]).toBe(Math.round((expected.images['grey16.png'].pixels[0] * 255) / 65535));
    const lab = await open({ path: imagePath('colour.png'), image: { colour: 'lab', xy: true } });
    const out = await pixels(lab.datasetId, 64);
    for (let p = 0; p < 32 * 24; p++)
      expect(Array.from(out.rgba.slice(p * 4, p * 4 + 3))).toEqual(fileRgb('colour.png', p));
  });

  it('refuses a dataset that is not an image and a display side above the bound', async () => {
    const csv = await open({ path: path.join(fixturesDir, 'data', 'faithful.csv') });
    await expect(pixels(csv.datasetId, 64)).rejects.toMatchObject({ code: 'not_image' });
    expect(() => datasetImagePixels.schema.parse({ datasetId: csv.datasetId, maxSide: 4096 })).toThrow();
    expect(() => datasetImagePixels.schema.parse({ datasetId: csv.datasetId, maxSide: 0 })).toThrow();
  });
});
