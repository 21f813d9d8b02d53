/**
 * The engine's dispatch table: one handler per protocol kind, each with the schema that validates
 * its payload (validation happens once, here at the edge; handlers trust their parsed input).
 */
import type { EngineKind } from '../../../shared/protocol';
import type { Handler } from './handler';
import { hello } from './hello';
import { diagnosticsWork } from './diagnostics';
import { datasetImport, datasetPreview, datasetRows, datasetRelease } from './dataset';
import { fit } from './fit';
import { datasetColumnValues } from './columnValues';
import { exportLabels, modelApply } from './export';
import { sweep } from './sweep';
import { datasetCategories } from './categories';
import { mixtureImpute, mixturePredict } from './mixture';
import { background, backgroundFrame } from './background';

export const handlers: { [K in EngineKind]: Handler<K> } = {
  hello,
  'diagnostics.work': diagnosticsWork,
  'dataset.import': datasetImport,
  'dataset.preview': datasetPreview,
  'dataset.rows': datasetRows,
  'dataset.release': datasetRelease,
  'dataset.columnValues': datasetColumnValues,
  'dataset.categories': datasetCategories,
  fit,
  sweep,
  'export.labels': exportLabels,
  'model.apply': modelApply,
  'mixture.predict': mixturePredict,
  'mixture.impute': mixtureImpute,
  background,
  'background.frame': backgroundFrame,
};
