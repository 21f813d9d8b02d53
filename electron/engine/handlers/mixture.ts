/**
 * Engine kinds `mixture.predict` (labels and responsibilities of a dataset's rows under a stored
 * mixed-type model: a project reopened, a model-selection cell chosen) and `mixture.impute` (the
 * expected value of the missing cells of a window of rows, for the data table). Both are one E-step
 * at the stored parameters (request/storedModelApply.ts), never a refit; payloads validated by
 * request/mixtureModel.ts.
 */
import {
  mixtureImputeRequestSchema,
  mixturePredictRequestSchema,
} from '../../../shared/engine/request/mixtureModel';
import { imputeStored, predictStored } from '../../../shared/engine/request/storedModelApply';
import { withTransfer, type Handler } from './handler';

export const mixturePredict: Handler<'mixture.predict'> = {
  schema: mixturePredictRequestSchema,
  async run({ datasetId, model }, ctx) {
    const prediction = predictStored(ctx.store.get(datasetId), model);
    return withTransfer(prediction, [
      prediction.rowIndex.buffer,
      prediction.labels.buffer,
      prediction.resp.buffer,
    ] as ArrayBuffer[]);
  },
};

export const mixtureImpute: Handler<'mixture.impute'> = {
  schema: mixtureImputeRequestSchema,
  async run({ datasetId, model, rows }, ctx) {
    return { cells: imputeStored(ctx.store.get(datasetId), model, rows) };
  },
};
