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
import { imputedColumnNames, labelColumnNames } from '../../../shared/export/labelColumns';
import { applyMixture, imputedColumns, type ImputedColumn } from '../../../shared/export/applyMixture';
import { needsMixedPath } from '../../../shared/export/resolveMixtureModel';
import type { UnknownLevels } from '../../../shared/export/unknownLevels';
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
    const { applied, imputed, unknownLevels } = await predictForExport(
      table,
      request.model,
      request.match,
      request.includeImputed,
    );
    const K = request.model.params.nComponents;
    const options = {
      format: request.format,
      delimiter: request.delimiter,
      encoding: request.encoding,
      includeProbabilities: request.includeProbabilities,
      includeUncertainty: request.includeUncertainty,
      includeImputed: request.includeImputed,
      labelColours: request.labelColours,
    };
    const job = { path: request.path, options, signal: ctx.signal, progress: ctx.progress };
    const addedColumns =
      options.format === 'png'
        ? []
        : [...labelColumnNames(K, options), ...imputedColumnNames(imputed.map((c) => c.name))];
    const cursor = labelRowCursor(applied, K, options, imputed);
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
      ...(unknownLevels.length > 0 ? { unknownLevels } : {}),
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

/**
 * Labels from a stored model: a plain Gaussian one (no discrete column, no weights, rows with a
 * missing cell left out) through applyModel with the E-step on this thread's SIMD kernels (the
 * JavaScript ones' numbers); any other through applyMixture, which also labels rows with missing
 * cells as the fit did.
 */
async function predictLabels(
  table: DataTable,
  model: LabelModel,
  match?: ColumnMatch,
): Promise<AppliedModel> {
  if (!needsMixedPath(table, model, match ?? 'index'))
    return withSimdInThreadExecutor((executor) => applyModel(table, model, match, executor));
  const { columns, rowIndex, labels, resp, excludedMissing, excludedNonPositive } = applyMixture(
    table,
    model,
    match ?? 'index',
  );
  return { columns, rowIndex, labels, resp, excludedMissing, excludedNonPositive };
}

/** predictLabels, plus the imputed columns when asked and the unknown levels met. */
async function predictForExport(
  table: DataTable,
  model: LabelModel,
  match: ColumnMatch,
  impute: boolean,
): Promise<{ applied: AppliedModel; imputed: ImputedColumn[]; unknownLevels: UnknownLevels[] }> {
  if (!needsMixedPath(table, model, match))
    return { applied: await predictLabels(table, model, match), imputed: [], unknownLevels: [] };
  const applied = applyMixture(table, model, match);
  return {
    applied,
    imputed: impute ? imputedColumns(table, applied) : [],
    unknownLevels: applied.unknownLevels,
  };
}
