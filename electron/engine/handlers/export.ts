/**
 * Engine kinds `export.labels` (write the dataset's rows with labels recomputed from a model, CSV or
 * .xlsx, streamed with progress and cancel, replaced atomically; or an image dataset's label image
 * as PNG) and `model.apply` (the labels and
 * responsibilities themselves, for the UI after "apply model" or reopening a project). Both go
 * through `applyModel`, so what is exported is what is shown.
 */
import {
  labelExportRequestSchema,
  modelApplyRequestSchema,
  type ParsedLabelExportRequest,
  type ParsedModelApplyRequest,
} from '../../../shared/export/labelExport';
import { applyModel, type AppliedModel } from '../../../shared/export/applyModel';
import type { ColumnMatch } from '../../../shared/export/labelModel';
import type { DataTable } from '../../../shared/data/table';
import type { LabelModel } from '../../../shared/export/labelModel';
import { labelColumnNames } from '../../../shared/export/labelColumns';
import { labelRowCursor } from '../export/labelRows';
import { writeLabelsCsv } from '../export/writeLabelsCsv';
import { writeLabelsXlsx } from '../export/writeLabelsXlsx';
import { writeLabelImage } from '../export/writeLabelImage';
import { withSimdInThreadExecutor } from '../wasm/simdInThreadExecutor';
import { withTransfer, type Handler } from './handler';

export const exportLabels: Handler<'export.labels', ParsedLabelExportRequest> = {
  schema: labelExportRequestSchema,
  async run(request, ctx) {
    const table = ctx.store.get(request.datasetId);
    const applied = await predictLabels(table, request.model, request.match);
    const K = request.model.params.nComponents;
    const options = {
      format: request.format,
      delimiter: request.delimiter,
      encoding: request.encoding,
      includeProbabilities: request.includeProbabilities,
      includeUncertainty: request.includeUncertainty,
      labelColours: request.labelColours,
    };
    const job = { path: request.path, options, signal: ctx.signal, progress: ctx.progress };
    const addedColumns = options.format === 'png' ? [] : labelColumnNames(K, options);
    const cursor = labelRowCursor(applied, K, options);
    const write = options.format === 'xlsx' ? writeLabelsXlsx : writeLabelsCsv;
    const bytes =
      options.format === 'png'
        ? await writeLabelImage(table, applied, K, job)
        : await write(table, cursor, addedColumns, job);
    return {
      path: request.path,
      rows: table.rowCount,
      labelled: applied.rowIndex.length,
      excluded: table.rowCount - applied.rowIndex.length,
      bytes,
      addedColumns,
    };
  },
};

export const modelApply: Handler<'model.apply', ParsedModelApplyRequest> = {
  schema: modelApplyRequestSchema,
  async run(request, ctx) {
    const applied = await predictLabels(ctx.store.get(request.datasetId), request.model, request.match);
    return withTransfer(applied, [
      applied.rowIndex.buffer,
      applied.labels.buffer,
      applied.resp.buffer,
    ] as ArrayBuffer[]);
  },
};

/** applyModel with the E-step on this thread's SIMD kernels (the JavaScript ones' numbers). */
function predictLabels(table: DataTable, model: LabelModel, match?: ColumnMatch): Promise<AppliedModel> {
  return withSimdInThreadExecutor((executor) => applyModel(table, model, match, executor));
}
