/**
 * The `.mixlab` project file, format version 1: what a saved analysis holds and the zod schema it is
 * validated with on load. Parameters are typed arrays in memory and plain number arrays in the file
 * (exact: see jsonText.ts). Every array and string has a cap, so a hostile or damaged file claiming
 * absurd sizes is refused by the schema rather than trusted (the file itself is capped before it is
 * read, electron/main/projectFiles.ts).
 *
 *   format, version, savedAt, appVersion
 *   dataSource     {path, size, mtimeMs, sha256} of the data file when saved (null: no data)
 *   importOptions  the settings the file was imported with (encoding, delimiter, decimal, sheet)
 *   selection      {columns, standardize, logColumns} as dataset column indices, with the names
 *   modelSettings  FitOptions, seed included (a fit is reproducible from the file)
 *   fits           every fitted Gaussian model: settings, params, summary numbers, preprocessing
 *   mixtureFits    every fitted mixed-type model (categorical, count or binomial columns, weights or
 *                  missing cells modelled): settings, the model (column roles, parameters with
 *                  their discrete families, preprocessing) as the engine's mixture.predict reads it
 *   currentFitId   the fit on screen (in either list)
 *   sweep          model selection: its request and result cells (validated loosely for now)
 *   viewState      the renderer's view settings, free-form, size-limited
 *   embeddedData   optional gzip+base64 copy of the data file, so a project travels by itself
 *
 * Mixed-type models came without a format version change: `mixtureFits` is optional, so every
 * version-1 file reads as before, and a reader that predates it refuses a file whose current fit is
 * one (its currentFitId names no fit it knows) instead of showing it wrong. The column roles of the
 * workspace live in the renderer's viewState, which older readers ignore.
 *
 * The types are the schemas' parsed form (numbers that were null in the file are NaN again,
 * parameters typed arrays): what the renderer hands over and what a load returns.
 */
import { z } from 'zod';
import { fitOptionsSchema } from '../engine/request/fitRequest';
import { MAX_FEATURES, paramsSchema } from '../export/labelModel';
import { mixtureModelSchema } from '../engine/request/mixtureModel';

export const PROJECT_FORMAT = 'mixlab-project';
export const PROJECT_VERSION = 1;

/** Caps (see the header). */
export const PROJECT_LIMITS = {
  fileBytes: 512 * 1024 * 1024,
  fits: 1000,
  sweepCells: 100_000,
  traceLength: 1_000_000,
  viewStateChars: 1_000_000,
  text: 4096,
} as const;

const text = z.string().max(PROJECT_LIMITS.text);
/**
 * A number that may be non-finite in memory (a degenerate fit's −∞ bound): JSON has no NaN or
 * Infinity, so stringify writes null, read back as NaN (the sign of an infinity is not kept).
 */
const looseNumber = z
  .custom<number | null>((v) => v === null || typeof v === 'number', 'expected a number or null')
  .transform((v) => (v === null ? NaN : v));
const finite = z.number().refine(Number.isFinite, 'expected a finite number');
const columnIndex = z.number().int().min(0).max(10_000_000);

/** The settings the data file was imported with. */
const importOptionsSchema = z
  .object({
    encoding: z.string().max(40).optional(),
    delimiter: z.string().max(4).optional(),
    decimal: z.enum(['.', ',']).optional(),
    sheet: z.string().max(255).optional(),
    /** An image's pixel columns (shared/data/types.ts ImagePixelOptions): the fit's column indices depend on them. */
    image: z
      .object({ colour: z.enum(['rgb', 'lab', 'both']).optional(), xy: z.boolean().optional() })
      .strict()
      .optional(),
  })
  .strict();

const selectionSchema = z.object({
  columns: z.array(columnIndex).max(MAX_FEATURES),
  columnNames: z.array(text).max(MAX_FEATURES),
  standardize: z.boolean(),
  logColumns: z.array(columnIndex).max(MAX_FEATURES),
});

const preprocessingSchema = z
  .object({
    columns: z.array(columnIndex).max(MAX_FEATURES),
    columnNames: z.array(text).max(MAX_FEATURES),
    log: z.array(z.boolean()).max(MAX_FEATURES),
    standardize: z.boolean(),
    center: z.array(finite).max(MAX_FEATURES),
    scale: z.array(finite).max(MAX_FEATURES),
  })
  .refine(
    (p) => [p.columnNames, p.log, p.center, p.scale].every((a) => a.length === p.columns.length),
    'columns, columnNames, log, center and scale must have one entry per feature',
  );

/** The numbers of a fit that its summary shows (FitResult without the n-sized arrays). */
const summarySchema = z.object({
  converged: z.boolean(),
  nIter: z.number().int().min(0),
  lowerBound: looseNumber,
  meanLogLikelihood: looseNumber,
  logLikelihood: looseNumber,
  nParameters: z.number().int().min(0),
  bic: looseNumber,
  aic: looseNumber,
  icl: looseNumber,
  nSamples: z.number().int().min(0),
  droppedRows: z.number().int().min(0),
  seconds: z.number().min(0),
});

const fitSchema = z
  .object({
    id: z.string().min(1).max(200),
    settings: fitOptionsSchema,
    params: paramsSchema,
    summary: summarySchema,
    preprocessing: preprocessingSchema,
    /** Lower bound per iteration of the kept restart (for the trace chart). */
    trace: z.array(looseNumber).max(PROJECT_LIMITS.traceLength).optional(),
  })
  .refine((f) => f.preprocessing.columns.length === f.params.nFeatures, {
    message: 'preprocessing must describe as many features as the model has',
    path: ['preprocessing'],
  });

/** A mixed-type fit: its model as mixture.predict reads it, and the numbers its summary shows. */
const mixtureFitSchema = z.object({
  id: z.string().min(1).max(200),
  settings: fitOptionsSchema,
  model: mixtureModelSchema,
  summary: summarySchema.extend({
    /** Missing cells of the fitted rows, modelled. */
    missingCells: z.number().int().min(0).optional(),
    /** Σ of the row weights (the criteria's n) when rows were weighted. */
    totalWeight: finite.optional(),
  }),
  trace: z.array(looseNumber).max(PROJECT_LIMITS.traceLength).optional(),
});

const sweepSchema = z.object({
  request: z.unknown(),
  cells: z.array(z.record(z.string(), z.unknown())).max(PROJECT_LIMITS.sweepCells),
});

const viewStateSchema = z
  .record(z.string(), z.unknown())
  .refine((v) => JSON.stringify(v).length <= PROJECT_LIMITS.viewStateChars, {
    message: `the view state is larger than ${PROJECT_LIMITS.viewStateChars} characters`,
  });

const stateFields = {
  importOptions: importOptionsSchema,
  selection: selectionSchema.nullable(),
  modelSettings: fitOptionsSchema.nullable(),
  fits: z.array(fitSchema).max(PROJECT_LIMITS.fits),
  mixtureFits: z.array(mixtureFitSchema).max(PROJECT_LIMITS.fits).optional(),
  currentFitId: z.string().max(200).nullable(),
  sweep: sweepSchema.nullable(),
  viewState: viewStateSchema,
  /**
   * The view showing when saved (a renderer view id, e.g. "histogram"). Added to version 1 as an
   * optional field rather than as version 2: files without it stay valid and open on the default
   * view; an older app, whose schema strips unknown keys, opens newer files and ignores it (a
   * version bump would make it refuse them for a cosmetic field); an id a reader lacks is ignored.
   */
  activeView: z.string().min(1).max(100).optional(),
};

const currentFitExists = (p: {
  fits: { id: string }[];
  mixtureFits?: { id: string }[];
  currentFitId: string | null;
}) =>
  p.currentFitId === null ||
  p.fits.some((f) => f.id === p.currentFitId) ||
  (p.mixtureFits ?? []).some((f) => f.id === p.currentFitId);
const currentFitIssue = { message: 'currentFitId names no fit in the project', path: ['currentFitId'] };

export const dataSourceSchema = z.object({
  path: z.string().min(1).max(PROJECT_LIMITS.text),
  size: z.number().int().min(0),
  mtimeMs: z.number().min(0),
  /** Hex SHA-256 of the file's bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 hex digits'),
});

const embeddedDataSchema = z.object({
  encoding: z.literal('gzip+base64'),
  fileName: text,
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  data: z.string().max(PROJECT_LIMITS.fileBytes),
});

/** What saveProject / autosave receive from the renderer (the main process adds the rest on save). */
export const projectStateSchema = z
  .object({
    /**
     * The data file. `known`: the fingerprint stored in the project this analysis was opened from;
     * it is kept when the file cannot be read now (a project opened without its data still saves).
     */
    dataSource: z
      .object({ path: z.string().min(1).max(PROJECT_LIMITS.text), known: dataSourceSchema.optional() })
      .strict()
      .nullable(),
    ...stateFields,
  })
  .strict()
  .refine(currentFitExists, currentFitIssue);

/** A whole project file (current version), after migration. */
export const projectSchema = z
  .object({
    format: z.literal(PROJECT_FORMAT),
    version: z.literal(PROJECT_VERSION),
    savedAt: z.string().max(100),
    appVersion: z.string().max(100),
    dataSource: dataSourceSchema.nullable(),
    ...stateFields,
    embeddedData: embeddedDataSchema.optional(),
  })
  .refine(currentFitExists, currentFitIssue);

export type DataSource = z.output<typeof dataSourceSchema>;
export type ProjectImportOptions = z.output<typeof importOptionsSchema>;
export type ProjectSelection = z.output<typeof selectionSchema>;
export type FitSummaryNumbers = z.output<typeof summarySchema>;
export type ProjectFit = z.output<typeof fitSchema>;
export type ProjectMixtureFit = z.output<typeof mixtureFitSchema>;
export type ProjectSweep = z.output<typeof sweepSchema>;
export type EmbeddedData = z.output<typeof embeddedDataSchema>;
/** The analysis as the renderer hands it over. */
export type ProjectState = z.output<typeof projectStateSchema>;
export type MixlabProject = z.output<typeof projectSchema>;
