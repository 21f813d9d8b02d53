import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../electron/engine/import/importFile';
import { previewFile } from '../../../../electron/engine/import/previewFile';
import { EngineError } from '../../../../shared/errors';
import type { ImportOptions } from '../../../../shared/data/types';
import { imageExpectations, imagePath } from '../../../support/imageFixtures';

const ctx = () => ({ signal: new AbortController().signal, progress: () => {} });
const load = (options: ImportOptions) => importFile(options, ctx(), 'd1');
const expected = imageExpectations();

async function refusal(promise: Promise<unknown>): Promise<EngineError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EngineError);
  return err as EngineError;
}

/** Interleaved samples of the table's first `channels` columns. */
function interleaved(table: Awaited<ReturnType<typeof load>>['table'], channels: number): number[] {
  const cols = Array.from({ length: channels }, (_, c) => table.numeric(c)!);
  const out: number[] = [];
  for (let r = 0; r < table.rowCount; r++) for (const col of cols) out.push(col[r]);
  return out;
}

describe('an image is a table of its pixels, the values Pillow reads', () => {
  for (const [name, want] of Object.entries(expected.images)) {
    it(name, async () => {
      const { table, summary } = await load({ path: imagePath(name) });
      expect(summary.rows).toBe(want.width * want.height);
      expect(summary.image).toMatchObject({
        width: want.width,
        height: want.height,
        channels: want.channels,
        maxValue: want.max_value,
      });
      expect(summary.columns.map((c) => c.name)).toEqual(want.channels === 1 ? ['grey'] : ['r', 'g', 'b']);
      expect(summary.columns.every((c) => c.kind === 'numeric' && c.missing === 0)).toBe(true);
      // JPEG and WebP too: libjpeg-turbo and libwebp are Pillow's decoders, so no pixel differs.
      expect(interleaved(table, want.channels)).toEqual(want.pixels);
      expect(table.text(0, 0)).toBe(String(want.pixels[0]));
    });
  }
});

describe('pixel columns', () => {
  it('adds x, y (column and row from the top-left) after the colour columns', async () => {
    const { table, summary } = await load({ path: imagePath('grey.png'), image: { xy: true } });
    expect(summary.columns.map((c) => c.name)).toEqual(['grey', 'x', 'y']);
    const w = summary.image!.width;
    const row = w + 5; // second pixel row, sixth column
    expect([table.numeric(1)![row], table.numeric(2)![row]]).toEqual([5, 1]);
    expect(summary.columns[2].max).toBe(summary.image!.height - 1);
  });

  it('gives CIELAB L*, a*, b* (D65, rounded to 4 decimals) instead of, or beside, r, g, b', async () => {
    const lab = await load({ path: imagePath('colour.png'), image: { colour: 'lab' } });
    expect(lab.summary.columns.map((c) => c.name)).toEqual(['L*', 'a*', 'b*']);
    const want = expected.lab_of_colour_png;
    const got = interleaved(lab.table, 3);
    expect(Math.max(...got.map((v, i) => Math.abs(v - want[i])))).toBeLessThanOrEqual(5.0001e-5);
    expect(lab.table.text(0, 0)).toMatch(/^-?\d+\.\d{4}$/);
    const both = await load({ path: imagePath('colour.png'), image: { colour: 'both', xy: true } });
    expect(both.summary.columns.map((c) => c.name)).toEqual(['r', 'g', 'b', 'L*', 'a*', 'b*', 'x', 'y']);
  });

  it('a grey image has one column whatever colour space is asked', async () => {
    const { summary } = await load({ path: imagePath('grey.png'), image: { colour: 'both' } });
    expect(summary.columns.map((c) => c.name)).toEqual(['grey']);
  });

  it('previews an image as its first rows, every column final', async () => {
    const preview = await previewFile({ path: imagePath('colour.png') }, ctx());
    expect(preview.format).toBe('png');
    expect(preview.header).toEqual(['r', 'g', 'b']);
    expect(preview.rows).toHaveLength(50);
    expect(preview.rows[0]).toEqual(expected.images['colour.png'].pixels.slice(0, 3).map(String));
    expect(preview.complete).toBe(true);
  });
});

describe('hostile and broken images are refused fast, with a code', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mixlab-images-'));
  const write = (name: string, bytes: Uint8Array | string) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };
  const cut = (name: string, keep: number) => {
    const bytes = new Uint8Array(readFileSync(imagePath(name)));
    return write(`cut_${name}`, bytes.subarray(0, keep));
  };

  it('a header claiming 100 000 × 100 000 pixels: image_too_large from the header alone', async () => {
    const start = performance.now();
    const err = await refusal(load({ path: imagePath('bomb_dimensions.png') }));
    expect(err.code).toBe('image_too_large');
    expect(err.details).toMatchObject({ width: 100000, height: 100000, limit: 50_000_000 });
    expect(err.message).toMatch(/100 000 × 100 000 pixels/);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('compressed pixels that inflate past the header size (a zlib bomb): image_invalid, never grown', async () => {
    const err = await refusal(load({ path: imagePath('bomb_inflate.png') }));
    expect(err.code).toBe('image_invalid');
    expect(err.message).toMatch(/inflate past the 4160 bytes a 64 × 64 image holds/);
  });

  it.each([
    ['colour.png', 1000],
    ['colour.jpg', 600],
    ['colour.bmp', 1200],
    ['colour.webp', 900],
    ['colour.png', 20],
  ])('%s cut after %i bytes: image_invalid', async (name, keep) => {
    const err = await refusal(load({ path: cut(name, keep) }));
    expect(err.code).toBe('image_invalid');
  });

  it('a text file named .png: image_invalid, saying what it starts with', async () => {
    const err = await refusal(load({ path: write('notes.png', 'a,b\n1,2\n') }));
    expect(err.code).toBe('image_invalid');
    expect(err.message).toBe(
      'This file is not a readable PNG image: it does not start with an image signature (it starts with 61 2c 62 0a 31 2c 32 0a).',
    );
  });

  it('a PNG named .csv is read as the image it is', async () => {
    const file = path.join(dir, 'pixels.csv');
    copyFileSync(imagePath('grey.png'), file);
    const { summary } = await load({ path: file });
    expect(summary.format).toBe('png');
  });

  it('a run-length compressed BMP: image_unsupported', async () => {
    const bytes = new Uint8Array(readFileSync(imagePath('colour_palette.bmp')));
    bytes[30] = 2; // BI_RLE4
    const err = await refusal(load({ path: write('rle.bmp', bytes) }));
    expect(err.code).toBe('image_unsupported');
  });
});
