// PLACEHOLDER owned by the engine work (issue 3): replaced by the EM fit handler.
import { z } from 'zod';
import { EngineError } from '../../../shared/protocol';
import type { Handler } from './index';

export const fit: Handler<'fit'> = {
  schema: z.object({ datasetId: z.string() }).passthrough() as unknown as Handler<'fit'>['schema'],
  run: async () => {
    throw new EngineError('not_implemented', 'Fitting is not built yet.');
  },
};
