import type { MixlabApi } from '../../../shared/api';
import type { ColumnValuesResult } from '../../../shared/data/types';
import type { FitRequest, FitResponse } from '../../../shared/engine/model/types';
import { systemApi } from './systemApi';

/**
 * Fitting in the engine process, and the whole columns the workspace charts need. Progress of a fit
 * arrives as events on its job id (EventClient.onProgress); cancelling goes through JobClient.
 */
export interface AnalysisClient {
  fit(request: FitRequest, jobId: string): Promise<FitResponse>;
  /** Whole numeric columns, one Float64Array each (NaN = missing or text). */
  columnValues(datasetId: string, columns: number[]): Promise<ColumnValuesResult>;
}

export function createAnalysisClient(api: MixlabApi = systemApi()): AnalysisClient {
  return {
    fit: (request, jobId) => api.fit({ jobId, request }),
    columnValues: (datasetId, columns) => api.getColumnValues({ datasetId, columns }),
  };
}
