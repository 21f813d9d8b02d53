/**
 * `mixlab apply <model.json> <file> --labels out.csv`: labels another file with a saved model —
 * import the file, match the model's columns by name, compute labels and probabilities with the
 * stored parameters and preprocessing (never refitted), write them next to the original columns.
 * The writing is the engine's `export.labels`, the same the app uses; `writeLabelOutputs` is also
 * what `mixlab fit --labels/--model` calls.
 */
import path from 'node:path';
import { EXPORT_DELIMITERS, type ExportDelimiter } from '../../../shared/export/csvFormat';
import {
  EXPORT_ENCODINGS,
  LABEL_COLOURS,
  type ExportEncoding,
  type LabelColours,
  type LabelExportSummary,
} from '../../../shared/export/labelExport';
import type { ColumnMatch, LabelModel } from '../../../shared/export/labelModel';
import { serializeModelFile } from '../../../shared/project/modelFile';
import type { EngineCaller } from '../../engine/engineCaller';
import { EngineError } from '../../../shared/errors';
import { openAtomic, type AtomicFile } from '../../common/atomicWrite';
import { readModelFile as readModelFileFromDisk } from '../../common/readModelFile';
import { unknownLevelsWarning } from '../../../shared/export/unknownLevels';
import { ArgumentError, oneOf, parseArgs, type OptionSpec } from '../args';
import { codedCommand } from '../codedCommand';
import { existingFile } from '../inputFile';
import { IMPORT_FLAGS_SPEC, IMPORT_FLAGS_USAGE, importFlags, importNotes } from '../importFlags';

export const APPLY_USAGE = `Usage: mixlab apply <model.json> <file.csv> --labels out.csv [--probabilities] [--uncertainty]
                    [--impute] [--missing model|drop] [--weights w]
                    [--delimiter , | ; | tab | "|"] [--encoding utf-8-bom|utf-8|gbk] [--json]
                    [--header yes|no] [--total-rows exclude|keep]

Labels the rows of <file.csv> with a model saved by Mixture Lab (or written from scikit-learn's
attributes: format "mixlab-model"). The model's columns are found in the file by name; its stored
log transform, centre and scale are applied, never re-estimated. --labels writes the file's original
columns plus cluster (1-based) and probability; --probabilities adds p_1 … p_K, --uncertainty adds
1 − max p. A name ending in .xlsx writes an Excel workbook; for an image, a name ending in .png
writes the label image (each pixel in its cluster's colour, or with --label-colours mean the mean
colour of the cluster's pixels). Summary rows the import leaves out get empty label cells (noted on
stderr).
Every family the model has is applied: numeric columns (its Gaussian block), categorical ones
(text or codes), counts and binomial columns. Missing cells: --missing model labels a row from its
observed cells (only a row with none stays unlabelled), --missing drop leaves every row with a
missing cell in a model column unlabelled; the default is the model's own mode, written in the
model file (a file without one, such as a plain Gaussian model fitted on complete data, means
drop; a mixed-type model's file without one means model). A category level
the model never saw is treated as a missing cell, with a warning on stderr naming the column and
the levels. --weights w names the frequency-weight column (default: the model's, when the file
has it): rows of weight 0 stay unlabelled, a negative or non-numeric weight is refused with its row.
--impute adds, for each model column with missing cells among the labelled rows, <column>_filled
(the column with each missing cell filled by its expected value given the row's observed cells:
the most probable level for a category) and <column>_imputed (1 where filled, else 0).
--json prints one object: rows, labelled, excluded, labels, columns_added, and unknown_levels
([{column, cells, levels}]) when the file had levels the model did not know.
How the file is read:
${IMPORT_FLAGS_USAGE}
`;

const SPEC = {
  labels: 'string',
  'label-colours': 'string',
  probabilities: 'flag',
  uncertainty: 'flag',
  delimiter: 'string',
  encoding: 'string',
  impute: 'flag',
  missing: 'string',
  weights: 'string',
  json: 'flag',
  help: 'flag',
  ...IMPORT_FLAGS_SPEC,
} as const satisfies OptionSpec;

export const apply = codedCommand(
  'apply',
  APPLY_USAGE,
  async (ctx, json) => {
    const { positionals, options: o } = parseArgs(ctx.args, SPEC);
    if (positionals.length !== 2) {
      throw new ArgumentError(
        `expected a model file and a data file (mixlab apply <model.json> <file.csv> --labels out.csv), got ${positionals.length} arguments`,
      );
    }
    if (o.labels === undefined) throw new ArgumentError('missing --labels (the file to write)');
    const labelOptions = labelOutputOptions(o);
    oneOf('--missing', o.missing, ['model', 'drop'] as const);
    const stored = await readModelFile(positionals[0]);
    const readOptions = importFlags(o);
    const summary = await ctx.engine.call('dataset.import', {
      path: await existingFile(positionals[1]),
      ...readOptions,
    });
    for (const note of importNotes(summary, readOptions)) ctx.stderr(note);
    const { model, notes } = applyOverrides(stored, summary.columns, o);
    for (const note of notes) ctx.stderr(note);
    const written = await writeLabelOutputs(ctx.engine, summary.datasetId, model, 'name', {
      ...labelOptions,
      labels: o.labels,
    });
    const result = written.labels!;
    for (const u of result.unknownLevels ?? []) ctx.stderr(`warning: ${unknownLevelsWarning(u)}\n`);
    if (json) {
      ctx.stdout(
        JSON.stringify({
          rows: result.rows,
          labelled: result.labelled,
          excluded: result.excluded,
          labels: result.path,
          columns_added: result.addedColumns,
          ...(result.unknownLevels ? { unknown_levels: result.unknownLevels } : {}),
        }) + '\n',
      );
    } else {
      ctx.stdout(labelsLine(result));
    }
  },
  // apply has always printed a message as it is, line breaks included.
  { oneLine: false },
);

/**
 * --missing and --weights over the model file's own modes. The model's weight column, when the file
 * lacks it, is left out with a note (weights change no label, only which rows are absent); one
 * named with --weights must be there.
 */
function applyOverrides(
  model: LabelModel,
  columns: readonly { name: string; displayName: string }[],
  o: { missing?: string; weights?: string },
): { model: LabelModel; notes: string[] } {
  const pre = { ...model.preprocessing };
  const notes: string[] = [];
  if (o.missing !== undefined) pre.missing = o.missing as 'model' | 'drop';
  if (o.weights !== undefined) pre.weights = { name: o.weights.trim() };
  else if (
    pre.weights &&
    !columns.some((c) => c.displayName === pre.weights!.name || c.name === pre.weights!.name)
  ) {
    notes.push(`note: the file has no weight column "${pre.weights.name}"; every row is weighted 1.\n`);
    delete pre.weights;
  }
  return { model: { ...model, preprocessing: pre }, notes };
}

/** The label-file options shared with `mixlab fit` (--probabilities, --uncertainty, --impute, --delimiter, --encoding). */
export interface LabelOutputOptions {
  /** Path of the labels file; its extension (.xlsx) picks the format. */
  labels?: string;
  /** Path of a model JSON file to write. */
  model?: string;
  includeProbabilities: boolean;
  includeUncertainty: boolean;
  includeImputed: boolean;
  delimiter: ExportDelimiter;
  encoding: ExportEncoding;
  /** A label image's colours (a labels path ending in .png). */
  labelColours: LabelColours;
}

export function labelOutputOptions(o: {
  'label-colours'?: string;
  probabilities?: boolean;
  uncertainty?: boolean;
  impute?: boolean;
  delimiter?: string;
  encoding?: string;
}): Omit<LabelOutputOptions, 'labels' | 'model'> {
  const delimiter = o.delimiter === 'tab' ? '\t' : (o.delimiter ?? ',');
  if (!(EXPORT_DELIMITERS as readonly string[]).includes(delimiter)) {
    throw new ArgumentError(`--delimiter must be one of , ; tab | (got "${o.delimiter}")`);
  }
  const encoding = o.encoding ?? 'utf-8-bom';
  if (!(EXPORT_ENCODINGS as readonly string[]).includes(encoding)) {
    throw new ArgumentError(`--encoding must be one of ${EXPORT_ENCODINGS.join(', ')} (got "${encoding}")`);
  }
  const labelColours = o['label-colours'] ?? 'palette';
  if (!(LABEL_COLOURS as readonly string[]).includes(labelColours))
    throw new ArgumentError(`--label-colours must be palette or mean (got "${labelColours}")`);
  return {
    labelColours: labelColours as LabelColours,
    includeProbabilities: o.probabilities === true,
    includeUncertainty: o.uncertainty === true,
    includeImputed: o.impute === true,
    delimiter: delimiter as ExportDelimiter,
    encoding: encoding as ExportEncoding,
  };
}

/**
 * Writes the labels file (engine `export.labels`) and/or the model file, as asked. Together, both
 * land or the error says which did not: the model is written to its temporary file first and put
 * in place only after the labels landed (atomicWrite.ts), so a failed label export leaves neither
 * file; should the model's final rename fail after that, the message names the labels file that
 * was written and the model that was not (details.written / notWritten).
 */
export async function writeLabelOutputs(
  engine: EngineCaller,
  datasetId: string,
  model: LabelModel,
  match: ColumnMatch,
  options: LabelOutputOptions,
): Promise<{ labels?: LabelExportSummary; model?: string }> {
  const out: { labels?: LabelExportSummary; model?: string } = {};
  const labelsPath = options.labels === undefined ? undefined : path.resolve(options.labels);
  const modelPath = options.model === undefined ? undefined : path.resolve(options.model);
  const labelsFile = { what: 'the labels', path: labelsPath ?? '' };
  const modelTarget = { what: 'the model', path: modelPath ?? '' };
  let modelFile: AtomicFile | undefined;
  if (modelPath !== undefined) {
    try {
      modelFile = await openAtomic(modelPath);
      await modelFile.write(serializeModelFile(model, new Date()));
    } catch (err) {
      throw labelsPath === undefined ? err : notWritten(err, [], [modelTarget, labelsFile]);
    }
  }
  if (labelsPath !== undefined) {
    try {
      out.labels = await engine.call('export.labels', {
        datasetId,
        model,
        match,
        path: labelsPath,
        format: /\.xlsx$/i.test(labelsPath) ? 'xlsx' : /\.png$/i.test(labelsPath) ? 'png' : 'csv',
        delimiter: options.delimiter,
        encoding: options.encoding,
        includeProbabilities: options.includeProbabilities,
        includeUncertainty: options.includeUncertainty,
        includeImputed: options.includeImputed,
        labelColours: options.labelColours,
      });
    } catch (err) {
      await modelFile?.abort();
      throw modelPath === undefined ? err : notWritten(err, [], [labelsFile, modelTarget]);
    }
  }
  if (modelFile && modelPath !== undefined) {
    try {
      await modelFile.commit();
    } catch (err) {
      throw labelsPath === undefined ? err : notWritten(err, [labelsFile], [modelTarget]);
    }
    out.model = modelPath;
  }
  return out;
}

/**
 * The error of a write that failed while the labels and the model were written together, its code
 * kept and its message saying what was written and what was not: "… Wrote the labels to a.csv;
 * the model was not written to m.json." or "… Neither a.csv nor m.json was written."
 */
interface Target {
  what: string;
  path: string;
}

function notWritten(err: unknown, written: Target[], missing: Target[]): EngineError {
  const info =
    err instanceof EngineError ? err : new EngineError('internal', String((err as Error)?.message ?? err));
  const outcome =
    written.length === 0
      ? `Neither ${missing.map((t) => t.path).join(' nor ')} was written.`
      : `Wrote ${written[0].what} to ${written[0].path}; ${missing[0].what} was not written to ${missing[0].path}.`;
  return new EngineError(info.code, `${info.message.replace(/\.?\s*$/, '.')} ${outcome}`, {
    ...info.details,
    written: written.map((t) => t.path),
    notWritten: missing.map((t) => t.path),
  });
}

/** "Wrote labels for 148 of 150 rows to out.csv (2 rows with missing values left unlabelled)." */
export function labelsLine(r: LabelExportSummary): string {
  const excluded =
    r.excluded > 0
      ? ` (${r.excluded} row${r.excluded === 1 ? '' : 's'} with missing values left unlabelled)`
      : '';
  return `Wrote labels for ${r.labelled} of ${r.rows} rows to ${r.path}${excluded}.\n`;
}

/** A model file named on the command line, refused in the words the user typed. */
export async function readModelFile(file: string): Promise<LabelModel> {
  return readModelFileFromDisk(path.resolve(file), (problem) => `cannot read ${file}: ${problem.reason}`);
}
