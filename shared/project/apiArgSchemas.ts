/**
 * Argument schemas of the window.mixlab methods for export, models, project files and autosave
 * (spread into `apiArgSchemas`, shared/apiSchemas.ts). The renderer is never trusted: models and
 * states go through the same schemas as the files.
 */
import { z } from 'zod';
import type { ArgOf, MixlabMethod } from '../api';
import { EXPORT_DELIMITERS } from '../export/csvFormat';
import { EXPORT_ENCODINGS, EXPORT_FORMATS, LABEL_COLOURS } from '../export/labelExport';
import { COLUMN_MATCHES, labelModelSchema } from '../export/labelModel';
import { dataSourceSchema, projectStateSchema } from './schema';

/** The window.mixlab methods of project files, exports and autosave (served by electron/main/projectServices.ts). */
export type ProjectMethod = Extract<
  MixlabMethod,
  | 'chooseSavePath'
  | 'chooseOpenPath'
  | 'exportLabels'
  | 'applyModel'
  | 'exportModel'
  | 'loadModel'
  | 'saveProject'
  | 'openProject'
  | 'checkDataSource'
  | 'extractEmbeddedData'
  | 'autosave'
  | 'findRecoverable'
  | 'recoverAutosave'
  | 'discardAutosave'
>;

const empty = z.object({}).strict();
const jobId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a job id is 1-64 letters, digits, _ or -');
const datasetId = z.string().min(1).max(64);
/** POSIX "/…", Windows "C:\…" or "\\server\…": the main process never resolves relative paths. */
const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'expected an absolute path');
const match = z.enum(COLUMN_MATCHES).optional();

export const projectApiArgSchemas: { [M in ProjectMethod & MixlabMethod]: z.ZodType<ArgOf<M>> } = {
  chooseSavePath: z
    .object({
      purpose: z.enum(['project', 'labels-csv', 'labels-xlsx', 'labels-png', 'model']),
      suggestedName: z.string().max(255).optional(),
    })
    .strict(),
  chooseOpenPath: z.object({ purpose: z.enum(['project', 'model']) }).strict(),
  exportLabels: z
    .object({
      jobId,
      datasetId,
      model: labelModelSchema,
      match,
      path: absolutePath,
      options: z
        .object({
          format: z.enum(EXPORT_FORMATS).optional(),
          delimiter: z.enum(EXPORT_DELIMITERS).optional(),
          encoding: z.enum(EXPORT_ENCODINGS).optional(),
          includeProbabilities: z.boolean().optional(),
          includeUncertainty: z.boolean().optional(),
          includeImputed: z.boolean().optional(),
          labelColours: z.enum(LABEL_COLOURS).optional(),
        })
        .strict()
        .optional(),
    })
    .strict(),
  applyModel: z.object({ datasetId, model: labelModelSchema, match }).strict(),
  exportModel: z.object({ path: absolutePath, model: labelModelSchema }).strict(),
  loadModel: z.object({ path: absolutePath }).strict(),
  saveProject: z
    .object({ path: absolutePath, state: projectStateSchema, embedData: z.boolean().optional() })
    .strict(),
  openProject: z.object({ path: absolutePath }).strict(),
  checkDataSource: z.object({ dataSource: dataSourceSchema, path: absolutePath.optional() }).strict(),
  extractEmbeddedData: z.object({ path: absolutePath }).strict(),
  autosave: z.object({ state: projectStateSchema.nullable() }).strict(),
  findRecoverable: empty,
  recoverAutosave: empty,
  discardAutosave: empty,
};
