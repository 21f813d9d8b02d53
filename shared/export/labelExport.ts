/**
 * The label-export request (engine kind `export.labels`, window.mixlab `exportLabels`) and the
 * model-apply request (`model.apply`, `applyModel`): their one schema each, and the types inferred
 * from it. The engine's handler receives the parsed request (every default filled in); a caller may
 * leave `match` and the export options out.
 */
import { z } from 'zod';
import type { WithOptionalDefaults } from '../withOptionalDefaults';
import { EXPORT_DELIMITERS } from './csvFormat';
import { COLUMN_MATCHES, labelModelSchema } from './labelModel';
import type { UnknownLevels } from './unknownLevels';

export const EXPORT_ENCODINGS = ['utf-8-bom', 'utf-8', 'gbk'] as const;
export type ExportEncoding = (typeof EXPORT_ENCODINGS)[number];
/** 'png': the label image of an image dataset (electron/engine/export/writeLabelImage.ts). */
export const EXPORT_FORMATS = ['csv', 'xlsx', 'png'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/**
 * A label image's pixel colours: 'palette', each cluster in the app's colour for it (labelImage.ts);
 * 'mean', the mean colour of the pixels in the cluster (colour quantisation).
 */
export const LABEL_COLOURS = ['palette', 'mean'] as const;
export type LabelColours = (typeof LABEL_COLOURS)[number];

/**
 * Plain constants, not typed by LabelExportOptions: that type is inferred from the schema that
 * reads them.
 */
export const DEFAULT_LABEL_EXPORT_OPTIONS = {
  format: 'csv',
  delimiter: ',',
  encoding: 'utf-8-bom',
  includeProbabilities: false,
  includeUncertainty: false,
  includeImputed: false,
  labelColours: 'palette',
} as const;

const exportOptionFields = {
  format: z.enum(EXPORT_FORMATS).default(DEFAULT_LABEL_EXPORT_OPTIONS.format),
  /** CSV only; default ','. */
  delimiter: z.enum(EXPORT_DELIMITERS).default(DEFAULT_LABEL_EXPORT_OPTIONS.delimiter),
  /** CSV only; default UTF-8 with a byte-order mark, which Excel needs to read UTF-8. */
  encoding: z.enum(EXPORT_ENCODINGS).default(DEFAULT_LABEL_EXPORT_OPTIONS.encoding),
  includeProbabilities: z.boolean().default(DEFAULT_LABEL_EXPORT_OPTIONS.includeProbabilities),
  includeUncertainty: z.boolean().default(DEFAULT_LABEL_EXPORT_OPTIONS.includeUncertainty),
  /**
   * For each model column with missing cells among the labelled rows: `<column>_filled` (its values,
   * missing cells filled with their expected value given the row's observed cells, or the most
   * probable level) and `<column>_imputed` (1 where filled, else 0). Models that label rows with
   * missing cells only (missing cells modelled); a model that drops such rows has nothing to fill.
   */
  includeImputed: z.boolean().default(DEFAULT_LABEL_EXPORT_OPTIONS.includeImputed),
  /** PNG only. */
  labelColours: z.enum(LABEL_COLOURS).default(DEFAULT_LABEL_EXPORT_OPTIONS.labelColours),
};

export const labelExportRequestSchema = z
  .object({
    datasetId: z.string().min(1).max(64),
    model: labelModelSchema,
    /** 'index' (default) for the dataset the model was fitted on, 'name' for another file. */
    match: z.enum(COLUMN_MATCHES).default('index'),
    /** Absolute path of the file to write (replaced atomically). */
    path: z.string().min(1).max(4096),
    ...exportOptionFields,
  })
  .strict();

export const modelApplyRequestSchema = z
  .object({
    datasetId: z.string().min(1).max(64),
    model: labelModelSchema,
    match: z.enum(COLUMN_MATCHES).default('index'),
  })
  .strict();

export type LabelExportOptions = z.output<z.ZodObject<typeof exportOptionFields>>;
export type ParsedLabelExportRequest = z.output<typeof labelExportRequestSchema>;
export type LabelExportRequest = WithOptionalDefaults<
  ParsedLabelExportRequest,
  'match' | keyof LabelExportOptions
>;
export type ParsedModelApplyRequest = z.output<typeof modelApplyRequestSchema>;
export type ModelApplyRequest = WithOptionalDefaults<ParsedModelApplyRequest, 'match'>;

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
  /** Category levels the model did not know, treated as missing (unknownLevels.ts); absent when none. */
  unknownLevels?: UnknownLevels[];
}

export interface LabelExportProgress {
  rowsWritten: number;
  totalRows: number;
}
