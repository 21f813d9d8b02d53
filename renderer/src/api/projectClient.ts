import type { ArgOf, MixlabApi, SaveFilePurpose } from '../../../shared/api';
import type { DatasetSummary } from '../../../shared/data/types';
import type { AppliedModel } from '../../../shared/export/applyModel';
import type { LabelExportOptions, LabelExportSummary } from '../../../shared/export/labelExport';
import type { LabelModel } from '../../../shared/export/labelModel';
import type { DataSource, MixlabProject, ProjectState } from '../../../shared/project/schema';
import type {
  DataSourceStatus,
  OpenedProject,
  RecoverableSummary,
  SavedProject,
} from '../../../shared/project/status';
import { systemApi } from './systemApi';

/**
 * Project files, label and model export, autosave and recovery as the project store uses
 * them. Native dialogs answer null when the user cancels. Long jobs report progress on `jobId`.
 */
export interface ProjectClient {
  chooseSavePath(purpose: SaveFilePurpose, suggestedName?: string): Promise<string | null>;
  chooseOpenPath(purpose: 'project' | 'model'): Promise<string | null>;
  save(path: string, state: ProjectState, embedData: boolean): Promise<SavedProject>;
  open(path: string): Promise<OpenedProject>;
  checkDataSource(dataSource: DataSource, path?: string): Promise<DataSourceStatus>;
  extractEmbeddedData(projectPath: string): Promise<string>;
  applyModel(datasetId: string, model: LabelModel): Promise<AppliedModel>;
  exportLabels(
    arg: ArgOf<'exportLabels'> & { options?: Partial<LabelExportOptions> },
  ): Promise<LabelExportSummary>;
  exportModel(path: string, model: LabelModel): Promise<{ path: string; bytes: number }>;
  loadModel(path: string): Promise<LabelModel>;
  /** Imports a file outside the workspace (apply a model to it); closeDataset frees it. */
  importOther(path: string, jobId: string): Promise<DatasetSummary>;
  closeDataset(datasetId: string): Promise<void>;
  autosave(state: ProjectState | null): Promise<void>;
  findRecoverable(): Promise<RecoverableSummary | null>;
  recover(): Promise<MixlabProject>;
  discardRecoverable(): Promise<void>;
}

export function createProjectClient(api: MixlabApi = systemApi()): ProjectClient {
  return {
    chooseSavePath: async (purpose, suggestedName) =>
      (await api.chooseSavePath({ purpose, ...(suggestedName ? { suggestedName } : {}) }))?.path ?? null,
    chooseOpenPath: async (purpose) => (await api.chooseOpenPath({ purpose }))?.path ?? null,
    save: (path, state, embedData) => api.saveProject({ path, state, ...(embedData ? { embedData } : {}) }),
    open: (path) => api.openProject({ path }),
    checkDataSource: (dataSource, path) => api.checkDataSource({ dataSource, ...(path ? { path } : {}) }),
    extractEmbeddedData: async (path) => (await api.extractEmbeddedData({ path })).path,
    applyModel: (datasetId, model) => api.applyModel({ datasetId, model, match: 'index' }),
    exportLabels: (arg) => api.exportLabels(arg),
    exportModel: (path, model) => api.exportModel({ path, model }),
    loadModel: (path) => api.loadModel({ path }),
    importOther: (path, jobId) => api.importDataset({ jobId, options: { path } }),
    closeDataset: async (datasetId) => void (await api.closeDataset({ datasetId })),
    autosave: async (state) => void (await api.autosave({ state })),
    findRecoverable: () => api.findRecoverable({}),
    recover: () => api.recoverAutosave({}),
    discardRecoverable: async () => void (await api.discardAutosave({})),
  };
}
