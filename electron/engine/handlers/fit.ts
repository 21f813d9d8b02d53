/**
 * Engine kind `fit`: one Gaussian mixture on columns of a dataset the engine holds.
 * Payload validated by `fitRequestSchema` (the core parses it before `run`); the matrix is built by
 * `buildFitMatrix` (drop rows with missing values, log, standardise) and fitted by `runFit` (on
 * worker threads, or in this thread when the rows fit in one chunk). The fit's coded errors
 * (singular_component, too_few_samples, …) keep their code and details (e.g. the component index);
 * those that number features also get the columns' names (toEngineError).
 */
import { fitRequestSchema } from '../../../shared/engine/request/fitRequest';
import { buildFitMatrix } from '../../../shared/engine/request/buildFitMatrix';
import { EngineError } from '../../../shared/errors';
import type { FitResponse } from '../../../shared/engine/model/types';
import { runFit } from '../runFit';
import { withTransfer, type Handler } from './handler';

export const fit: Handler<'fit'> = {
  schema: fitRequestSchema,
  async run(request, ctx) {
    const table = ctx.store.get(request.datasetId);
    const matrix = buildFitMatrix(table, request);
    let result;
    try {
      result = await runFit(matrix.X, matrix.nSamples, matrix.nFeatures, request.options, {
        threads: request.threads,
        signal: ctx.signal,
        onProgress: (p) => ctx.progress(p),
      });
    } catch (err) {
      if (err instanceof EngineError) throw toEngineError(err, matrix.preprocessing.columnNames);
      throw err;
    }
    const response: FitResponse = {
      fit: result,
      preprocessing: matrix.preprocessing,
      rowIndex: matrix.rowIndex,
      droppedRows: matrix.droppedMissing + matrix.droppedNonPositive,
    };
    return withTransfer(
      response,
      transferable([result.resp, result.logDensity, result.labels, matrix.rowIndex]),
    );
  },
};

/**
 * The engine numbers features (details.columns, 0-based, and "Column 1" in the message); the user
 * knows them by name, so the names are added to both.
 */
function toEngineError(err: EngineError, columnNames: string[]): EngineError {
  const features = err.details?.columns;
  if (!Array.isArray(features) || !features.every((j) => typeof j === 'number' && j in columnNames)) {
    return new EngineError(err.code, err.message, err.details);
  }
  const names = features.map((j: number) => columnNames[j]);
  const message = `${err.message} (${names.length === 1 ? 'column' : 'columns'} ${names.map((c) => `"${c}"`).join(', ')})`;
  return new EngineError(err.code, message, { ...err.details, columnNames: names });
}

/**
 * The n-sized arrays are handed over instead of copied when the result crosses a process boundary.
 * Only arrays that own their whole ArrayBuffer are moved: transferring a view would detach memory
 * the engine may still use, a SharedArrayBuffer cannot be transferred, and a buffer listed twice
 * makes postMessage throw.
 */
function transferable(arrays: ArrayBufferView[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const a of arrays) {
    if (a.buffer instanceof ArrayBuffer && a.byteOffset === 0 && a.byteLength === a.buffer.byteLength)
      buffers.add(a.buffer);
  }
  return [...buffers];
}
