/**
 * The engine-process message protocol: the single contract between the main process (or a test,
 * or the CLI) and the engine. Every message is a plain structured-cloneable object; typed arrays
 * travel as typed arrays (transferred where possible), never as JSON.
 *
 *   caller → engine   { type: 'request', id, kind, payload }   { type: 'cancel', id }
 *   engine → caller   { type: 'progress', id, progress }       { type: 'result', id, result }
 *                     { type: 'error', id, error: { code, message } }
 *                     { type: 'ready', pid }                    (once, when the engine is listening)
 *
 * A new engine call is one entry in `EngineMethods` plus one handler in electron/engine/handlers.
 */
import type {
  CategoriesRequest,
  CategoriesResult,
  ColumnValuesRequest,
  ColumnValuesResult,
  DatasetSummary,
  ImportOptions,
  ImportProgress,
  PreviewResult,
  RowsRequest,
  RowsResult,
} from './data/types';
import type { FitRequest, FitResponse, FitProgress } from './engine/model/types';
import type { SweepProgress, SweepRequest, SweepResponse } from './engine/sweep/types';
import type {
  BackgroundProgress,
  BackgroundRequest,
  BackgroundSummary,
} from './engine/background/backgroundRequest';
import type { FrameView, FrameViewRequest } from './engine/background/frameViewRequest';
import type {
  LabelExportProgress,
  LabelExportRequest,
  LabelExportSummary,
  ModelApplyRequest,
} from './export/labelExport';
import type { AppliedModel } from './export/applyModel';
import type { MixtureImputeRequest, MixturePredictRequest } from './engine/request/mixtureModel';
import type { ImputedCell, StoredPrediction } from './engine/request/storedModelApply';
import { ErrorCodes, type EngineErrorInfo } from './errors';

export interface HelloResult {
  engineVersion: string;
  pid: number;
  threads: number;
  node: string;
}

/** kind → payload, result and progress types. */
export interface EngineMethods {
  hello: { payload: Record<string, never>; result: HelloResult; progress: never };
  'dataset.import': { payload: ImportOptions; result: DatasetSummary; progress: ImportProgress };
  /** Detected settings (or the given overrides), the first rows and sampled kinds; stores nothing. */
  'dataset.preview': { payload: ImportOptions; result: PreviewResult; progress: never };
  'dataset.rows': { payload: RowsRequest; result: RowsResult; progress: never };
  'dataset.release': { payload: { datasetId: string }; result: { released: boolean }; progress: never };
  /** Whole numeric columns as Float64Array (NaN = missing), for the renderer's charts. */
  'dataset.columnValues': { payload: ColumnValuesRequest; result: ColumnValuesResult; progress: never };
  /** Columns as category codes and levels (as a fit codes them), for the views of discrete columns. */
  'dataset.categories': { payload: CategoriesRequest; result: CategoriesResult; progress: never };
  fit: { payload: FitRequest; result: FitResponse; progress: FitProgress };
  /** Model selection: every K × covariance type cell, one progress message per finished cell. */
  sweep: { payload: SweepRequest; result: SweepResponse; progress: SweepProgress };
  /** The per-pixel background model over a folder of frames or an animated GIF; masks written to a folder. */
  background: { payload: BackgroundRequest; result: BackgroundSummary; progress: BackgroundProgress };
  /** One frame of a finished run, with its mask and background estimate, shrunk to a display box. */
  'background.frame': { payload: FrameViewRequest; result: FrameView; progress: never };
  /** Writes the dataset's rows plus labels recomputed from the model (CSV or .xlsx), atomically. */
  'export.labels': { payload: LabelExportRequest; result: LabelExportSummary; progress: LabelExportProgress };
  /** Labels and responsibilities of a dataset's rows under a stored model (predict, never refit). */
  'model.apply': { payload: ModelApplyRequest; result: AppliedModel; progress: never };
  /** The same for a mixed-type model (families, weights, missing cells): predict at stored params. */
  'mixture.predict': { payload: MixturePredictRequest; result: StoredPrediction; progress: never };
  /** The expected value of each missing cell of some rows under a stored mixed-type model. */
  'mixture.impute': { payload: MixtureImputeRequest; result: { cells: ImputedCell[] }; progress: never };
  /**
   * Diagnostics used by the lifecycle tests and the "engine status" panel: works for `ms`
   * milliseconds in `steps` slices, reporting progress after each, checking cancellation between
   * slices, then returns. `crash: true` makes the engine process exit abruptly mid-work, which is how
   * tests (and support) reproduce an engine crash without a debugger.
   */
  'diagnostics.work': {
    payload: { ms: number; steps: number; crash?: boolean };
    result: { steps: number };
    progress: { step: number; steps: number };
  };
}

export type EngineKind = keyof EngineMethods;
export type PayloadOf<K extends EngineKind> = EngineMethods[K]['payload'];
export type ResultOf<K extends EngineKind> = EngineMethods[K]['result'];
export type ProgressOf<K extends EngineKind> = EngineMethods[K]['progress'];

/** Why an engine process ended: out of memory, killed from outside (SIGKILL), or any other exit. */
export type EngineExitReason = 'out-of-memory' | 'killed' | 'exited';

export type RequestMessage<K extends EngineKind = EngineKind> = {
  type: 'request';
  id: number;
  kind: K;
  payload: PayloadOf<K>;
};
export type CancelMessage = { type: 'cancel'; id: number };
export type ToEngineMessage = RequestMessage | CancelMessage;

export type ProgressMessage = { type: 'progress'; id: number; progress: unknown };
export type ResultMessage = { type: 'result'; id: number; result: unknown };
export type ErrorMessage = { type: 'error'; id: number; error: EngineErrorInfo };
export type ReadyMessage = { type: 'ready'; pid: number };
export type FromEngineMessage = ProgressMessage | ResultMessage | ErrorMessage | ReadyMessage;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
/** A plain object (not an array, a Date, a typed array, …), whichever realm made it: what `details` may be. */
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  Object.prototype.toString.call(v) === '[object Object]';
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Shape check for anything arriving at the engine. Payloads are validated by each handler's schema. */
export function parseToEngineMessage(raw: unknown): ToEngineMessage | EngineErrorInfo {
  if (!isObject(raw)) return { code: ErrorCodes.BadMessage, message: 'Engine message is not an object.' };
  if (raw.type === 'cancel' && isId(raw.id)) return { type: 'cancel', id: raw.id };
  if (raw.type === 'request' && isId(raw.id) && typeof raw.kind === 'string') {
    return { type: 'request', id: raw.id, kind: raw.kind as EngineKind, payload: raw.payload as never };
  }
  return { code: ErrorCodes.BadMessage, message: 'Engine message has no valid type, id or kind.' };
}

/** Shape check for anything arriving from the engine (the main side trusts nothing it cannot check). */
export function parseFromEngineMessage(raw: unknown): FromEngineMessage | null {
  if (!isObject(raw)) return null;
  switch (raw.type) {
    case 'ready':
      return typeof raw.pid === 'number' ? { type: 'ready', pid: raw.pid } : null;
    case 'progress':
      return isId(raw.id) ? { type: 'progress', id: raw.id, progress: raw.progress } : null;
    case 'result':
      return isId(raw.id) ? { type: 'result', id: raw.id, result: raw.result } : null;
    case 'error': {
      const error = raw.error;
      if (!isId(raw.id) || !isObject(error)) return null;
      const { code, message, details } = error;
      if (typeof code !== 'string' || typeof message !== 'string') return null;
      const info: EngineErrorInfo = isPlainObject(details) ? { code, message, details } : { code, message };
      return { type: 'error', id: raw.id, error: info };
    }
    default:
      return null;
  }
}
