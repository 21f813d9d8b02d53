/**
 * Engine kind `sweep`: fits every cell of a K × covariance-type grid on columns of a dataset the
 * engine holds, streaming each cell as it finishes (progress is forced, so no cell is dropped by
 * the core's throttle). The matrix is built once by `buildFitMatrix` into a SharedArrayBuffer that
 * every worker thread maps. Data-wide problems (not finite, constant column, n < 2) are checked
 * once before any worker starts and fail the request with their EngineError code; problems of one cell
 * (n < K, singular covariance) are that cell's status.
 */
import { buildFitMatrix } from '../../../shared/engine/request/buildFitMatrix';
import { sweepRequestSchema } from '../../../shared/engine/request/sweepRequest';
import { bestCells } from '../../../shared/engine/sweep/best';
import type { SweepProgress, SweepResponse } from '../../../shared/engine/sweep/types';
import type { DataTable } from '../../../shared/data/table';
import type { MixedRows } from '../../../shared/engine/families/rows';
import { buildMixedRows } from '../../../shared/engine/request/buildMixedRows';
import { checkDeclaredColumns, isPlainRequest } from '../../../shared/engine/request/mixtureRequest';
import { validateFit } from '../../../shared/engine/model/validate';
import { runSweep, type RunSweepRuntime } from '../sweep/runSweep';
import type { Handler } from './handler';

const sharedFloat64 = (length: number): Float64Array =>
  new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT));

export const sweep: Handler<'sweep'> = {
  schema: sweepRequestSchema,
  async run(request, ctx) {
    const table = ctx.store.get(request.datasetId);
    checkDeclaredColumns(table, request);
    const runtime = {
      threads: request.threads,
      signal: ctx.signal,
      onProgress: (p: SweepProgress) => ctx.progress(p, true),
    };
    if (!isPlainRequest(table, request)) return mixedSweep(table, request, runtime);
    const matrix = buildFitMatrix(table, request, sharedFloat64);
    // The checks that K = 1 shares with every K: a failure here would fail every cell alike.
    validateFit(matrix.X, matrix.nSamples, matrix.nFeatures, {
      ...request.options,
      nComponents: 1,
      covarianceType: 'full',
    });
    const run = await runSweep(matrix.X, matrix.nSamples, matrix.nFeatures, request, runtime);
    const response: SweepResponse = {
      cells: run.cells,
      best: bestCells(run.cells),
      preprocessing: matrix.preprocessing,
      nSamples: matrix.nSamples,
      droppedRows: matrix.droppedMissing + matrix.droppedNonPositive,
      threads: run.threads,
      seconds: run.seconds,
    };
    return response;
  },
};

/**
 * A sweep of a mixed-type (or missing-data, or weighted) model: the rows are built once, copied to
 * shared memory for the cell workers, and every cell is a fitMixture. Without numeric columns the
 * covariance type means nothing, so the grid runs over K only, under the first type asked for.
 */
async function mixedSweep(
  table: DataTable,
  request: Parameters<Handler<'sweep'>['run']>[0],
  runtime: RunSweepRuntime,
): Promise<SweepResponse> {
  const built = buildMixedRows(table, request);
  const rows = sharedRows(built.rows);
  const covarianceTypes = rows.d > 0 ? request.covarianceTypes : request.covarianceTypes.slice(0, 1);
  const run = await runSweep(
    rows.X,
    rows.nSamples,
    rows.d,
    { ...request, covarianceTypes, mixed: { rows, smoothing: request.smoothing } },
    runtime,
  );
  return {
    cells: run.cells,
    best: bestCells(run.cells),
    preprocessing: built.preprocessing,
    nSamples: rows.nSamples,
    droppedRows: built.droppedMissing + built.droppedNonPositive + built.droppedZeroWeight,
    threads: run.threads,
    seconds: run.seconds,
  };
}

/** The rows with every array on a SharedArrayBuffer, so each worker maps them instead of a copy. */
function sharedRows(rows: MixedRows): MixedRows {
  const f64 = (a: Float64Array): Float64Array => {
    const out = sharedFloat64(a.length);
    out.set(a);
    return out;
  };
  const i32 = (a: Int32Array): Int32Array => {
    const out = new Int32Array(new SharedArrayBuffer(a.length * Int32Array.BYTES_PER_ELEMENT));
    out.set(a);
    return out;
  };
  return {
    ...rows,
    X: f64(rows.X),
    pattern: rows.pattern && i32(rows.pattern),
    codes: i32(rows.codes),
    counts: f64(rows.counts),
    successes: f64(rows.successes),
    trials: f64(rows.trials),
    rowConstant: rows.rowConstant && f64(rows.rowConstant),
    weights: rows.weights && f64(rows.weights),
  };
}
