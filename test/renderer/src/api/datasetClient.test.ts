import { describe, expect, it } from 'vitest';
import { createDatasetClient } from '../../../../renderer/src/api/datasetClient';
import { createFakeApi } from '../../support/fakeApi';

describe('dataset client', () => {
  it('returns the chosen path, or null when the dialog is cancelled', async () => {
    expect(
      await createDatasetClient(
        createFakeApi({ chooseDataFile: async () => ({ path: '/d/a.csv' }) }),
      ).chooseDataFile(),
    ).toBe('/d/a.csv');
    expect(await createDatasetClient(createFakeApi()).chooseDataFile()).toBeNull();
  });

  it('passes import options and the job id to importDataset', async () => {
    const api = createFakeApi();
    await createDatasetClient(api).importFile({ path: '/d/a.csv', delimiter: ';' }, 'import-1');
    expect(api.calls).toEqual([
      { method: 'importDataset', arg: { jobId: 'import-1', options: { path: '/d/a.csv', delimiter: ';' } } },
    ]);
  });

  it('asks the bridge for a dropped file’s path; unknown or empty means null', () => {
    expect(createDatasetClient(createFakeApi()).pathForDroppedFile({ name: 'a.csv' })).toBeNull();
    const withPath = createFakeApi({
      pathForDroppedFile: (f: unknown) => ((f as { name: string }).name === 'a.csv' ? '/tmp/a.csv' : ''),
    });
    const client = createDatasetClient(withPath);
    expect(client.pathForDroppedFile({ name: 'a.csv' })).toBe('/tmp/a.csv');
    expect(client.pathForDroppedFile({ name: 'b.csv' })).toBeNull();
  });
});
