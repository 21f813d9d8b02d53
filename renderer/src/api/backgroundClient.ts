import type { MixlabApi } from '../../../shared/api';
import type {
  BackgroundRun,
  FrameSourceKind,
  MaskExportSummary,
} from '../../../shared/background/backgroundRun';
import type { BackgroundOptions } from '../../../shared/engine/background/backgroundOptions';
import type { FrameView, FrameViewBox } from '../../../shared/engine/background/frameViewRequest';
import { systemApi } from './systemApi';

/**
 * The background model in the engine process: a frame source chosen in a native dialog, a run
 * (progress on its job id), one frame at a time by run id, masks exported into a folder chosen in
 * a native folder dialog.
 */
export interface BackgroundClient {
  /** A folder of frames or an animated GIF from the native dialog; null if the user cancels. */
  chooseSource(kind: FrameSourceKind): Promise<string | null>;
  run(source: string, options: Partial<BackgroundOptions>, jobId: string): Promise<BackgroundRun>;
  frame(runId: string, index: number, box: FrameViewBox): Promise<FrameView>;
  /** The folder the masks go to, from the native folder dialog; null if the user cancels. */
  chooseExportFolder(): Promise<string | null>;
  exportMasks(runId: string, folder: string, jobId: string): Promise<MaskExportSummary>;
  close(runId: string): Promise<void>;
}

export function createBackgroundClient(api: MixlabApi = systemApi()): BackgroundClient {
  return {
    chooseSource: async (kind) => (await api.chooseFrameSource({ kind }))?.path ?? null,
    run: (source, options, jobId) => api.runBackground({ jobId, source, options }),
    frame: (runId, index, box) => api.getBackgroundFrame({ runId, index, box }),
    chooseExportFolder: async () => (await api.chooseExportFolder({}))?.path ?? null,
    exportMasks: (runId, folder, jobId) => api.exportBackgroundMasks({ jobId, runId, folder }),
    close: async (runId) => void (await api.closeBackgroundRun({ runId })),
  };
}
