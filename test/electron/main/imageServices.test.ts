/**
 * An image through the REAL services, as the app's import dialog reaches it: previewDataset and
 * importDataset over the validating router (image options included), the engine as a separate
 * process, rows read back with getColumnValues.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/api';
import type { ColumnValuesResult, DatasetSummary, PreviewResult } from '../../../shared/data/types';
import { realEngineRouter } from '../../support/services';
import { imageExpectations, imagePath } from '../../support/imageFixtures';

const { engine, route } = realEngineRouter();
afterAll(() => engine.dispose());

function value<T>(res: Envelope<unknown>): T {
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.value as T;
}

describe('an image through the real services', () => {
  it('previews and imports colour.png with x, y as the import dialog asks, pixels read back', async () => {
    const options = { path: imagePath('colour.png'), image: { colour: 'rgb' as const, xy: true } };
    const preview = value<PreviewResult>(await route('previewDataset', { options }));
    expect(preview.header).toEqual(['r', 'g', 'b', 'x', 'y']);
    expect(preview.image).toMatchObject({ type: 'png', width: 32, height: 24, channels: 3 });
    const summary = value<DatasetSummary>(await route('importDataset', { jobId: 'image', options }));
    expect(summary.rows).toBe(768);
    const { values } = value<ColumnValuesResult>(
      await route('getColumnValues', { datasetId: summary.datasetId, columns: [0, 4] }),
    );
    const want = imageExpectations().images['colour.png'].pixels;
    expect(Array.from(values[0])).toEqual(want.filter((_, i) => i % 3 === 0));
    expect(values[1][32 * 5 + 7]).toBe(5); // y of the pixel in row 5
  });

  it('refuses a bomb with its code, from preview and import alike', async () => {
    const options = { path: imagePath('bomb_dimensions.png') };
    for (const res of [
      await route('previewDataset', { options }),
      await route('importDataset', { jobId: 'bomb', options }),
    ]) {
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.code).toBe('image_too_large');
    }
  });

  it('refuses image options the schema does not know', async () => {
    const res = await route('importDataset', {
      jobId: 'bad',
      options: { path: imagePath('colour.png'), image: { colour: 'hsv' } },
    } as never);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('invalid_payload');
  });
});
