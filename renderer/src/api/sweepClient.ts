import type { MixlabApi } from '../../../shared/api';
import type { SweepRequest, SweepResponse } from '../../../shared/engine/sweep/types';
import type { AppliedModel } from '../../../shared/export/applyModel';
import type { LabelModel } from '../../../shared/export/labelModel';
import { systemApi } from './systemApi';

/**
 * Model selection in the engine process. A sweep's progress (one SweepProgress per finished cell)
 * arrives as events on its job id (EventClient.onProgress); cancelling goes through JobClient.
 * A chosen cell is never refitted: `apply` runs the engine's model.apply (predict) on its params.
 */
export interface SweepClient {
  sweep(request: SweepRequest, jobId: string): Promise<SweepResponse>;
  /** Labels and responsibilities of the dataset's rows under a cell's model (columns by index). */
  apply(datasetId: string, model: LabelModel): Promise<AppliedModel>;
}

export function createSweepClient(api: MixlabApi = systemApi()): SweepClient {
  return {
    sweep: (request, jobId) => api.sweep({ jobId, request }),
    apply: (datasetId, model) => api.applyModel({ datasetId, model, match: 'index' }),
  };
}
