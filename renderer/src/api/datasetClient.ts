import type { MixlabApi, SampleInfo } from '../../../shared/api';
import type {
  DatasetSummary,
  ImportOptions,
  PreviewResult,
  RowsRequest,
  RowsResult,
} from '../../../shared/data/types';
import type { ImagePixelsResult } from '../../../shared/image/displaySample';
import { systemApi } from './systemApi';

/** What the drop handler knows about a dropped file (a DOM File; only the bridge can find its path). */
export interface DroppedFile {
  readonly name: string;
}

/**
 * Opening and reading datasets. The engine owns the data; the renderer holds only its summary and
 * asks for windows of rows as the table scrolls.
 */
export interface DatasetClient {
  openSample(id: SampleInfo['id'], jobId: string): Promise<DatasetSummary>;
  /** The native open dialog; null when the user cancels. */
  chooseDataFile(): Promise<string | null>;
  importFile(options: ImportOptions, jobId: string): Promise<DatasetSummary>;
  /** Detected settings, the first rows and their column kinds, for the import dialog. */
  preview(options: ImportOptions): Promise<PreviewResult>;
  getRows(request: RowsRequest): Promise<RowsResult>;
  /** An image dataset's picture, its longest side at most maxSide (≤ 1024) pixels. */
  imagePixels(datasetId: string, maxSide: number): Promise<ImagePixelsResult>;
  /** Frees a dataset in the engine (replaced by another, closed, or imported after a cancel). */
  release(datasetId: string): Promise<void>;
  /**
   * The file-system path of a file dropped on the window, or null when the bridge cannot tell (a
   * sandboxed page never sees paths: Electron's preload answers with `webUtils.getPathForFile`).
   */
  pathForDroppedFile(file: DroppedFile): string | null;
}

export function createDatasetClient(api: MixlabApi = systemApi()): DatasetClient {
  return {
    openSample: (id, jobId) => api.openSample({ id, jobId }),
    chooseDataFile: async () => (await api.chooseDataFile({}))?.path ?? null,
    importFile: (options, jobId) => api.importDataset({ jobId, options }),
    preview: (options) => api.previewDataset({ options }),
    getRows: (request) => api.getRows(request),
    imagePixels: (datasetId, maxSide) => api.getImagePixels({ datasetId, maxSide }),
    release: async (datasetId) => void (await api.closeDataset({ datasetId })),
    pathForDroppedFile: (file) => {
      const path = api.pathForDroppedFile(file);
      return typeof path === 'string' && path !== '' ? path : null;
    },
  };
}
