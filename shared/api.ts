/**
 * The `window.mixlab` contract: everything the sandboxed renderer may ask of the system. It travels
 * over exactly one invoke channel and one event channel (names below). Each method takes a single
 * argument object, validated in the main process by `apiArgSchemas` (shared/apiSchemas.ts), and
 * resolves to its result or rejects with a `MixlabRejection` (plain data: code, message, details),
 * which the page turns back into a `MixlabError` (mixlabErrorOf).
 *
 * A new call is one entry in `MixlabMethods`, one name in METHOD_NAMES, one schema, one main-side
 * handler; the compiler asks for each.
 */
import type {
  CategoriesRequest,
  CategoriesResult,
  ColumnValuesRequest,
  ColumnValuesResult,
  DatasetSummary,
  ImportOptions,
  PreviewResult,
  RowsRequest,
  RowsResult,
} from './data/types';
import type { FitRequest, FitResponse } from './engine/model/types';
import type { SweepRequest, SweepResponse } from './engine/sweep/types';
import type { EngineExitReason, ProgressOf } from './protocol';
import { EngineError, type EngineErrorInfo } from './errors';
import type { AppliedModel } from './export/applyModel';
import type { LabelExportOptions, LabelExportSummary } from './export/labelExport';
import type { ColumnMatch, LabelModel } from './export/labelModel';
import type { MixtureModel } from './engine/request/mixtureModel';
import type { ImputedCell, StoredPrediction } from './engine/request/storedModelApply';
import type { BackgroundOptions } from './engine/background/backgroundOptions';
import type { FrameView, FrameViewBox } from './engine/background/frameViewRequest';
import type { BackgroundRun, FrameSourceKind, MaskExportSummary } from './background/backgroundRun';
import type { DataSource, MixlabProject, ProjectState } from './project/schema';
import type { DataSourceStatus, OpenedProject, RecoverableSummary, SavedProject } from './project/status';

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
  /** A quick look at a file for the import dialog (detected or overridden settings, first rows). */
  previewDataset: { arg: { options: ImportOptions }; result: PreviewResult };
  getRows: { arg: RowsRequest; result: RowsResult };
  /** Whole numeric columns as Float64Array (NaN = missing), for charts and column sparklines. */
  getColumnValues: { arg: ColumnValuesRequest; result: ColumnValuesResult };
  /** Columns read as categories (level codes and levels, as a fit codes them), for discrete views. */
  getCategories: { arg: CategoriesRequest; result: CategoriesResult };
  /** Fits a mixture in the engine process. Progress on `jobId`. */
  fit: { arg: { jobId: string; request: FitRequest }; result: FitResponse };
  /**
   * Model selection: fits every K × covariance-type cell. Progress on `jobId` is a
   * SweepProgress per finished task, carrying the finished cell (with its fitted params) as it stands;
   * cancellable with cancelJob. "Use this cell" needs no refit: applyModel with the cell's params and
   * the response's preprocessing gives its labels and responsibilities.
   */
  sweep: { arg: { jobId: string; request: SweepRequest }; result: SweepResponse };
  /**
   * Labels and responsibilities of the dataset's rows under a stored mixed-type model (families,
   * weights or missing cells): a chosen model-selection cell, a reopened project. Never refitted.
   */
  predictMixture: { arg: { datasetId: string; model: MixtureModel }; result: StoredPrediction };
  /** The expected value of the missing cells of some rows (at most 10 000) under such a model. */
  imputeCells: {
    arg: { datasetId: string; model: MixtureModel; rows: number[] };
    result: { cells: ImputedCell[] };
  };
  /** Frees a dataset in the engine (the user closed the file). */
  closeDataset: { arg: { datasetId: string }; result: { released: boolean } };
  /** Cancels a running job; resolves false if it was not running. */
  cancelJob: { arg: { jobId: string }; result: { cancelled: boolean } };

  // Export, apply model, project files, autosave. Paths are absolute; files are replaced
  // atomically; refusals carry stable codes (save_failed, project_corrupt, project_foreign,
  // project_too_new, project_invalid, model_*, model_columns_missing, export_unencodable, …).
  /** Native save dialog for a project, a label export or a model file; null if the user cancels. */
  chooseSavePath: {
    arg: { purpose: SaveFilePurpose; suggestedName?: string };
    result: { path: string } | null;
  };
  /** Native open dialog for a project or a model file; null if the user cancels. */
  chooseOpenPath: { arg: { purpose: 'project' | 'model' }; result: { path: string } | null };
  /**
   * Writes the dataset's rows with labels recomputed from `model` (CSV or .xlsx). `match` 'index'
   * (default) for the dataset the model was fitted on, 'name' for another file. Progress
   * {rowsWritten, totalRows} on `jobId`; cancellable.
   */
  exportLabels: {
    arg: {
      jobId: string;
      datasetId: string;
      model: LabelModel;
      match?: ColumnMatch;
      path: string;
      options?: Partial<LabelExportOptions>;
    };
    result: LabelExportSummary;
  };
  /** Labels and responsibilities of the dataset's rows under a stored model (never refitted). */
  applyModel: { arg: { datasetId: string; model: LabelModel; match?: ColumnMatch }; result: AppliedModel };
  /** Writes a model JSON file (scikit-learn shapes plus preprocessing). */
  exportModel: { arg: { path: string; model: LabelModel }; result: { path: string; bytes: number } };
  /** Reads a model JSON file, validated; its preprocessing knows column names only (match 'name'). */
  loadModel: { arg: { path: string }; result: LabelModel };
  /** Saves the analysis; the main process adds format, version, time and the data fingerprint. */
  saveProject: { arg: { path: string; state: ProjectState; embedData?: boolean }; result: SavedProject };
  /** Opens a project: validated, migrated, with the state of its data file. */
  openProject: { arg: { path: string }; result: OpenedProject };
  /** Checks a project's data file again, or a file the user located in its place. */
  checkDataSource: { arg: { dataSource: DataSource; path?: string }; result: DataSourceStatus };
  /** Unpacks a project's embedded data into the app's data folder; import the returned path. */
  extractEmbeddedData: { arg: { path: string }; result: { path: string } };
  /** The current working state for autosave (written every minute if changed); null = nothing open. */
  autosave: { arg: { state: ProjectState | null }; result: { accepted: true } };
  /** The analysis of a session that did not exit cleanly, if any: time and summary for the prompt. */
  findRecoverable: { arg: Record<string, never>; result: RecoverableSummary | null };
  /** That analysis in full. */
  recoverAutosave: { arg: Record<string, never>; result: MixlabProject };
  /** Forgets it (the user declined, or restored it). */
  discardAutosave: { arg: Record<string, never>; result: { discarded: true } };

  // The per-pixel background model over a sequence of frames (shared/background/backgroundRun.ts).
  /** Native open dialog for a folder of frames or an animated GIF (one or the other); null if cancelled. */
  chooseFrameSource: { arg: { kind: FrameSourceKind }; result: { path: string } | null };
  /** Native folder dialog for exporting masks: the folder becomes writable for them; null if cancelled. */
  chooseExportFolder: { arg: Record<string, never>; result: { path: string } | null };
  /**
   * Runs the background model over the frames of `source`; the masks and estimates stay in a
   * temporary folder of main, named by the run's id. Progress {frame, frames} on `jobId`; cancellable.
   */
  runBackground: {
    arg: { jobId: string; source: string; options?: Partial<BackgroundOptions> };
    result: BackgroundRun;
  };
  /** Frame `index` of a run with its mask and background estimate, shrunk to fit `box`. */
  getBackgroundFrame: { arg: { runId: string; index: number; box: FrameViewBox }; result: FrameView };
  /**
   * Copies a run's masks (255 foreground, 0 background; named after the frames) into a folder chosen
   * with chooseExportFolder. Progress {written, total} on `jobId`; cancellable between files.
   */
  exportBackgroundMasks: {
    arg: { jobId: string; runId: string; folder: string };
    result: MaskExportSummary;
  };
  /** Deletes a run's temporary folder (a new run or another source replaces it). */
  closeBackgroundRun: { arg: { runId: string }; result: { closed: boolean } };

  // Desktop integration: the native app menu and files opened by the OS.
  /** What the native menu shows: enabled items, the recent list, the checked theme and language. */
  setMenuState: { arg: MenuState; result: { accepted: true } };
  /**
   * The page is ready for files: those given on the command line or by the OS before it loaded, once.
   * Later ones arrive as `open-path` events.
   */
  takeLaunchFiles: { arg: Record<string, never>; result: { files: LaunchFile[] } };
  /**
   * The answer to a 'close-window' command (the window or the app is closing with unsaved changes):
   * proceed = the user saved or chose not to; false = cancelled, the window stays.
   */
  closeWindow: { arg: { proceed: boolean }; result: { accepted: true } };
}

/** A file the OS asked the app to open (command line, file association, second launch, drop on the dock). */
export interface LaunchFile {
  path: string;
  /** By extension: .mixlab is a project; .csv/.tsv/.txt/.xlsx are data (through the import dialog). */
  kind: 'project' | 'data';
}

/** Commands of the native app menu the page carries out with the same store actions as its own File menu. */
export const MENU_COMMANDS = [
  'new',
  'open-data',
  'open-project',
  'open-recent',
  // The background model's frames: a folder, or an animated GIF (two dialogs, see nativeDialogs.ts).
  'open-frames-folder',
  'open-frames-gif',
  'save',
  'save-as',
  'export-labels',
  'export-model',
  'theme-light',
  'theme-dark',
  'theme-system',
  'language-en',
  'language-zh-CN',
  // Not a menu item: main asks before the window closes (close button, Quit) while there are unsaved
  // changes; the page answers with closeWindow.
  'close-window',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** The page's state as the native menu needs it (sent by the page whenever it changes). */
export interface MenuState {
  /** Something is open (Save As possible). */
  hasDocument: boolean;
  /** Save possible now (a document, nothing saving). */
  canSave: boolean;
  /** A fit to export labels or the model from. */
  canExport: boolean;
  /** Unsaved changes (the window's "edited" mark; closing asks first). */
  dirty: boolean;
  /** Recent project paths, most recent first. */
  recent: string[];
  locale: 'en' | 'zh-CN';
  themeMode: 'auto' | 'light' | 'dark';
}

export type SaveFilePurpose = 'project' | 'labels-csv' | 'labels-xlsx' | 'model';

export type MixlabMethod = keyof MixlabMethods;
export type ArgOf<M extends MixlabMethod> = MixlabMethods[M]['arg'];
export type ApiResultOf<M extends MixlabMethod> = MixlabMethods[M]['result'];

/**
 * Every method, once: typed as a Record over MixlabMethod, so the compiler refuses a missing or an
 * unknown name; the list the preload and the main router iterate is its keys, in this order.
 */
const METHOD_NAMES: Record<MixlabMethod, true> = {
  getAppInfo: true,
  listSamples: true,
  openSample: true,
  chooseDataFile: true,
  importDataset: true,
  previewDataset: true,
  getRows: true,
  getColumnValues: true,
  getCategories: true,
  fit: true,
  sweep: true,
  predictMixture: true,
  imputeCells: true,
  closeDataset: true,
  cancelJob: true,
  chooseSavePath: true,
  chooseOpenPath: true,
  exportLabels: true,
  applyModel: true,
  exportModel: true,
  loadModel: true,
  saveProject: true,
  openProject: true,
  checkDataSource: true,
  extractEmbeddedData: true,
  autosave: true,
  findRecoverable: true,
  recoverAutosave: true,
  discardAutosave: true,
  chooseFrameSource: true,
  chooseExportFolder: true,
  runBackground: true,
  getBackgroundFrame: true,
  exportBackgroundMasks: true,
  closeBackgroundRun: true,
  setMenuState: true,
  takeLaunchFiles: true,
  closeWindow: true,
};

export const MIXLAB_METHODS = Object.keys(METHOD_NAMES) as readonly MixlabMethod[];

/** Events pushed from the main process to the renderer. */
export type MixlabEvent =
  | {
      type: 'progress';
      jobId: string;
      progress: ProgressOf<'fit'> | ProgressOf<'sweep'> | ProgressOf<'dataset.import'> | unknown;
    }
  | {
      type: 'engine-crashed';
      message: string;
      restarted: boolean;
      /** Why it stopped, and the technical cause ("signal SIGKILL", "exit code 70"). */
      reason?: EngineExitReason;
      detail?: string;
    }
  /** A native menu item; `path` only with 'open-recent'. */
  | { type: 'menu'; command: MenuCommand; path?: string }
  /** A file the OS handed over while the page was ready (see takeLaunchFiles). */
  | ({ type: 'open-path' } & LaunchFile);

/** What travels back over the invoke channel: never a thrown Error (Electron would mangle its text). */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: EngineErrorInfo };

/**
 * A refused window.mixlab call on the page's side: the engine's or the main process's coded error
 * (shared/errors.ts), rebuilt from the MixlabRejection the preload rejected with. Only the name
 * differs from EngineError. Page-side tests reject with it directly.
 */
export class MixlabError extends EngineError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.name = 'MixlabError';
  }
}

/**
 * What a refused window.mixlab call rejects with: plain data, never an Error. Electron's
 * contextBridge copies a promise's rejection into the page by its own rules, and an Error — any
 * subclass, MixlabError too — arrives as `new Error(message)` with its code and details gone
 * (shell/renderer/api/electron_api_context_bridge.cc, the IsNativeError branch; docs/api/
 * context-bridge.md: "any custom properties on the Error object will be lost"). A plain object's
 * own fields are copied, so `code` and `details` survive; the page rebuilds the error with
 * mixlabErrorOf.
 */
export interface MixlabRejection extends EngineErrorInfo {
  name: 'MixlabError';
}

export function toRejection(error: EngineErrorInfo): MixlabRejection {
  const rejection: MixlabRejection = { name: 'MixlabError', code: error.code, message: error.message };
  if (error.details) rejection.details = error.details;
  return rejection;
}

/**
 * The MixlabError a window.mixlab call rejected with: rebuilt from the plain data of a
 * MixlabRejection (what the page receives across the bridge), or the coded error itself. Null for
 * anything else — an Error the bridge reduced to its message, a bug's TypeError — which has no
 * code to trust.
 */
export function mixlabErrorOf(reason: unknown): MixlabError | null {
  if (reason instanceof MixlabError) return reason;
  if (reason instanceof EngineError) return new MixlabError(reason.code, reason.message, reason.details);
  if (typeof reason !== 'object' || reason === null || reason instanceof Error) return null;
  const { code, message, details } = reason as Partial<Record<keyof MixlabRejection, unknown>>;
  if (typeof code !== 'string' || code === '' || typeof message !== 'string') return null;
  const record =
    typeof details === 'object' && details !== null && !Array.isArray(details)
      ? (details as Record<string, unknown>)
      : undefined;
  return new MixlabError(code, message, record);
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
      // Plain data, not a MixlabError: only a plain object's fields cross contextBridge (above).
      throw toRejection(envelope.error);
    };
  }
  api.onEvent = (listener: (event: MixlabEvent) => void) => subscribe(listener);
  api.pathForDroppedFile = (file: unknown) => local.pathForDroppedFile(file);
  return Object.freeze(api) as MixlabApi;
}
