/**
 * An image as a table: one row per pixel, row-major from the top-left, with the columns
 * ImagePixelOptions chooses (shared/data/types.ts) — `grey`, or `r, g, b` and/or CIELAB `L*, a*, b*`,
 * then optionally `x, y`. Alpha is dropped. The header is read and its size checked before the file
 * is decoded (image/imageRefusals.ts), so a bomb costs a header read.
 *
 * Sample values are the file's own integers (0..255, 0..65535 for 16-bit PNG); L*a*b* are rounded to
 * 4 decimals (1e-4 is far below a just-noticeable difference, ΔE ≈ 1), so every cell's text is its
 * value, as for a spreadsheet's numbers (columnBuilder.ts format codes).
 */
import { readFile } from 'node:fs/promises';
import { ColumnBuilder } from '../../../shared/data/columnBuilder';
import { summarizeColumn } from '../../../shared/data/columnSummary';
import { ColumnTable } from '../../../shared/data/columnTable';
import { srgbToLab } from '../../../shared/data/cielab';
import type { ImageInfo, ImagePixelOptions } from '../../../shared/data/types';
import { cancelledError } from '../../../shared/errors';
import type { DecodedImage } from './image/decodedImage';
import { readImageFile } from './image/readImageFile';
import type { ImportContext, ImportedTable } from './importer';

const LAB_DECIMALS = 4;
const LAB_SCALE = 10 ** LAB_DECIMALS;

/** The column names of an image's pixel rows, in order. */
export function pixelColumnNames(channels: 1 | 3, options: ImagePixelOptions = {}): string[] {
  const colour = options.colour ?? 'rgb';
  const names =
    channels === 1
      ? ['grey']
      : [...(colour !== 'lab' ? ['r', 'g', 'b'] : []), ...(colour !== 'rgb' ? ['L*', 'a*', 'b*'] : [])];
  return options.xy ? [...names, 'x', 'y'] : names;
}

export async function importImage(
  file: { path: string; size: number },
  options: ImagePixelOptions | undefined,
  ctx: ImportContext,
): Promise<ImportedTable> {
  const { image, info } = await readImageFile(file.path, file.size, readFile);
  if (ctx.signal.aborted) throw cancelledError('import');
  ctx.progress({ bytesRead: file.size, totalBytes: file.size, rows: 0 }, true);
  const built = pixelTable(image, options ?? {});
  ctx.progress({ bytesRead: file.size, totalBytes: file.size, rows: built.table.rowCount }, true);
  return {
    ...built,
    meta: {
      file: file.path,
      format: info.type,
      encoding: 'binary',
      bom: false,
      delimiter: null,
      decimal: '.',
      thousands: null,
      header: true,
      sizeBytes: file.size,
      image: info,
    },
  };
}

/** The pixel table of a decoded image (exported for tests and the label image's round trip). */
export function pixelTable(image: DecodedImage, options: ImagePixelOptions): Omit<ImportedTable, 'meta'> {
  const { width, height, channels, data, maxValue } = image;
  const n = width * height;
  const names = pixelColumnNames(channels, options);
  const builders = names.map(() => new ColumnBuilder(false, n));
  let col = 0;
  const column = () => builders[col++];
  const colour = options.colour ?? 'rgb';
  if (channels === 1 || colour !== 'lab') {
    for (let c = 0; c < channels; c++) {
      const values = column().values;
      for (let p = 0, i = c; p < n; p++, i += channels) values[p] = data[i];
    }
  }
  if (channels === 3 && colour !== 'rgb') {
    const L = column();
    const A = column();
    const B = column();
    const lab = new Float64Array(3);
    for (let p = 0, i = 0; p < n; p++, i += 3) {
      srgbToLab(data[i], data[i + 1], data[i + 2], maxValue, lab, 0);
      L.values[p] = Math.round(lab[0] * LAB_SCALE) / LAB_SCALE;
      A.values[p] = Math.round(lab[1] * LAB_SCALE) / LAB_SCALE;
      B.values[p] = Math.round(lab[2] * LAB_SCALE) / LAB_SCALE;
    }
    for (const b of [L, A, B]) b.formats.fill(LAB_DECIMALS);
  }
  if (options.xy) {
    const X = column().values;
    const Y = column().values;
    for (let p = 0; p < n; p++) {
      X[p] = p % width;
      Y[p] = Math.floor(p / width);
    }
  }
  for (const b of builders) b.length = n;
  const columns = builders.map((b, i) => summarizeColumn(b, i, names[i], names[i]));
  const table = new ColumnTable(
    builders,
    n,
    columns.map((c) => c.kind),
  );
  return { table, columns, errors: [], unlistedErrors: 0, droppedPhantomColumns: 0, header: true };
}

export type { ImageInfo };
