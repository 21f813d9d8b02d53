/**
 * The analysis workspace's state as plain data — what the analysis store holds for the panels and a
 * project file saves — and the shape of a finished fit. No Vue here: the store and the project
 * mapping (projectState.ts) both build on it.
 */
import type { FitRequest, FitResponse } from '../../../shared/engine/model/types';
import type { ColumnRoles } from './columnRoles';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from './modelSettings';
import { DEFAULT_TABLE_ORDER, type TableOrderSpec } from './tableOrder';

/** Scatter axes: two modelled columns (by dataset column index) or the first two principal components. */
export interface ScatterViewSettings {
  axes: 'features' | 'pca';
  /** Dataset column indices; null = the first / second modelled column. */
  x: number | null;
  y: number | null;
  opacityByCertainty: boolean;
}

/** What the Compare view's cross-tab cells show: counts, or shares of each cluster or of each level. */
export type CompareCells = 'counts' | 'rowShares' | 'colShares';

/**
 * The views' settings: saved in a project and stepped through by undo. Fields added after the first
 * project files are filled with their defaults when an older file is opened (lib/viewSettings.ts).
 */
export interface AnalysisViewSettings {
  scatter: ScatterViewSettings;
  /** Dataset column index of the histogram; null = the first modelled column. */
  histogramColumn: number | null;
  /** Histogram bin widths set by hand, by column in the units drawn (lib/viewSettings.ts binWidthKey). */
  binWidths: Record<string, number>;
  /** Dataset column indices the pairs plot shows; null = the first modelled ones (lib/pairsColumns.ts). */
  pairsColumns: number[] | null;
  /** Density contours of the fitted mixture over the 2-D scatter. */
  contours: boolean;
  /** The Parameters view's units: the data's, or the standardised / logged ones EM worked in. */
  parameterUnits: 'data' | 'fitted';
  /** The Compare view's reference label (dataset column index); null = none chosen. */
  compareReference: number | null;
  compareCells: CompareCells;
  certaintyThreshold: number;
  table: TableOrderSpec;
}

export interface PreprocessingSettings {
  standardize: boolean;
  /** True once the user set `standardize` by hand (then the scale advice no longer changes it). */
  standardizeChosen: boolean;
  /** Dataset column indices to log-transform (a subset of the selection). */
  logColumns: number[];
}

/**
 * The workspace's state as plain data (numbers, strings, arrays): what a project file saves and
 * restores. The fitted model itself is the analysis store's `current` (typed arrays), saved separately.
 */
export interface AnalysisState {
  selection: number[];
  preprocessing: PreprocessingSettings;
  settings: ModelSettings;
  view: AnalysisViewSettings;
  /** Families, weight column, missing-cell mode; absent in files saved before they existed (= defaults). */
  roles?: ColumnRoles;
}

export const DEFAULT_CERTAINTY_THRESHOLD = 0.9;

export function defaultAnalysisState(): AnalysisState {
  return {
    selection: [],
    preprocessing: { standardize: false, standardizeChosen: false, logColumns: [] },
    settings: { ...DEFAULT_MODEL_SETTINGS },
    view: {
      scatter: { axes: 'features', x: null, y: null, opacityByCertainty: false },
      histogramColumn: null,
      binWidths: {},
      pairsColumns: null,
      contours: false,
      parameterUnits: 'data',
      compareReference: null,
      compareCells: 'counts',
      certaintyThreshold: DEFAULT_CERTAINTY_THRESHOLD,
      table: { ...DEFAULT_TABLE_ORDER },
    },
  };
}

/** A fit that finished: what was asked and what the engine answered. `id` orders fits in a session. */
export interface CurrentFit {
  id: number;
  request: FitRequest;
  response: FitResponse;
  /**
   * Where the fit came from when not from the Fit button: a sweep cell the user chose.
   * Such a fit was not rerun: its labels and responsibilities come from applyModel on the cell's
   * params, so `response.fit.traces` is empty (no trace view) and `logDensity` has length 0.
   */
  source?: FitSource;
}

export interface FitSource {
  kind: 'sweep';
  k: number;
  covarianceType: FitRequest['options']['covarianceType'];
}
