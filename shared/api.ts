/**
 * The `window.mixlab` contract: everything the sandboxed renderer may ask of the system. It travels
 * over exactly one invoke channel and one event channel (names below). Each method takes a single
 * argument object, validated in the main process by `apiArgSchemas` (shared/apiSchemas.ts), and
 * resolves to its result or rejects with a `MixlabError` carrying a stable code.
 *
 * A new call is one entry in `MixlabMethods`, one schema, one main-side handler; the compiler finds
 * the rest.
 */
import type {
  ColumnValuesRequest,
  ColumnValuesResult,
  DatasetSummary,
  ImportOptions,
  RowsRequest,
  RowsResult,
} from './data/types';
import type { FitRequest, FitResponse } from './engine/types';
import type { EngineErrorInfo, ProgressOf } from './protocol';

export const INVOKE_CHANNEL = 'mixlab:invoke';
export const EVENT_CHANNEL = 'mixlab:event';

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  /** OS locale, e.g. 'zh-CN'. */
  locale: string;
  /** OS colour scheme at start. */
  prefersDark: boolean;
  engine: { pid: number; threads: number } | null;
}

export interface SampleInfo {
  /** Stable id used by openSample. */
  id: 'iris' | 'faithful' | 'mall_customers';
  file: string;
  rows: number;
  columns: number;
}

export interface MixlabMethods {
  getAppInfo: { arg: Record<string, never>; result: AppInfo };
  listSamples: { arg: Record<string, never>; result: SampleInfo[] };
  /** Imports a sample dataset shipped with the app. Progress on `jobId`. */
  openSample: { arg: { id: SampleInfo['id']; jobId: string }; result: DatasetSummary };
  /** Shows the native "Open data file" dialog; null if the user cancels. */
  chooseDataFile: { arg: Record<string, never>; result: { path: string } | null };
  /** Imports a file (from chooseDataFile, drag and drop or a recent file). Progress on `jobId`. */
  importDataset: { arg: { jobId: string; options: ImportOptions }; result: DatasetSummary };
  getRows: { arg: RowsRequest; result: RowsResult };
  /** Whole numeric columns as Float64Array (NaN = missing), for charts and column sparklines. */
  getColumnValues: { arg: ColumnValuesRequest; result: ColumnValuesResult };
  /** Fits a mixture in the engine process. Progress on `jobId`. */
  fit: { arg: { jobId: string; request: FitRequest }; result: FitResponse };
  /** Frees a dataset in the engine (the user closed the file). */
  closeDataset: { arg: { datasetId: string }; result: { released: boolean } };
  /** Cancels a running job; resolves false if it was not running. */
  cancelJob: { arg: { jobId: string }; result: { cancelled: boolean } };
}

export type MixlabMethod = keyof MixlabMethods;
export type ArgOf<M extends MixlabMethod> = MixlabMethods[M]['arg'];
export type ApiResultOf<M extends MixlabMethod> = MixlabMethods[M]['result'];

export const MIXLAB_METHODS: readonly MixlabMethod[] = [
  'getAppInfo',
  'listSamples',
  'openSample',
  'chooseDataFile',
  'importDataset',
  'getRows',
  'getColumnValues',
  'fit',
  'closeDataset',
  'cancelJob',
];

/** Events pushed from the main process to the renderer. */
export type MixlabEvent =
  | { type: 'progress'; jobId: string; progress: ProgressOf<'fit'> | ProgressOf<'dataset.import'> | unknown }
  | { type: 'engine-crashed'; message: string; restarted: boolean };

/** What travels back over the invoke channel: never a thrown Error (Electron would mangle its text). */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: EngineErrorInfo };

export class MixlabError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'MixlabError';
  }
}

export type MixlabApi = {
  readonly [M in MixlabMethod]: (arg: ArgOf<M>) => Promise<ApiResultOf<M>>;
} & {
  /** Subscribes to main-process events; returns the unsubscribe function. */
  readonly onEvent: (listener: (event: MixlabEvent) => void) => () => void;
} & Readonly<LocalApi>;

/** Calls answered inside the page's own process (no IPC). */
export interface LocalApi {
  /** Path on disk of a File dropped on the window (a DOM File, typed loosely to keep shared/ DOM-free); null if unknown. */
  pathForDroppedFile(file: unknown): string | null;
}

/**
 * Builds the `window.mixlab` object over a transport: the preload passes ipcRenderer-based
 * functions, the e2e harness passes Playwright bindings. Names are fixed: there is no generic
 * "call any method" entry.
 */
export function createMixlabApi(
  invoke: (method: MixlabMethod, arg: unknown) => Promise<Envelope<unknown>>,
  subscribe: (listener: (event: MixlabEvent) => void) => () => void,
  local: LocalApi,
): MixlabApi {
  const api: Record<string, unknown> = {};
  for (const method of MIXLAB_METHODS) {
    api[method] = async (arg: unknown) => {
      const envelope = await invoke(method, arg ?? {});
      if (envelope.ok) return envelope.value;
      throw new MixlabError(envelope.error.code, envelope.error.message, envelope.error.details);
    };
  }
  api.onEvent = (listener: (event: MixlabEvent) => void) => subscribe(listener);
  api.pathForDroppedFile = (file: unknown) => local.pathForDroppedFile(file);
  return Object.freeze(api) as MixlabApi;
}
