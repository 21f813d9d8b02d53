import { z } from 'zod';
import type { Handler } from './handler';
import { cancelledError } from '../../../shared/errors';

const schema = z
  .object({
    ms: z.number().int().min(0).max(60_000),
    steps: z.number().int().min(1).max(10_000),
    crash: z.boolean().optional(),
  })
  .strict();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const diagnosticsWork: Handler<'diagnostics.work'> = {
  schema,
  async run({ ms, steps, crash }, ctx) {
    for (let step = 1; step <= steps; step++) {
      await sleep(ms / steps);
      if (ctx.signal.aborted) throw cancelledError();
      // Exit the way a crash does (no reply, no cleanup) halfway through.
      if (crash && step * 2 >= steps) process.exit(70);
      ctx.progress({ step, steps }, step === steps);
    }
    return { steps };
  },
};
