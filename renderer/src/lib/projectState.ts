/**
 * The workspace ↔ project file mapping (shared/project/schema.ts). Saving fills the file's canonical
 * fields (selection, model settings, fits with their exact params, sweep) that other readers — the
 * CLI, a later version — understand, and keeps the renderer's own plain state (AnalysisState, the
 * sweep store's SweepState) under `viewState` so reopening restores exactly what the user saw.
 * Reopening never refits: a stored fit becomes the current fit with labels from applyModel.
 */
import type { DatasetSummary } from '../../../shared/data/types';
import type { AppliedModel } from '../../../shared/export/applyModel';
import type { LabelModel } from '../../../shared/export/labelModel';
import type { FitRequest, FitResponse } from '../../../shared/engine/model/types';
import type {
  MixlabProject,
  ProjectFit,
  ProjectImportOptions,
  ProjectState,
  ProjectSweep,
} from '../../../shared/project/schema';
import type { SweepState } from '../stores/sweep';
import { defaultAnalysisState, type AnalysisState, type CurrentFit, type FitSource } from './analysisState';
import { fitSummaryOf } from './fitSummary';
import { DEFAULT_MODEL_SETTINGS, toFitOptions } from './modelSettings';
import { isMixtureFit, toProjectMixtureFit } from './projectMixture';

/** What the renderer keeps under the project's `viewState`. */
export interface RendererViewState {
  /** The workspace's plain state (selection, preprocessing, model settings, view settings). */
  analysis?: AnalysisState;
  /** Where the current fit came from (a sweep cell) when not from the Fit button. */
  fitSource?: FitSource;
  /** The sweep store's settings and run without its cells (those are `sweep.cells`). */
  sweep?: Omit<SweepState, 'run'> & { run: Omit<NonNullable<SweepState['run']>, 'cells'> | null };
}

export interface WorkspaceSnapshot {
  summary: DatasetSummary | null;
  analysis: AnalysisState;
  current: CurrentFit | null;
  sweep: SweepState;
  /** The view tab showing. */
  activeView?: string;
}

export const fitIdOf = (fit: CurrentFit) => `fit-${fit.id}`;

/**
 * The pixel-column choices an image was imported with, read back from its column names (the import
 * names them by these choices, electron/engine/import/importImage.ts `pixelColumnNames`).
 */
function imageOptionsOf(summary: DatasetSummary): ProjectImportOptions['image'] {
  const names = new Set(summary.columns.map((c) => c.name));
  const colour = names.has('L*') ? (names.has('r') ? 'both' : 'lab') : 'rgb';
  return { colour, xy: names.has('x') && names.has('y') };
}

export function importOptionsOf(summary: DatasetSummary): ProjectImportOptions {
  const out: ProjectImportOptions = { encoding: summary.encoding, decimal: summary.decimal };
  if (summary.delimiter) out.delimiter = summary.delimiter;
  if (summary.sheet) out.sheet = summary.sheet;
  if (summary.image) out.image = imageOptionsOf(summary);
  return out;
}

/** A finished fit as the file stores it: exact params, the numbers its summary shows, its trace. */
export function toProjectFit(fit: CurrentFit): ProjectFit {
  const f = fit.response.fit;
  const trace = f.traces[f.bestRestart];
  return {
    id: fitIdOf(fit),
    settings: fit.request.options,
    params: f.params,
    summary: fitSummaryOf(fit),
    preprocessing: fit.response.preprocessing,
    ...(trace && trace.length > 0 ? { trace: Array.from(trace) } : {}),
  };
}

export function toProjectSweep(sweep: SweepState): {
  sweep: ProjectSweep | null;
  view: RendererViewState['sweep'];
} {
  const { run, ...rest } = sweep;
  const view = { ...rest, run: run ? { ...run, cells: undefined } : null };
  delete (view.run as { cells?: unknown } | null)?.cells;
  return {
    sweep: run ? { request: run.request, cells: run.cells as unknown as Record<string, unknown>[] } : null,
    view: JSON.parse(JSON.stringify(view)) as RendererViewState['sweep'],
  };
}

/** The state saveProject / autosave receive. `known`: the fingerprint of a project opened without its data. */
export function buildProjectState(
  snapshot: WorkspaceSnapshot,
  known?: MixlabProject['dataSource'],
): ProjectState {
  const { summary, analysis, current, sweep, activeView } = snapshot;
  const names = new Map(summary?.columns.map((c) => [c.index, c.displayName]) ?? []);
  const { sweep: projectSweep, view: sweepView } = toProjectSweep(sweep);
  const viewState: RendererViewState = { analysis, sweep: sweepView };
  if (current?.source) viewState.fitSource = current.source;
  const path = summary?.file ?? known?.path ?? null;
  return {
    dataSource: path ? { path, ...(known && known.path === path ? { known } : {}) } : null,
    importOptions: summary ? importOptionsOf(summary) : {},
    selection: {
      columns: [...analysis.selection],
      columnNames: analysis.selection.map((c) => names.get(c) ?? String(c)),
      standardize: analysis.preprocessing.standardize,
      logColumns: analysis.preprocessing.logColumns.filter((c) => analysis.selection.includes(c)),
    },
    modelSettings: toFitOptions(analysis.settings),
    fits: current && !isMixtureFit(current) ? [toProjectFit(current)] : [],
    ...(current && isMixtureFit(current)
      ? { mixtureFits: [toProjectMixtureFit(current, fitIdOf(current))] }
      : {}),
    currentFitId: current ? fitIdOf(current) : null,
    sweep: projectSweep,
    viewState: viewState as unknown as Record<string, unknown>,
    ...(activeView ? { activeView } : {}),
  };
}

/**
 * What saving a project open without its data writes: the file as it was, the data's stored
 * fingerprint kept (`known`) since there are no rows to fingerprint again.
 */
export function stateWithoutData(project: MixlabProject): ProjectState {
  const {
    format: _f,
    version: _v,
    savedAt: _s,
    appVersion: _a,
    embeddedData: _e,
    dataSource,
    ...rest
  } = project;
  return { ...rest, dataSource: dataSource ? { path: dataSource.path, known: dataSource } : null };
}

/** The workspace state a project describes (its own viewState when a renderer saved it). */
export function analysisStateOf(
  project: Pick<MixlabProject, 'viewState' | 'selection' | 'modelSettings'>,
): AnalysisState {
  const saved = (project.viewState as RendererViewState).analysis;
  if (saved && Array.isArray(saved.selection)) return saved;
  // A project written by another tool: rebuild the panel from the canonical fields.
  const state = defaultAnalysisState();
  if (project.selection) {
    state.selection = [...project.selection.columns];
    state.preprocessing = {
      standardize: project.selection.standardize,
      standardizeChosen: true,
      logColumns: [...project.selection.logColumns],
    };
  }
  if (project.modelSettings) {
    const { initParams: _unused, ...options } = project.modelSettings;
    state.settings = { ...DEFAULT_MODEL_SETTINGS, ...options };
  }
  return state;
}

export function sweepStateOf(
  project: Pick<MixlabProject, 'viewState' | 'sweep'>,
  fallback: SweepState,
): SweepState {
  const view = (project.viewState as RendererViewState).sweep;
  const base: SweepState = view ? { ...fallback, ...view, run: null } : { ...fallback, run: null };
  if (view?.run && project.sweep) {
    base.run = {
      ...view.run,
      cells: project.sweep.cells as unknown as NonNullable<SweepState['run']>['cells'],
    };
  }
  return base;
}

/** The view tab the project was saved on, as saved (the caller checks it is a view it has). */
export function activeViewOf(project: Pick<MixlabProject, 'activeView'>): string | undefined {
  return project.activeView;
}

/** The fit on screen when the project was saved, if any. */
export function currentProjectFit(project: Pick<MixlabProject, 'fits' | 'currentFitId'>): ProjectFit | null {
  return project.fits.find((f) => f.id === project.currentFitId) ?? null;
}

export function labelModelOf(fit: Pick<ProjectFit, 'params' | 'preprocessing'>): LabelModel {
  return { params: fit.params, preprocessing: fit.preprocessing };
}

/**
 * A stored fit as the analysis store's current fit on `datasetId`: params and numbers from the file,
 * labels and responsibilities from applyModel (predict, not a refit). No per-row log density.
 */
export function restoredFit(
  fit: ProjectFit,
  applied: AppliedModel,
  datasetId: string,
): { request: FitRequest; response: FitResponse } {
  const pre = fit.preprocessing;
  const logColumns = pre.columns.filter((_, j) => pre.log[j]);
  const { initParams: _unused, ...options } = fit.settings;
  const request: FitRequest = {
    datasetId,
    columns: [...pre.columns],
    standardize: pre.standardize,
    ...(logColumns.length > 0 ? { logColumns } : {}),
    // The panel's key order, so the workspace's "settings changed since the fit" test compares alike.
    options: toFitOptions({ ...DEFAULT_MODEL_SETTINGS, ...options }),
  };
  const s = fit.summary;
  const response: FitResponse = {
    fit: {
      params: fit.params,
      converged: s.converged,
      nIter: s.nIter,
      lowerBound: s.lowerBound,
      meanLogLikelihood: s.meanLogLikelihood,
      logLikelihood: s.logLikelihood,
      nParameters: s.nParameters,
      bic: s.bic,
      aic: s.aic,
      icl: s.icl,
      traces: fit.trace ? [Float64Array.from(fit.trace)] : [],
      bestRestart: 0,
      labels: applied.labels,
      resp: applied.resp,
      logDensity: new Float64Array(0),
      seconds: s.seconds,
    },
    preprocessing: pre,
    rowIndex: applied.rowIndex,
    droppedRows: applied.excludedMissing + applied.excludedNonPositive,
  };
  return { request, response };
}

/** "name.mixlab" from a path (either separator). */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}
