/**
 * Labels for a table from a stored model — the one path shared by label export, "apply model to
 * another file" and a reopened project: resolve the model's columns in the table, build the feature
 * matrix with the model's own preprocessing (log, then the STORED centre and scale — never
 * re-standardised on the new rows, or a second file would be measured in different units), then
 * scikit-learn's predict / predict_proba through `predictMixture` (on `executor`: the engine passes
 * its SIMD one; default this thread's JavaScript kernels, with the same numbers). Nothing is refitted.
 */
import { EngineError } from '../errors';
import type { DataTable } from '../data/table';
import type { DatasetSummary } from '../data/types';
import { buildFitMatrix } from '../engine/request/buildFitMatrix';
import { predictMixture } from '../engine/model/predict';
import type { RowExecutor } from '../engine/compute';
import type { ColumnMatch, LabelModel, ModelPreprocessing } from './labelModel';

export interface AppliedModel {
  /** Dataset column index of each model feature. */
  columns: number[];
  /** Table row (0-based, ascending) of each labelled row. */
  rowIndex: Uint32Array;
  /** Per labelled row: most probable component, 0-based. */
  labels: Int32Array;
  /** Labelled rows × K responsibilities. */
  resp: Float64Array;
  /** Rows left out: a model column is missing / not a number there, or ≤ 0 in a log column. */
  excludedMissing: number;
  excludedNonPositive: number;
}

/** Stable codes of the refusals (the renderer translates by code). */
export const ApplyErrorCodes = {
  MissingColumns: 'model_columns_missing',
  NotNumeric: 'model_column_not_numeric',
  NoColumnIndices: 'model_columns_unknown',
} as const;

export async function applyModel(
  table: DataTable,
  model: LabelModel,
  match: ColumnMatch = 'index',
  executor?: RowExecutor,
): Promise<AppliedModel> {
  const pre = model.preprocessing;
  const columns = resolveModelColumns(table.summary, pre, match);
  const logColumns = columns.filter((_, j) => pre.log[j]);
  const matrix = buildFitMatrix(table, { columns, standardize: false, logColumns });
  const { X, nSamples: n, nFeatures: d } = matrix;
  if (pre.standardize) {
    for (let i = 0; i < n; i++)
      for (let j = 0; j < d; j++) X[i * d + j] = (X[i * d + j] - pre.center[j]) / pre.scale[j];
  }
  const prediction = await predictMixture(model.params, X, n, executor);
  return {
    columns,
    rowIndex: matrix.rowIndex,
    labels: prediction.labels,
    resp: prediction.resp,
    excludedMissing: matrix.droppedMissing,
    excludedNonPositive: matrix.droppedNonPositive,
  };
}

/**
 * Model features → dataset columns. By index for the dataset the model was fitted on; by name for
 * another file (the display name first, as the UI and the CLI show it, then the raw header), with
 * one error that lists every missing column so the user can fix the file in one go.
 */
export function resolveModelColumns(
  summary: DatasetSummary,
  pre: ModelPreprocessing,
  match: ColumnMatch,
): number[] {
  const width = summary.columns.length;
  let columns: number[];
  if (match === 'index') {
    if (!pre.columns) {
      throw new EngineError(
        ApplyErrorCodes.NoColumnIndices,
        'This model does not say which columns of the dataset it uses; match its columns by name.',
      );
    }
    const bad = pre.columns.find((c) => c >= width);
    if (bad !== undefined) {
      throw new EngineError(
        ApplyErrorCodes.MissingColumns,
        `The model uses column ${bad + 1}, but the dataset has ${width} columns.`,
        { missing: [pre.columnNames[pre.columns.indexOf(bad)]] },
      );
    }
    columns = [...pre.columns];
  } else {
    const missing: string[] = [];
    columns = pre.columnNames.map((name) => {
      const found =
        summary.columns.find((c) => c.displayName === name) ?? summary.columns.find((c) => c.name === name);
      if (!found) missing.push(name);
      return found?.index ?? -1;
    });
    if (missing.length > 0) {
      const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(', ');
      throw new EngineError(
        ApplyErrorCodes.MissingColumns,
        `The file lacks ${missing.length === 1 ? 'the column' : 'columns'} ${quoted(missing)} that the model needs ` +
          `(the file has: ${quoted(summary.columns.map((c) => c.displayName))}).`,
        { missing },
      );
    }
  }
  const notNumeric = columns.filter((c) => {
    const kind = summary.columns[c].kind;
    return kind !== 'numeric' && kind !== 'mixed';
  });
  if (notNumeric.length > 0) {
    const names = notNumeric.map((c) => `"${summary.columns[c].displayName}" (${summary.columns[c].kind})`);
    throw new EngineError(
      ApplyErrorCodes.NotNumeric,
      `The model needs numbers, but ${names.join(', ')} ${notNumeric.length === 1 ? 'is' : 'are'} not numeric in this file.`,
      { columns: notNumeric },
    );
  }
  return columns;
}
