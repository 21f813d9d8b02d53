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
import type { SweepResponse } from '../../../shared/engine/sweep/types';
import { validateFit } from '../../../shared/engine/model/validate';
import { runSweep } from '../sweep/runSweep';
import type { Handler } from './handler';

const sharedFloat64 = (length: number): Float64Array =>
  new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT));

export const sweep: Handler<'sweep'> = {
  schema: sweepRequestSchema,
  async run(request, ctx) {
    const table = ctx.store.get(request.datasetId);
    const matrix = buildFitMatrix(table, request, sharedFloat64);
    // The checks that K = 1 shares with every K: a failure here would fail every cell alike.
    validateFit(matrix.X, matrix.nSamples, matrix.nFeatures, {
      ...request.options,
      nComponents: 1,
      covarianceType: 'full',
    });
    const run = await runSweep(matrix.X, matrix.nSamples, matrix.nFeatures, request, {
      threads: request.threads,
      signal: ctx.signal,
      onProgress: (p) => ctx.progress(p, true),
    });
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
