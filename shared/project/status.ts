/** Results the main process reports about project files, shared with the renderer (window.mixlab). */
import type { DataSource, MixlabProject } from './schema';

/** Whether a project's data file can be used: the UI offers "locate" or "open without data". */
export interface DataSourceStatus {
  /** none: the project has no data file; missing: moved, renamed or deleted; changed: size or hash differ. */
  state: 'ok' | 'missing' | 'changed' | 'none';
  /** An English sentence saying exactly what was found (the renderer translates by state). */
  message: string;
  /** The fingerprint now on disk (for 'ok' and 'changed'). */
  current?: DataSource;
}

export interface SavedProject {
  path: string;
  savedAt: string;
  bytes: number;
  dataSource: DataSource | null;
  embedded: boolean;
}

export interface OpenedProject {
  path: string;
  project: MixlabProject;
  dataSource: DataSourceStatus;
}

/** What the "restore the unsaved analysis from 10:42?" prompt shows. */
export interface RecoverableSummary {
  /** ISO time of the crashed session's last autosave. */
  savedAt: string;
  summary: {
    dataFile: string | null;
    fits: number;
    /** e.g. "3 components, full" for the fit that was on screen. */
    currentFit: string | null;
    columns: string[];
  };
}
