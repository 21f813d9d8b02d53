/**
 * What a stored mixed-type model says about a table's rows, never refitting it:
 *   predictStored  labels and responsibilities of every row the model keeps (predict,
 *                  predict_proba), the mixed counterpart of shared/export/applyModel.ts;
 *   imputeStored   the expected value of each missing cell of some rows given the row's observed
 *                  cells (families/impute.ts), in the column's own units: a number for a numeric,
 *                  count or binomial column (log and standardisation undone), the most probable
 *                  level for a categorical one.
 * Both run one E-step at the stored parameters over the fit's own rows (storedModelRows.ts).
 */
import type { DataTable } from '../../data/table';
import { predictMixed } from '../model/predictMixed';
import { imputeMissing } from '../families/impute';
import type { MixtureModel } from './mixtureModel';
import { storedModelRows } from './storedModelRows';

export interface StoredPrediction {
  /** Table row (0-based, ascending) of each labelled row. */
  rowIndex: Uint32Array;
  labels: Int32Array;
  /** Labelled rows × K. */
  resp: Float64Array;
  /** Rows left out, as the fit leaves them out (no observed cell, weight 0, ≤ 0 in a log column). */
  droppedRows: number;
  /** Missing cells of the labelled rows (modelled, not imputed). */
  missingCells: number;
}

export function predictStored(table: DataTable, model: MixtureModel): StoredPrediction {
  const built = storedModelRows(table, model);
  const { labels, resp } = predictMixed(model.params, built.rows);
  return {
    rowIndex: built.rowIndex,
    labels,
    resp,
    droppedRows: built.droppedMissing + built.droppedNonPositive + built.droppedZeroWeight,
    missingCells: built.missingCells,
  };
}

/** One filled cell: table row and column (0-based) and its expected value or most probable level. */
export interface ImputedCell {
  row: number;
  column: number;
  value: number | string;
}

/** The missing cells of the given table rows that the model fills (rows it leaves out have none). */
export function imputeStored(table: DataTable, model: MixtureModel, rows: ArrayLike<number>): ImputedCell[] {
  const built = storedModelRows(table, model, rows);
  const { params, preprocessing: pre } = model;
  const { resp } = predictMixed(params, built.rows);
  const filled = imputeMissing(params, built.rows, resp);
  const { d, q, b } = built.rows;
  const categorical = pre.categorical ?? [];
  const m = categorical.length;
  const out: ImputedCell[] = [];
  for (let i = 0; i < built.rows.nSamples; i++) {
    const row = built.rowIndex[i];
    for (let j = 0; j < d; j++)
      if (filled.filledX[i * d + j]) {
        // Back to the column's units: t = centre + scale·z (identity when not standardised), e^t for a log column.
        const t = pre.center[j] + pre.scale[j] * filled.X[i * d + j];
        out.push({ row, column: pre.columns[j], value: pre.log[j] ? Math.exp(t) : t });
      }
    for (let j = 0; j < m; j++)
      if (filled.filledCodes[i * m + j])
        out.push({
          row,
          column: categorical[j].column,
          value: categorical[j].levels[filled.codes[i * m + j]],
        });
    for (let j = 0; j < q; j++)
      if (filled.filledCounts[i * q + j])
        out.push({ row, column: (pre.poisson ?? [])[j].column, value: filled.counts[i * q + j] });
    for (let j = 0; j < b; j++)
      if (filled.filledSuccesses[i * b + j])
        out.push({ row, column: (pre.binomial ?? [])[j].column, value: filled.successes[i * b + j] });
  }
  return out;
}
