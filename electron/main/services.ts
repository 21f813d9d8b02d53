/**
 * The main process's implementation of the window.mixlab contract. Plain TypeScript over injected
 * dependencies (engine, dialogs, events), so the very same services run in Electron and in the e2e
 * harness; only the transport and the native dialogs differ.
 */
import path from 'node:path';
import type { ApiResultOf, ArgOf, AppInfo, MixlabEvent, MixlabMethod } from '../../shared/api';
import { EngineError, ErrorCodes } from '../../shared/protocol';
import type { EngineCaller } from '../engine/engineCaller';
import { SAMPLES } from './samples';

export interface Dialogs {
  /** The native "Open data file" dialog: an absolute path, or null if the user cancels. */
  chooseDataFile(): Promise<string | null>;
}

export interface ServiceDeps {
  engine: EngineCaller;
  dialogs: Dialogs;
  samplesDir: string;
  appInfo: () => Omit<AppInfo, 'engine'>;
  emit: (event: MixlabEvent) => void;
}

export type MixlabServices = { [M in MixlabMethod]: (arg: ArgOf<M>) => Promise<ApiResultOf<M>> };

export function createServices(deps: ServiceDeps): MixlabServices {
  const jobs = new Map<string, AbortController>();

  /** Runs an engine call as a renderer job: progress to the renderer, cancellable by jobId. */
  async function job<T>(
    jobId: string,
    run: (signal: AbortSignal, onProgress: (p: unknown) => void) => Promise<T>,
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

  return {
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
        deps.engine.call(
          'dataset.import',
          { path: path.join(deps.samplesDir, sample.file) },
          { signal, onProgress },
        ),
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
      return job(jobId, (signal, onProgress) =>
        deps.engine.call('dataset.import', options, { signal, onProgress }),
      );
    },
    async getRows(arg) {
      return deps.engine.call('dataset.rows', arg);
    },
    async fit({ jobId, request }) {
      return job(jobId, (signal, onProgress) => deps.engine.call('fit', request, { signal, onProgress }));
    },
    async cancelJob({ jobId }) {
      const controller = jobs.get(jobId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
  };
}
