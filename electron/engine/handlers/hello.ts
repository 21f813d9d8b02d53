import { availableParallelism } from 'node:os';
import { z } from 'zod';
import type { Handler } from './handler';

declare const __APP_VERSION__: string | undefined;

export const hello: Handler<'hello'> = {
  schema: z.object({}).strict(),
  async run() {
    return {
      engineVersion: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev',
      pid: process.pid,
      threads: availableParallelism(),
      node: process.versions.node,
    };
  },
};
