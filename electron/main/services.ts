/**
 * The main process's implementation of the window.mixlab contract. Plain TypeScript over injected
 * dependencies (engine, dialogs, events), so the very same services run in Electron and in the e2e
 * harness; only the transport and the native dialogs differ.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ApiResultOf, ArgOf, AppInfo, MixlabEvent, MixlabMethod } from '../../shared/api';
import type { DatasetSummary, ImportOptions } from '../../shared/data/types';
import { EngineError, ErrorCodes, cancelledError } from '../../shared/errors';
import type { EngineCaller } from '../engine/engineCaller';
import { SAMPLES } from './samples';
import { createProjectServices, type FileDialogs } from './projectServices';
import type { Autosaver } from './autosave';
import { PathGrants } from './pathGrants';
import { createDesktopServices, type DesktopHooks } from './desktopServices';
import { createBackgroundServices, type FrameDialogs } from './backgroundServices';

export interface Dialogs extends FileDialogs, FrameDialogs {
  /** The native "Open data file" dialog: an absolute path, or null if the user cancels. */
  chooseDataFile(): Promise<string | null>;
}

export interface ServiceDeps {
  engine: EngineCaller;
  dialogs: Dialogs;
  samplesDir: string;
  appInfo: () => Omit<AppInfo, 'engine'>;
  emit: (event: MixlabEvent) => void;
  /** The app's data folder (embedded project data is unpacked there). */
  appDataDir?: string;
  /** Autosave of the working analysis, started at launch (see autosave.ts). */
  autosaver?: Promise<Autosaver> | Autosaver;
  /** The native menu and the files the OS opens (absent outside the desktop app). */
  desktop?: DesktopHooks;
  /**
   * Files the renderer may have main write (pathGrants.ts). Default: save-dialog choices and opened
   * projects, plus `<appDataDir>/autosave` (where main.ts keeps the autosave).
   */
  pathGrants?: PathGrants;
}

export type MixlabServices = { [M in MixlabMethod]: (arg: ArgOf<M>) => Promise<ApiResultOf<M>> };

type Progress = (p: unknown) => void;

/**
 * A dataset the renderer has open. The renderer keeps the id it was first given; the engine's own id
 * changes when a crashed engine is replaced and the file is read again (the file is still on disk:
 * nothing the user did is lost).
 */
interface OpenDataset {
  options: ImportOptions;
  engineId: string;
  generation: number;
  /** The re-read into a restarted engine while it runs: calls arriving meanwhile share it. */
  reloading: Promise<void> | null;
}

export function createServices(deps: ServiceDeps): MixlabServices {
  const jobs = new Map<string, AbortController>();
  const datasets = new Map<string, OpenDataset>();
  const generation = () => deps.engine.generation ?? 0;
  const grants =
    deps.pathGrants ??
    new PathGrants({ writableFolders: deps.appDataDir ? [path.join(deps.appDataDir, 'autosave')] : [] });

  /** Runs an engine call as a renderer job: progress to the renderer, cancellable by jobId. */
  async function job<T>(
    jobId: string,
    run: (signal: AbortSignal, onProgress: Progress) => Promise<T>,
  ): Promise<T> {
    if (jobs.has(jobId))
      throw new EngineError(ErrorCodes.InvalidPayload, `Job "${jobId}" is already running.`);
    const controller = new AbortController();
    jobs.set(jobId, controller);
    try {
      return await run(controller.signal, (progress) => deps.emit({ type: 'progress', jobId, progress }));
    } finally {
      jobs.delete(jobId);
    }
  }

  async function importDataset(
    options: ImportOptions,
    signal?: AbortSignal,
    onProgress?: Progress,
  ): Promise<DatasetSummary> {
    const summary = await deps.engine.call('dataset.import', options, { signal, onProgress });
    datasets.set(summary.datasetId, {
      options,
      engineId: summary.datasetId,
      generation: generation(),
      reloading: null,
    });
    return summary;
  }

  /** The engine's id for a dataset the renderer holds, reading the file again after an engine restart. */
  async function engineIdOf(datasetId: string, signal?: AbortSignal): Promise<string> {
    const open = datasets.get(datasetId);
    if (!open) {
      throw new EngineError(
        ErrorCodes.UnknownDataset,
        'This dataset is no longer open; open the file again.',
      );
    }
    if (open.generation !== generation()) {
      // One re-read per restart, whoever asks first: two calls at once (a fit and the column
      // sparklines) must not load the file twice into an engine that may just have run out of
      // memory. The re-read is not tied to one caller's signal; a cancelled caller stops waiting.
      open.reloading ??= reload(open);
      await untilAborted(open.reloading, signal);
    }
    return open.engineId;
  }

  async function reload(open: OpenDataset): Promise<void> {
    const target = generation();
    try {
      const reloaded = await deps.engine.call('dataset.import', open.options);
      open.engineId = reloaded.datasetId;
      open.generation = target;
    } finally {
      open.reloading = null;
    }
  }

  /**
   * Where background runs keep their masks and estimates: `<app data>/background-runs`, emptied the
   * first time it is used in a session (what a crashed session left), or a fresh temporary folder.
   */
  let workDir: Promise<string> | null = null;
  const backgroundWorkDir = () =>
    (workDir ??= deps.appDataDir
      ? (async () => {
          const dir = path.join(deps.appDataDir!, 'background-runs');
          await rm(dir, { recursive: true, force: true });
          return dir;
        })()
      : mkdtemp(path.join(tmpdir(), 'mixlab-background-')));

  return {
    ...createDesktopServices(deps.desktop),
    ...createBackgroundServices({
      engine: deps.engine,
      dialogs: deps.dialogs,
      grants,
      job,
      workDir: backgroundWorkDir,
    }),
    ...createProjectServices({
      engine: deps.engine,
      dialogs: deps.dialogs,
      appVersion: () => deps.appInfo().version,
      appDataDir: deps.appDataDir,
      autosaver: deps.autosaver,
      job,
      engineIdOf,
      grants,
      openDataFiles: () => [...datasets.values()].map((open) => open.options.path),
    }),
    async getAppInfo() {
      let engine: AppInfo['engine'] = null;
      try {
        const hello = await deps.engine.call('hello', {});
        engine = { pid: hello.pid, threads: hello.threads };
      } catch {
        // The app still opens without an engine; import and fit will say what is wrong.
      }
      return { ...deps.appInfo(), engine };
    },
    async listSamples() {
      return [...SAMPLES];
    },
    async openSample({ id, jobId }) {
      const sample = SAMPLES.find((s) => s.id === id)!;
      return job(jobId, (signal, onProgress) =>
        importDataset({ path: path.join(deps.samplesDir, sample.file) }, signal, onProgress),
      );
    },
    async chooseDataFile() {
      const chosen = await deps.dialogs.chooseDataFile();
      return chosen ? { path: chosen } : null;
    },
    async importDataset({ jobId, options }) {
      if (!path.isAbsolute(options.path)) {
        throw new EngineError(ErrorCodes.InvalidPayload, 'A data file must be given by its absolute path.');
      }
      return job(jobId, (signal, onProgress) => importDataset(options, signal, onProgress));
    },
    async previewDataset({ options }) {
      if (!path.isAbsolute(options.path)) {
        throw new EngineError(ErrorCodes.InvalidPayload, 'A data file must be given by its absolute path.');
      }
      return deps.engine.call('dataset.preview', options);
    },
    async getRows(arg) {
      const rows = await deps.engine.call('dataset.rows', {
        ...arg,
        datasetId: await engineIdOf(arg.datasetId),
      });
      return rows;
    },
    async getColumnValues(arg) {
      return deps.engine.call('dataset.columnValues', {
        ...arg,
        datasetId: await engineIdOf(arg.datasetId),
      });
    },
    async getCategories(arg) {
      return deps.engine.call('dataset.categories', {
        ...arg,
        datasetId: await engineIdOf(arg.datasetId),
      });
    },
    async predictMixture(arg) {
      return deps.engine.call('mixture.predict', { ...arg, datasetId: await engineIdOf(arg.datasetId) });
    },
    async imputeCells(arg) {
      return deps.engine.call('mixture.impute', { ...arg, datasetId: await engineIdOf(arg.datasetId) });
    },
    async fit({ jobId, request }) {
      return job(jobId, async (signal, onProgress) =>
        deps.engine.call(
          'fit',
          { ...request, datasetId: await engineIdOf(request.datasetId, signal) },
          { signal, onProgress },
        ),
      );
    },
    async sweep({ jobId, request }) {
      return job(jobId, async (signal, onProgress) =>
        deps.engine.call(
          'sweep',
          { ...request, datasetId: await engineIdOf(request.datasetId, signal) },
          { signal, onProgress },
        ),
      );
    },
    async closeDataset({ datasetId }) {
      const open = datasets.get(datasetId);
      datasets.delete(datasetId);
      if (!open || open.generation !== generation()) return { released: open !== undefined };
      return deps.engine.call('dataset.release', { datasetId: open.engineId });
    },
    async cancelJob({ jobId }) {
      const controller = jobs.get(jobId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
  };
}

/** `work`, or a cancelled error as soon as `signal` aborts (the work itself goes on). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(cancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function cancelled(): EngineError {
  return cancelledError();
}
