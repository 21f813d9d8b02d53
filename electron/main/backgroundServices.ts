/**
 * The main process's side of the background model (window.mixlab chooseFrameSource … closeBackgroundRun).
 * A run's masks and background estimates are written by the engine into a temporary folder that
 * main owns and names by a run id; the page only ever holds that id, asks for one frame at a time
 * (the engine reads it back, shrunk to a bounded box) and has the masks copied into a folder the
 * user chose in the native folder dialog (pathGrants.ts grantFolder). So no path the page invents is
 * ever written, and the sequence is never held whole in the engine, main or the page.
 */
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ApiResultOf, ArgOf } from '../../shared/api';
import type { BackgroundMethod } from '../../shared/background/apiArgSchemas';
import type { FrameSourceKind, MaskExportProgress } from '../../shared/background/backgroundRun';
import { EngineError, ErrorCodes, cancelledError } from '../../shared/errors';
import type { EngineCaller } from '../engine/engineCaller';
import type { PathGrants } from './pathGrants';

export interface FrameDialogs {
  /** Native open dialog for a folder of frames or an animated GIF: an absolute path, or null. */
  chooseFrameSource?(kind: FrameSourceKind): Promise<string | null>;
  /** Native folder dialog for exported masks: an absolute path, or null. */
  chooseExportFolder?(): Promise<string | null>;
}

export interface BackgroundServiceDeps {
  engine: EngineCaller;
  dialogs: FrameDialogs;
  grants: PathGrants;
  /** The folder under which runs keep their outputs, one subfolder each (created when needed). */
  workDir: () => Promise<string>;
  /** From createServices: a renderer job (progress on jobId, cancel). */
  job<T>(
    jobId: string,
    run: (signal: AbortSignal, onProgress: (p: unknown) => void) => Promise<T>,
  ): Promise<T>;
}

export type BackgroundServices = {
  [M in BackgroundMethod]: (arg: ArgOf<M>) => Promise<ApiResultOf<M>>;
};

export const BACKGROUND_RUN_UNKNOWN = 'background_run_unknown';

/** Runs whose outputs stay on disk: the page shows one; the oldest beyond these are deleted. */
export const MAX_KEPT_RUNS = 3;

interface KeptRun {
  source: string;
  dir: string;
  masks: string[];
}

export function createBackgroundServices(deps: BackgroundServiceDeps): BackgroundServices {
  const runs = new Map<string, KeptRun>();
  let counter = 0;

  function runOf(runId: string): KeptRun {
    const run = runs.get(runId);
    if (!run)
      throw new EngineError(
        BACKGROUND_RUN_UNKNOWN,
        'The results of this background run are no longer kept; run the model again.',
        { runId },
      );
    return run;
  }

  async function forget(runId: string): Promise<boolean> {
    const run = runs.get(runId);
    if (!run) return false;
    runs.delete(runId);
    await rm(run.dir, { recursive: true, force: true });
    return true;
  }

  const folders = (dir: string) => ({
    masks: path.join(dir, 'masks'),
    estimates: path.join(dir, 'estimates'),
  });

  return {
    async chooseFrameSource({ kind }) {
      const chosen = (await deps.dialogs.chooseFrameSource?.(kind)) ?? null;
      return chosen ? { path: chosen } : null;
    },
    async chooseExportFolder() {
      const chosen = (await deps.dialogs.chooseExportFolder?.()) ?? null;
      if (!chosen) return null;
      deps.grants.grantFolder(chosen);
      return { path: chosen };
    },
    async runBackground({ jobId, source, options }) {
      return deps.job(jobId, async (signal, onProgress) => {
        const root = await deps.workDir();
        await mkdir(root, { recursive: true });
        const dir = await mkdtemp(path.join(root, 'run-'));
        try {
          const summary = await deps.engine.call(
            'background',
            { source, out: folders(dir).masks, estimates: folders(dir).estimates, options },
            { signal, onProgress },
          );
          const runId = `run-${++counter}`;
          runs.set(runId, { source, dir, masks: summary.masks });
          for (const old of [...runs.keys()].slice(0, Math.max(0, runs.size - MAX_KEPT_RUNS)))
            await forget(old);
          return {
            runId,
            source,
            frames: summary.frames,
            width: summary.width,
            height: summary.height,
            channels: summary.channels,
            options: summary.options,
            masks: summary.masks,
            foregroundFraction: summary.foregroundFraction,
            seconds: summary.seconds,
          };
        } catch (err) {
          await rm(dir, { recursive: true, force: true });
          throw err;
        }
      });
    },
    async getBackgroundFrame({ runId, index, box }) {
      const run = runOf(runId);
      if (index >= run.masks.length)
        throw new EngineError(
          ErrorCodes.InvalidPayload,
          `The run has ${run.masks.length} frames; there is no frame ${index + 1}.`,
        );
      return deps.engine.call('background.frame', {
        source: run.source,
        ...folders(run.dir),
        maskName: run.masks[index],
        index,
        box,
      });
    },
    async exportBackgroundMasks({ jobId, runId, folder }) {
      const run = runOf(runId);
      // Every target is checked before the first is written: a refused export writes nothing.
      const targets = run.masks.map((name) => path.join(folder, name));
      for (const target of targets) deps.grants.checkWrite(target, 'export the masks');
      return deps.job(jobId, async (signal, onProgress) => {
        const from = folders(run.dir).masks;
        for (let i = 0; i < targets.length; i++) {
          if (signal.aborted) throw cancelledError('mask export');
          await copyFile(path.join(from, run.masks[i]), targets[i]);
          onProgress({ written: i + 1, total: targets.length } satisfies MaskExportProgress);
        }
        return { folder, files: targets.length };
      });
    },
    async closeBackgroundRun({ runId }) {
      return { closed: await forget(runId) };
    },
  };
}
