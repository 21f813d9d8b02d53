/**
 * An image dataset's picture at display size (shared/image/displaySample.ts), read back from its pixel
 * columns — `grey`, `r, g, b`, or `L*, a*, b*` turned back into sRGB when the import kept only those —
 * so what the Segmentation view shows is the data that was fitted. Bounded by MAX_DISPLAY_SIDE: at most
 * 1024 × 1024 × 4 bytes cross the process boundary whatever the image's size.
 */
import { z } from 'zod';
import { labToSrgbBytes } from '../../../shared/data/cielab';
import type { DataTable } from '../../../shared/data/table';
import { EngineError } from '../../../shared/errors';
import { MAX_DISPLAY_SIDE, displaySize, displaySourcePixels } from '../../../shared/image/displaySample';
import { withTransfer, type Handler } from './handler';

export const NOT_AN_IMAGE_DATASET = 'not_image';

/** The picture's colour columns: the first of grey / r,g,b / L*,a*,b* the dataset has, by name. */
function pictureColumns(table: DataTable): { kind: 'grey' | 'rgb' | 'lab'; columns: Float64Array[] } | null {
  const names = table.summary.columns.map((c) => c.name);
  const find = (wanted: string[]) => {
    const at = wanted.map((w) => names.indexOf(w));
    const columns = at.map((i) => (i >= 0 ? table.numeric(i) : null));
    return columns.every((c) => c !== null) ? (columns as Float64Array[]) : null;
  };
  const grey = find(['grey']);
  if (grey) return { kind: 'grey', columns: grey };
  const rgb = find(['r', 'g', 'b']);
  if (rgb) return { kind: 'rgb', columns: rgb };
  const lab = find(['L*', 'a*', 'b*']);
  return lab ? { kind: 'lab', columns: lab } : null;
}

export const datasetImagePixels: Handler<'dataset.imagePixels'> = {
  schema: z
    .object({
      datasetId: z.string().min(1).max(64),
      maxSide: z.number().int().min(1).max(MAX_DISPLAY_SIDE),
    })
    .strict(),
  async run({ datasetId, maxSide }, ctx) {
    const table = ctx.store.get(datasetId);
    const image = table.summary.image;
    const picture = image ? pictureColumns(table) : null;
    if (!image || !picture)
      throw new EngineError(
        NOT_AN_IMAGE_DATASET,
        'This dataset was not imported from an image, so it has no picture to show.',
      );
    const { width, height, maxValue } = image;
    const { displayWidth, displayHeight } = displaySize(width, height, maxSide);
    const source = displaySourcePixels(width, height, displayWidth, displayHeight);
    const rgba = new Uint8ClampedArray(source.length * 4);
    const scale = 255 / maxValue;
    const [c0, c1, c2] = picture.columns;
    for (let i = 0; i < source.length; i++) {
      const p = source[i];
      const at = i * 4;
      if (picture.kind === 'lab') labToSrgbBytes(c0[p], c1[p], c2[p], rgba, at);
      else if (picture.kind === 'grey') rgba.fill(c0[p] * scale, at, at + 3);
      else {
        rgba[at] = c0[p] * scale;
        rgba[at + 1] = c1[p] * scale;
        rgba[at + 2] = c2[p] * scale;
      }
      rgba[at + 3] = 255;
    }
    return withTransfer({ width, height, displayWidth, displayHeight, rgba }, [rgba.buffer as ArrayBuffer]);
  },
};
