/**
 * What every reader of a file is handed (the request's signal and progress) and what a full import
 * returns. A leaf: the delimited reader, the workbook reader and the preview import it without
 * importing each other.
 */
import type { DatasetSummary, ImportProgress } from '../../../shared/data/types';
import type { BuiltTable } from '../../../shared/data/tableBuilder';

export interface ImportContext {
  signal: AbortSignal;
  progress(progress: ImportProgress, force?: boolean): void;
}

export type ImportedTable = BuiltTable & {
  meta: Omit<DatasetSummary, 'datasetId' | 'columns' | 'errors' | 'rows'>;
};
