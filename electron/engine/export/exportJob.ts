/** What a label writer needs besides the rows: where, how, progress and cancellation. */
import type { LabelExportOptions, LabelExportProgress } from '../../../shared/export/labelExport';

export interface ExportJob {
  path: string;
  options: LabelExportOptions;
  signal: AbortSignal;
  progress(p: LabelExportProgress, force?: boolean): void;
}
