// PLACEHOLDER owned by the import work (issue 4): replaced by the streaming importer.
import { z } from 'zod';
import { EngineError } from '../../../shared/protocol';
import type { Handler } from './index';

const notYet = (): never => {
  throw new EngineError('not_implemented', 'Import is not built yet.');
};

export const datasetImport: Handler<'dataset.import'> = {
  schema: z.object({ path: z.string().min(1) }).passthrough() as unknown as Handler<'dataset.import'>['schema'],
  run: async () => notYet(),
};

export const datasetRows: Handler<'dataset.rows'> = {
  schema: z.object({ datasetId: z.string() }).passthrough() as unknown as Handler<'dataset.rows'>['schema'],
  run: async () => notYet(),
};

export const datasetRelease: Handler<'dataset.release'> = {
  schema: z.object({ datasetId: z.string() }).strict(),
  async run({ datasetId }, ctx) {
    return { released: ctx.store.release(datasetId) };
  },
};
