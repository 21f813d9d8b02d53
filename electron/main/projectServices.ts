/**
 * The window.mixlab methods for files — label export, apply model, model files, project files,
 * autosave — as main-process services over the engine (export and apply run there), the project-file
 * module and the autosaver. `createServices` spreads them in; they share its job registry (progress,
 * cancel) and its dataset ids (engine restarts).
 */
import path from 'node:path';
import type { ApiResultOf, ArgOf, SaveFilePurpose } from '../../shared/api';
import { EngineError, ErrorCodes } from '../../shared/errors';
import { serializeModelFile } from '../../shared/project/modelFile';
import type { ProjectMethod } from '../../shared/project/apiArgSchemas';
import type { EngineCaller } from '../engine/engineCaller';
import { writeFileAtomic } from '../common/atomicWrite';
import { readModelFile } from '../common/readModelFile';
import type { Autosaver } from './autosave';
import type { PathGrants } from './pathGrants';
import {
  checkDataSource,
  extractEmbeddedData,
  openProjectFile,
  readProjectFile,
  saveProjectFile,
} from './projectFiles';

export interface FileDialogs {
  /** Native save dialog; an absolute path or null. */
  chooseSavePath?(purpose: SaveFilePurpose, suggestedName?: string): Promise<string | null>;
  /** Native open dialog for a project or a model file; an absolute path or null. */
  chooseOpenPath?(purpose: 'project' | 'model'): Promise<string | null>;
}

export interface ProjectServiceDeps {
  engine: EngineCaller;
  dialogs: FileDialogs;
  appVersion: () => string;
  /** The app's data folder (embedded data is unpacked under it). */
  appDataDir?: string;
  /** Started at launch (Autosaver.start), before the window asks findRecoverable. */
  autosaver?: Promise<Autosaver> | Autosaver;
  /** From createServices: a renderer job (progress on jobId, cancel) and dataset id translation. */
  job<T>(
    jobId: string,
    run: (signal: AbortSignal, onProgress: (p: unknown) => void) => Promise<T>,
  ): Promise<T>;
  engineIdOf(datasetId: string, signal?: AbortSignal): Promise<string>;
  /** Files the renderer may have main write (see pathGrants.ts): save-dialog choices, the open project. */
  grants: PathGrants;
  /**
   * The data files of the datasets open in this window, as main imported them: the only files a
   * save may embed (the page names the analysis's data file, main checks it is one of these).
   */
  openDataFiles?: () => readonly string[];
}

export const EMBED_NOT_OPEN = 'embed_not_open';

export type ProjectServices = { [M in ProjectMethod]: (arg: ArgOf<M>) => Promise<ApiResultOf<M>> };

export function createProjectServices(deps: ProjectServiceDeps): ProjectServices {
  const unavailable = (what: string) =>
    new EngineError('unavailable', `${what} is not available in this window.`);
  async function autosaver(): Promise<Autosaver> {
    if (!deps.autosaver) throw unavailable('Autosave');
    return deps.autosaver;
  }

  /**
   * Which file a save may embed is main's decision, not the page's: only the data file of a dataset
   * main itself imported in this window (the analysis's own data). Otherwise a compromised page
   * could name any readable file (~/.ssh/id_rsa) as its "data source" and have main copy it into a
   * project file the page then reads back.
   */
  function embeddableFile(requested: string | null): string {
    const own = deps.openDataFiles?.() ?? [];
    const match =
      requested === null ? undefined : own.find((file) => path.resolve(file) === path.resolve(requested));
    if (match === undefined) {
      throw new EngineError(
        EMBED_NOT_OPEN,
        `Mixture Lab embeds only the data file of the open analysis${requested ? `, and "${path.basename(requested)}" is not open` : ''}. Save without embedding the data, or open the data file first.`,
        requested ? { path: requested } : undefined,
      );
    }
    return match;
  }

  return {
    async chooseSavePath({ purpose, suggestedName }) {
      if (!deps.dialogs.chooseSavePath) throw unavailable('The save dialog');
      const chosen = await deps.dialogs.chooseSavePath(purpose, suggestedName);
      if (chosen) deps.grants.grantWrite(chosen);
      return chosen ? { path: chosen } : null;
    },
    async chooseOpenPath({ purpose }) {
      if (!deps.dialogs.chooseOpenPath) throw unavailable('The open dialog');
      const chosen = await deps.dialogs.chooseOpenPath(purpose);
      return chosen ? { path: chosen } : null;
    },
    async exportLabels({ jobId, datasetId, model, match, path: target, options }) {
      deps.grants.checkWrite(target, 'export the labels');
      return deps.job(jobId, async (signal, onProgress) =>
        deps.engine.call(
          'export.labels',
          { ...options, datasetId: await deps.engineIdOf(datasetId, signal), model, match, path: target },
          { signal, onProgress },
        ),
      );
    },
    async applyModel({ datasetId, model, match }) {
      return deps.engine.call('model.apply', { datasetId: await deps.engineIdOf(datasetId), model, match });
    },
    async exportModel({ path: target, model }) {
      deps.grants.checkWrite(target, 'save the model');
      const bytes = await writeFileAtomic(target, serializeModelFile(model, new Date(), deps.appVersion()));
      return { path: target, bytes };
    },
    async loadModel({ path: file }) {
      // The same reader and limits as `mixlab apply` (shared/project/jsonLimits.ts).
      return readModelFile(file);
    },
    async saveProject({ path: target, state, embedData }) {
      deps.grants.checkWrite(target, 'save the project');
      // Embedding reads main's own record of the data file, never a path only the page gave.
      const saved =
        embedData && state.dataSource
          ? { ...state, dataSource: { ...state.dataSource, path: embeddableFile(state.dataSource.path) } }
          : state;
      if (embedData && !state.dataSource) embeddableFile(null);
      return saveProjectFile(target, saved, { appVersion: deps.appVersion(), embedData });
    },
    async openProject({ path: file }) {
      const opened = await openProjectFile(file);
      // A project that opened is its own Save target (File → Save writes it back without a dialog).
      deps.grants.grantWrite(file);
      return opened;
    },
    async checkDataSource({ dataSource, path: candidate }) {
      return checkDataSource(dataSource, candidate);
    },
    async extractEmbeddedData({ path: file }) {
      if (!deps.appDataDir) throw unavailable('Unpacking embedded data');
      const project = await readProjectFile(file);
      return { path: await extractEmbeddedData(project, path.join(deps.appDataDir, 'embedded-data')) };
    },
    async autosave({ state }) {
      (await autosaver()).update(state);
      return { accepted: true };
    },
    async findRecoverable() {
      return (await autosaver()).findRecoverable();
    },
    async recoverAutosave() {
      const saver = await autosaver();
      if (!saver.findRecoverable()) {
        throw new EngineError(ErrorCodes.InvalidPayload, 'There is no unsaved analysis to restore.');
      }
      return saver.recover();
    },
    async discardAutosave() {
      await (await autosaver()).discardRecoverable();
      return { discarded: true };
    },
  };
}
