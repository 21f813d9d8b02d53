/**
 * What a finished fit did with the rows, said under the model: how many missing cells it modelled
 * (and that no row was left out for them), how many rows it left out, and the weight column with
 * n = Σw when rows were weighted. Each line may carry the action that undoes the choice behind it
 * (drop rows instead, or model their cells instead). Plain data; FitRowsNote.vue words it.
 */
import type { FitRequest, FitResponse } from '../../../shared/engine/model/types';

export type FitRowsLine =
  /** Missing cells kept in the model; `dropped` rows had no observed selected cell. */
  | { kind: 'modelled'; cells: number; dropped: number }
  /** Rows with a missing cell left out (missing 'drop'). */
  | { kind: 'dropped'; rows: number }
  | { kind: 'weighted'; column: string; total: number };

export function fitRowsLines(request: FitRequest, response: FitResponse): FitRowsLine[] {
  const out: FitRowsLine[] = [];
  const cells = response.missingCells ?? 0;
  if (request.missing === 'drop') {
    if (response.droppedRows > 0) out.push({ kind: 'dropped', rows: response.droppedRows });
  } else if (cells > 0) {
    out.push({ kind: 'modelled', cells, dropped: response.droppedRows });
  }
  const weights = response.preprocessing.weights;
  if (weights && response.totalWeight !== undefined)
    out.push({ kind: 'weighted', column: weights.name, total: response.totalWeight });
  return out;
}
