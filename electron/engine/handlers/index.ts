/**
 * The engine's dispatch table: one handler per protocol kind, each with the schema that validates
 * its payload (validation happens once, here at the edge; handlers trust their parsed input).
 */
import type { z } from 'zod';
import type { EngineKind, PayloadOf, ProgressOf, ResultOf } from '../../../shared/protocol';
import type { DatasetStore } from '../datasetStore';
import type { Transferable } from '../engineCore';
import { hello } from './hello';
import { diagnosticsWork } from './diagnostics';
import { datasetImport, datasetPreview, datasetRows, datasetRelease } from './dataset';
import { fit } from './fit';
import { datasetColumnValues } from './columnValues';
import { exportLabels, modelApply } from './export';
import { sweep } from './sweep';

export interface HandlerContext<P = unknown> {
  /** Aborted when the caller cancels; long loops check it between steps. */
  signal: AbortSignal;
  store: DatasetStore;
  /** Streams progress; throttled by the core unless `force` (use for the final 100 %). */
  progress(progress: P, force?: boolean): void;
}

export interface Handler<K extends EngineKind> {
  schema: z.ZodType<PayloadOf<K>>;
  run(
    payload: PayloadOf<K>,
    ctx: HandlerContext<ProgressOf<K>>,
  ): Promise<ResultOf<K> | Transferable<ResultOf<K>>>;
}

export const handlers: { [K in EngineKind]: Handler<K> } = {
  hello,
  'diagnostics.work': diagnosticsWork,
  'dataset.import': datasetImport,
  'dataset.preview': datasetPreview,
  'dataset.rows': datasetRows,
  'dataset.release': datasetRelease,
  'dataset.columnValues': datasetColumnValues,
  fit,
  sweep,
  'export.labels': exportLabels,
  'model.apply': modelApply,
};
