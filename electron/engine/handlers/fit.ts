/**
 * Engine kind `fit`: one mixture on columns of a dataset the engine holds. Payload validated by
 * `fitRequestSchema` (the core parses it before `run`). A plain Gaussian request (numeric columns,
 * no weights, no missing cell to model: request/mixtureRequest.ts) builds its matrix with
 * `buildFitMatrix` and runs scikit-learn's exact fit (`runFit`); any other builds mixed rows
 * (`buildMixedRows`: families, missing cells, weights) and runs `runMixtureFit` — on worker
 * threads, or in this thread when the rows fit in one chunk. The fit's coded errors
 * (singular_component, too_few_samples, …) keep their code and details (e.g. the component index);
 * those that number features also get the columns' names (toEngineError).
 */
import { fitRequestSchema } from '../../../shared/engine/request/fitRequest';
import { buildFitMatrix } from '../../../shared/engine/request/buildFitMatrix';
import { EngineError } from '../../../shared/errors';
import type { FitProgress, FitResponse, FitResult } from '../../../shared/engine/model/types';
import { buildMixedRows } from '../../../shared/engine/request/buildMixedRows';
import {
  checkDeclaredColumns,
  isPlainRequest,
  mixtureInit,
} from '../../../shared/engine/request/mixtureRequest';
import { runFit, runMixtureFit } from '../runFit';
import { withTransfer, type Handler } from './handler';

export const fit: Handler<'fit'> = {
  schema: fitRequestSchema,
  async run(request, ctx) {
    const table = ctx.store.get(request.datasetId);
    checkDeclaredColumns(table, request);
    const runtime = {
      threads: request.threads,
      signal: ctx.signal,
      onProgress: (p: FitProgress) => ctx.progress(p),
    };
    if (isPlainRequest(table, request)) {
      const matrix = buildFitMatrix(table, request);
      const result = await named(
        runFit(matrix.X, matrix.nSamples, matrix.nFeatures, request.options, runtime),
        matrix.preprocessing.columnNames,
      );
      const response: FitResponse = {
        fit: result,
        preprocessing: matrix.preprocessing,
        rowIndex: matrix.rowIndex,
        droppedRows: matrix.droppedMissing + matrix.droppedNonPositive,
        missingCells: 0,
      };
      return withTransfer(
        response,
        transferable([result.resp, result.logDensity, result.labels, matrix.rowIndex]),
      );
    }
    const built = buildMixedRows(table, request);
    const { options } = request;
    const result = await named(
      runMixtureFit(
        built.rows,
        {
          ...options,
          smoothing: request.smoothing,
          initParams: mixtureInit(
            options.initParams,
            built.preprocessing,
            options.covarianceType,
            options.nComponents,
          ),
        },
        runtime,
      ),
      built.preprocessing.columnNames,
    );
    const response: FitResponse = {
      fit: result,
      preprocessing: built.preprocessing,
      rowIndex: built.rowIndex,
      droppedRows: built.droppedMissing + built.droppedNonPositive + built.droppedZeroWeight,
      missingCells: built.missingCells,
      ...(built.rows.weights ? { totalWeight: built.rows.weights.reduce((a, b) => a + b, 0) } : {}),
    };
    return withTransfer(
      response,
      transferable([result.resp, result.logDensity, result.labels, built.rowIndex]),
    );
  },
};

/** The fit's refusals with the feature names added (toEngineError). */
async function named(fit: Promise<FitResult>, columnNames: string[]): Promise<FitResult> {
  try {
    return await fit;
  } catch (err) {
    if (err instanceof EngineError) throw toEngineError(err, columnNames);
    throw err;
  }
}

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
