/**
 * Argument schemas of the window.mixlab methods of the background model (spread into
 * `apiArgSchemas`, shared/apiSchemas.ts; served by electron/main/backgroundServices.ts). Paths
 * are absolute; a run is named by the id main gave it; a frame request is bounded in index and size.
 */
import { z } from 'zod';
import type { ArgOf, MixlabMethod } from '../api';
import { backgroundOptionsSchema } from '../engine/background/backgroundOptions';
import { frameViewBoxSchema, MAX_FRAMES } from '../engine/background/frameViewRequest';

export type BackgroundMethod = Extract<
  MixlabMethod,
  | 'chooseFrameSource'
  | 'chooseExportFolder'
  | 'runBackground'
  | 'getBackgroundFrame'
  | 'exportBackgroundMasks'
  | 'closeBackgroundRun'
>;

const empty = z.object({}).strict();
const jobId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a job id is 1-64 letters, digits, _ or -');
const runId = z.string().regex(/^run-[0-9]{1,12}$/, 'a run id as runBackground gave it');
/** POSIX "/…", Windows "C:\…" or "\\server\…": the main process never resolves relative paths. */
const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'expected an absolute path');

export const backgroundApiArgSchemas: { [M in BackgroundMethod]: z.ZodType<ArgOf<M>> } = {
  chooseFrameSource: z.object({ kind: z.enum(['folder', 'gif']) }).strict(),
  chooseExportFolder: empty,
  runBackground: z
    .object({ jobId, source: absolutePath, options: backgroundOptionsSchema.partial().optional() })
    .strict(),
  getBackgroundFrame: z
    .object({
      runId,
      index: z
        .number()
        .int()
        .min(0)
        .max(MAX_FRAMES - 1),
      box: frameViewBoxSchema,
    })
    .strict(),
  exportBackgroundMasks: z.object({ jobId, runId, folder: absolutePath }).strict(),
  closeBackgroundRun: z.object({ runId }).strict(),
};
