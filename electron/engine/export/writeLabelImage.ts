/**
 * Writes an image dataset's label image as PNG (the picture with each pixel in its cluster's colour,
 * shared/export/labelImage.ts), replaced atomically like every export. Refused, with a code, for a
 * dataset that is not an image.
 */
import { encode } from 'fast-png';
import type { DataTable } from '../../../shared/data/table';
import type { AppliedModel } from '../../../shared/export/applyModel';
import { clusterColours, paintLabels } from '../../../shared/export/labelImage';
import { EngineError, cancelledError } from '../../../shared/errors';
import { openAtomic } from '../../common/atomicWrite';
import type { ExportJob } from './exportJob';

export const NOT_AN_IMAGE = 'export_not_image';

export async function writeLabelImage(
  table: DataTable,
  applied: AppliedModel,
  nComponents: number,
  job: ExportJob,
): Promise<number> {
  const image = table.summary.image;
  if (!image)
    throw new EngineError(
      NOT_AN_IMAGE,
      'A label image can be written only for a dataset imported from an image; write the labels as CSV or .xlsx instead.',
    );
  const pixelLabels = new Int32Array(table.rowCount).fill(-1);
  for (let r = 0; r < applied.rowIndex.length; r++) pixelLabels[applied.rowIndex[r]] = applied.labels[r];
  // The colour columns are the first 1 or 3 when the import kept the samples (r, g, b or grey).
  const names = table.summary.columns.map((c) => c.name);
  const colourNames = image.channels === 1 ? ['grey'] : ['r', 'g', 'b'];
  const colour = colourNames.every((n, i) => names[i] === n)
    ? colourNames.map((_, i) => table.numeric(i)!)
    : [];
  if (job.options.labelColours === 'mean' && colour.length === 0)
    throw new EngineError(
      'bad_option',
      'Mean cluster colours need the image imported with its r, g, b (or grey) columns; import it with colour rgb or both.',
    );
  const colours = clusterColours(job.options.labelColours, nComponents, pixelLabels, colour, image.maxValue);
  const png = encode({
    width: image.width,
    height: image.height,
    data: paintLabels(pixelLabels, colours),
    channels: 3,
    depth: 8,
  });
  if (job.signal.aborted) throw cancelledError();
  const file = await openAtomic(job.path);
  try {
    await file.write(png);
    if (job.signal.aborted) throw cancelledError();
    await file.commit();
  } catch (err) {
    await file.abort();
    throw err;
  }
  job.progress({ rowsWritten: table.rowCount, totalRows: table.rowCount }, true);
  return file.bytesWritten;
}
