/**
 * The label-export request (engine kind `export.labels`, window.mixlab `exportLabels`) and the
 * model-apply request (`model.apply`, `applyModel`): types and their one schema.
 */
import { z } from 'zod';
import { EXPORT_DELIMITERS, type ExportDelimiter } from './csvFormat';
import { labelModelSchema, type LabelModel } from './labelModel';
import type { ColumnMatch } from './applyModel';

export const EXPORT_ENCODINGS = ['utf-8-bom', 'utf-8', 'gbk'] as const;
export type ExportEncoding = (typeof EXPORT_ENCODINGS)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface LabelExportOptions {
  format: ExportFormat;
  /** CSV only; default ','. */
  delimiter: ExportDelimiter;
  /** CSV only; default UTF-8 with a byte-order mark, which Excel needs to read UTF-8. */
  encoding: ExportEncoding;
  includeProbabilities: boolean;
  includeUncertainty: boolean;
}

export const DEFAULT_LABEL_EXPORT_OPTIONS: LabelExportOptions = {
  format: 'csv',
  delimiter: ',',
  encoding: 'utf-8-bom',
  includeProbabilities: false,
  includeUncertainty: false,
};

export interface LabelExportRequest extends Partial<LabelExportOptions> {
  datasetId: string;
  model: LabelModel;
  /** 'index' (default) for the dataset the model was fitted on, 'name' for another file. */
  match?: ColumnMatch;
  /** Absolute path of the file to write (replaced atomically). */
  path: string;
}

export interface LabelExportSummary {
  path: string;
  /** Data rows written. */
  rows: number;
  /** Rows with a label. */
  labelled: number;
  /** Rows with empty label cells (a model column missing there, or ≤ 0 in a log column). */
  excluded: number;
  bytes: number;
  /** The added column names, in order. */
  addedColumns: string[];
}

export interface LabelExportProgress {
  rowsWritten: number;
  totalRows: number;
}

export interface ModelApplyRequest {
  datasetId: string;
  model: LabelModel;
  match?: ColumnMatch;
}

const exportOptionFields = {
  format: z.enum(EXPORT_FORMATS).default('csv'),
  delimiter: z.enum(EXPORT_DELIMITERS).default(','),
  encoding: z.enum(EXPORT_ENCODINGS).default('utf-8-bom'),
  includeProbabilities: z.boolean().default(false),
  includeUncertainty: z.boolean().default(false),
};

export const labelExportRequestSchema = z
  .object({
    datasetId: z.string().min(1).max(64),
    model: labelModelSchema,
    match: z.enum(['index', 'name']).default('index'),
    path: z.string().min(1).max(4096),
    ...exportOptionFields,
  })
  .strict() as unknown as z.ZodType<LabelExportRequest & LabelExportOptions & { match: ColumnMatch }>;

export const modelApplyRequestSchema = z
  .object({
    datasetId: z.string().min(1).max(64),
    model: labelModelSchema,
    match: z.enum(['index', 'name']).default('index'),
  })
  .strict() as unknown as z.ZodType<ModelApplyRequest>;
