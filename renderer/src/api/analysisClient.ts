import type { MixlabApi } from '../../../shared/api';
import type { CategoriesResult, ColumnValuesResult } from '../../../shared/data/types';
import type { FitRequest, FitResponse } from '../../../shared/engine/model/types';
import type { MixtureModel } from '../../../shared/engine/request/mixtureModel';
import type { ImputedCell, StoredPrediction } from '../../../shared/engine/request/storedModelApply';
import { systemApi } from './systemApi';

/**
 * Fitting in the engine process, and the whole columns the workspace charts need. Progress of a fit
 * arrives as events on its job id (EventClient.onProgress); cancelling goes through JobClient.
 */
export interface AnalysisClient {
  fit(request: FitRequest, jobId: string): Promise<FitResponse>;
  /** Whole numeric columns, one Float64Array each (NaN = missing or text). */
  columnValues(datasetId: string, columns: number[]): Promise<ColumnValuesResult>;
  /** Columns as category codes (−1 = missing) and their levels, coded as a fit codes them. */
  categories(datasetId: string, columns: number[]): Promise<CategoriesResult>;
  /** Labels and responsibilities under a stored mixed-type model (predict, never a refit). */
  predictMixture(datasetId: string, model: MixtureModel): Promise<StoredPrediction>;
  /** The model's expected values of the missing cells of the given dataset rows. */
  imputeCells(datasetId: string, model: MixtureModel, rows: number[]): Promise<ImputedCell[]>;
}

export function createAnalysisClient(api: MixlabApi = systemApi()): AnalysisClient {
  return {
    fit: (request, jobId) => api.fit({ jobId, request }),
    columnValues: (datasetId, columns) => api.getColumnValues({ datasetId, columns }),
    categories: (datasetId, columns) => api.getCategories({ datasetId, columns }),
    predictMixture: (datasetId, model) => api.predictMixture({ datasetId, model }),
    imputeCells: async (datasetId, model, rows) => (await api.imputeCells({ datasetId, model, rows })).cells,
  };
}
