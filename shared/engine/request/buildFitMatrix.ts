/**
 * The matrix EM runs on, made from an imported table as a fit request asks: the selected columns,
 * rows with a missing value dropped (and counted), natural log where asked, then standardised where
 * asked. Used by the fit and the sweep, and by "apply a saved model" (which then standardises with
 * the stored centre and scale itself, never re-estimating them).
 */
import { EngineError, ErrorCodes } from '../../errors';
import type { DataTable } from '../../data/table';
import type { FitRequest, Preprocessing } from '../model/types';

/** The matrix EM runs on, with how it was made from the table. */
export interface FitMatrix {
  /** nSamples × nFeatures, row-major. */
  X: Float64Array;
  nSamples: number;
  nFeatures: number;
  preprocessing: Preprocessing;
  /** Table row (0-based) of each row of X. */
  rowIndex: Uint32Array;
  /** Rows left out because a selected column is missing (or not a number) there. */
  droppedMissing: number;
  /** Rows left out because a log-transformed column is ≤ 0 there. */
  droppedNonPositive: number;
}

/**
 * Builds X from the selected columns: rows with a missing value in any selected column (or a value
 * ≤ 0 in a log column) are dropped and counted, log is applied, then — if asked — each feature is
 * standardised to zero mean and unit **population** standard deviation (divide by n, as
 * scikit-learn's StandardScaler, so a user standardising in Python gets the same matrix). The choice
 * of n or n−1 scales every feature by the same factor, so it never changes a clustering; a constant
 * feature keeps scale 1 (as StandardScaler does) rather than dividing by zero.
 *
 * `allocate` lets the caller place X in shared memory for the worker threads.
 */
export function buildFitMatrix(
  table: DataTable,
  request: Pick<FitRequest, 'columns' | 'standardize' | 'logColumns'>,
  allocate: (length: number) => Float64Array = (length) => new Float64Array(length),
): FitMatrix {
  const { columns } = request;
  const d = columns.length;
  const names = columns.map((c) => table.summary.columns[c]?.displayName ?? '');
  const values = columns.map((c, j) => {
    const v = c < table.summary.columns.length ? table.numeric(c) : null;
    if (!v) {
      const what =
        c < table.summary.columns.length
          ? `"${names[j]}" is not a numeric column`
          : `there is no column ${c}`;
      throw new EngineError(ErrorCodes.InvalidPayload, `Cannot fit column ${c}: ${what}.`, { column: c });
    }
    return v;
  });
  const logSet = new Set(request.logColumns ?? []);
  const log = columns.map((c) => logSet.has(c));

  // Pass 1: which rows are kept.
  const n0 = table.rowCount;
  const keep = new Uint8Array(n0);
  let nKept = 0;
  let droppedMissing = 0;
  let droppedNonPositive = 0;
  for (let i = 0; i < n0; i++) {
    let missing = false;
    let nonPositive = false;
    for (let j = 0; j < d; j++) {
      const x = values[j][i];
      if (!Number.isFinite(x)) missing = true;
      else if (log[j] && x <= 0) nonPositive = true;
    }
    if (missing) droppedMissing++;
    else if (nonPositive) droppedNonPositive++;
    else {
      keep[i] = 1;
      nKept++;
    }
  }

  // Pass 2: fill X row-major.
  const X = allocate(nKept * d);
  const rowIndex = new Uint32Array(nKept);
  for (let i = 0, r = 0; i < n0; i++) {
    if (!keep[i]) continue;
    rowIndex[r] = i;
    for (let j = 0; j < d; j++) X[r * d + j] = log[j] ? Math.log(values[j][i]) : values[j][i];
    r++;
  }

  const center = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(1);
  if (request.standardize && nKept > 0) {
    for (let j = 0; j < d; j++) {
      const { firstMean, correction, std } = populationMeanStd(X, nKept, d, j);
      center[j] = firstMean + correction;
      scale[j] = std > 0 ? std : 1;
      // Subtract the two parts of the mean separately: their sum rounds to the nearest double (an
      // error of half an ulp of 1e9 is ~1e-3 of a noise sd of 1e-4), the parts do not.
      for (let i = 0; i < nKept; i++) X[i * d + j] = (X[i * d + j] - firstMean - correction) / scale[j];
    }
  }

  return {
    X,
    nSamples: nKept,
    nFeatures: d,
    preprocessing: {
      columns: [...columns],
      columnNames: names,
      log,
      standardize: request.standardize,
      center,
      scale,
    },
    rowIndex,
    droppedMissing,
    droppedNonPositive,
  };
}

/**
 * Mean (first-pass value plus correction) and population standard deviation of column j of a row-major n × d matrix by the corrected
 * two-pass algorithm (Chan, Golub & LeVeque, "Algorithms for computing the sample variance", 1983):
 * exact for data with a large offset (1e9 + small noise), where E[x²] − μ² cancels catastrophically.
 */
function populationMeanStd(
  X: Float64Array,
  n: number,
  d: number,
  j: number,
): { firstMean: number; correction: number; std: number } {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += X[i * d + j];
  const firstMean = sum / n;
  let dev = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const e = X[i * d + j] - firstMean;
    dev += e;
    sq += e * e;
  }
  // The correction terms remove the rounding error left in the first-pass mean.
  const variance = Math.max(0, (sq - (dev * dev) / n) / n);
  return { firstMean, correction: dev / n, std: Math.sqrt(variance) };
}
