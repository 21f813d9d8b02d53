/**
 * Argument schemas of every window.mixlab method: the main process parses each IPC call's argument
 * with these before anything else runs (a renderer is never trusted, even our own).
 */
import { z } from 'zod';
import type { ArgOf, MixlabMethod } from './api';
import { fitRequestSchema } from './engine/request/fitRequest';
import { sweepRequestSchema } from './engine/request/sweepRequest';
import { MAX_IMPUTE_ROWS, mixtureModelSchema } from './engine/request/mixtureModel';
import { projectApiArgSchemas } from './project/apiArgSchemas';
import { backgroundApiArgSchemas } from './background/apiArgSchemas';

const empty = z.object({}).strict();
/** Job ids are chosen by the renderer to correlate progress events; short and plain. */
const jobId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a job id is 1-64 letters, digits, _ or -');
const datasetId = z.string().min(1).max(64);

export const importOptionsSchema = z
  .object({
    path: z.string().min(1).max(4096),
    encoding: z.string().min(1).max(40).optional(),
    delimiter: z.string().min(1).max(4).optional(),
    decimal: z.enum(['.', ',']).optional(),
    sheet: z.string().max(255).optional(),
    header: z.boolean().optional(),
    totalRows: z.enum(['exclude', 'keep']).optional(),
    image: z
      .object({ colour: z.enum(['rgb', 'lab', 'both']).optional(), xy: z.boolean().optional() })
      .strict()
      .optional(),
  })
  .strict();

export const apiArgSchemas: { [M in MixlabMethod]: z.ZodType<ArgOf<M>> } = {
  getAppInfo: empty,
  listSamples: empty,
  openSample: z.object({ id: z.enum(['iris', 'faithful', 'mall_customers']), jobId }).strict(),
  chooseDataFile: empty,
  importDataset: z.object({ jobId, options: importOptionsSchema }).strict(),
  previewDataset: z.object({ options: importOptionsSchema }).strict(),
  getRows: z
    .object({
      datasetId,
      start: z.number().int().min(0),
      count: z.number().int().min(0).max(10_000),
      columns: z.array(z.number().int().min(0)).max(100_000).optional(),
      rows: z.array(z.number().int().min(0)).max(10_000).optional(),
    })
    .strict(),
  getColumnValues: z
    .object({ datasetId, columns: z.array(z.number().int().min(0)).min(1).max(10_000) })
    .strict(),
  getCategories: z
    .object({ datasetId, columns: z.array(z.number().int().min(0)).min(1).max(10_000) })
    .strict(),
  fit: z.object({ jobId, request: fitRequestSchema }).strict(),
  sweep: z.object({ jobId, request: sweepRequestSchema }).strict(),
  predictMixture: z.object({ datasetId, model: mixtureModelSchema }).strict(),
  imputeCells: z
    .object({
      datasetId,
      model: mixtureModelSchema,
      rows: z.array(z.number().int().min(0)).max(MAX_IMPUTE_ROWS),
    })
    .strict(),
  closeDataset: z.object({ datasetId }).strict(),
  cancelJob: z.object({ jobId }).strict(),
  ...projectApiArgSchemas,
  ...backgroundApiArgSchemas,
  setMenuState: z
    .object({
      hasDocument: z.boolean(),
      canSave: z.boolean(),
      canExport: z.boolean(),
      dirty: z.boolean(),
      recent: z.array(z.string().min(1).max(4096)).max(20),
      locale: z.enum(['en', 'zh-CN']),
      themeMode: z.enum(['auto', 'light', 'dark']),
    })
    .strict(),
  takeLaunchFiles: empty,
  closeWindow: z.object({ proceed: z.boolean() }).strict(),
};
