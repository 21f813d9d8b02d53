import { nonGaussianColumns } from '../../../shared/engine/request/familyRoles';
import { defineStore } from 'pinia';
import { computed, onScopeDispose, ref } from 'vue';
import type {
  Preprocessing,
  CovarianceType,
  FitRequest,
  FitResponse,
  GaussianMixtureParams,
} from '../../../shared/engine/model/types';
import { COVARIANCE_MODEL_NAMES, COVARIANCE_TYPES } from '../../../shared/engine/model/types';
import { MODEL_SETS, type ModelSet } from '../lib/modelFamilies';
import type {
  SweepCell,
  SweepChoice,
  SweepCriterion,
  SweepProgress,
  SweepRequest,
} from '../../../shared/engine/sweep/types';
import { bestCells } from '../../../shared/engine/sweep/best';
import { useClients } from '../api/clients';
import { toUserError, type UserError } from '../api/userError';
import { hasFamilies, modelsMissingCells, roleFields, type RequestRoles } from '../lib/columnRoles';
import { useEngineJob } from '../lib/engineJob';
import { parseSweepProgress } from '../lib/jobProgress';
import { MAX_COMPONENTS } from '../lib/modelSettings';
import { cellKey, mergeCell, toStoredCell, toTypedParams, type StoredSweepCell } from '../lib/sweepCells';
import { useAnalysisStore } from './analysis';
import { useDatasetStore } from './dataset';
import { useSessionStore } from './session';

/** The grid the user asks for: K from kMin to kMax (inclusive) × the checked covariance types. */
export interface SweepSettings {
  kMin: number;
  kMax: number;
  covarianceTypes: CovarianceType[];
}

/** One sweep as it ran: what was asked and every cell that arrived. */
export interface SweepRunState {
  request: SweepRequest;
  /** Latest report of each (K, type), grid order (covariance type, then K). */
  cells: StoredSweepCell[];
  /** 'running' only while this session runs it; a restored 'running' run reads as 'cancelled'. */
  outcome: 'running' | 'done' | 'cancelled' | 'failed';
  /** The final response's facts; null until the sweep finished (a cancelled sweep has none). */
  result: {
    preprocessing: Preprocessing;
    nSamples: number;
    droppedRows: number;
    threads: number;
    seconds: number;
  } | null;
  /** The cell the user made the current fit, if any. */
  adopted: { k: number; covarianceType: CovarianceType } | null;
}

/**
 * Everything model selection keeps, as plain JSON-safe data (numbers, strings, booleans, arrays;
 * cell params as number[]): a project file saves `useSweepStore().state` as is and hands it back to
 * `restoreState`. `run.request.datasetId` is this session's id and means nothing after reopening.
 */
export interface SweepState {
  settings: SweepSettings;
  criterion: SweepCriterion;
  /** Show mclust's convention (−criterion, higher is better) in the chart. */
  mclustSign: boolean;
  run: SweepRunState | null;
}

export interface RunningSweep {
  jobId: string;
  done: number;
  total: number;
  pass: SweepProgress['pass'];
  elapsedSeconds: number;
  etaSeconds: number | null;
  cancelling: boolean;
}

/** Why Run is disabled; i18n keys under `selection.blocked`. */
export type SweepBlocker = 'noColumns' | 'invalidSettings' | 'invalidRange' | 'noTypes' | 'running';

export const DEFAULT_SWEEP_SETTINGS: Readonly<SweepSettings> = {
  kMin: 1,
  kMax: 9,
  covarianceTypes: [...COVARIANCE_TYPES],
};

export function defaultSweepState(): SweepState {
  return {
    settings: { ...DEFAULT_SWEEP_SETTINGS, covarianceTypes: [...COVARIANCE_TYPES] },
    criterion: 'bic',
    mclustSign: false,
    run: null,
  };
}

const kRangeValid = (s: SweepSettings) =>
  Number.isInteger(s.kMin) &&
  Number.isInteger(s.kMax) &&
  s.kMin >= 1 &&
  s.kMin <= s.kMax &&
  s.kMax <= MAX_COMPONENTS;

/**
 * Model selection: the sweep of K × covariance type over the workspace's columns,
 * preprocessing and model settings, its cells as they stream in, the best cell per criterion, and
 * "use this cell" (the cell's model becomes the analysis store's current fit, labels by predict).
 */
export const useSweepStore = defineStore('sweep', () => {
  const clients = useClients();
  const dataset = useDatasetStore();
  const analysis = useAnalysisStore();
  const session = useSessionStore();
  const sweepJob = useEngineJob(clients, { kind: 'sweep', parseProgress: parseSweepProgress });

  const state = ref<SweepState>(defaultSweepState());
  /** Cells the running sweep was asked for (its progress says so too, from the first report on). */
  const plannedTotal = ref(0);
  const running = computed<RunningSweep | null>(() => {
    const job = sweepJob.state.value;
    if (!job) return null;
    const p = job.progress;
    return {
      jobId: job.jobId,
      done: p?.done ?? 0,
      total: p?.total ?? plannedTotal.value,
      pass: p?.pass ?? 'fit',
      elapsedSeconds: p?.elapsedSeconds ?? 0,
      etaSeconds: p?.etaSeconds ?? null,
      cancelling: job.cancelling,
    };
  });
  const error = ref<UserError | null>(null);
  /** Key of the cell being adopted, and why the last adoption failed. */
  const adopting = ref<string | null>(null);
  const adoptError = ref<UserError | null>(null);

  const cells = computed(() => state.value.run?.cells ?? []);
  /** Best cell per criterion among the ok (non-degenerate) cells that have arrived. */
  const best = computed<Record<SweepCriterion, SweepChoice | null>>(() =>
    // bestCells reads status, K, type and the criteria only; params are not looked at.
    bestCells(cells.value as unknown as SweepCell[]),
  );

  const ks = computed(() => {
    const s = state.value.settings;
    if (!kRangeValid(s)) return [];
    return Array.from({ length: s.kMax - s.kMin + 1 }, (_, i) => s.kMin + i);
  });

  const blockers = computed<SweepBlocker[]>(() => {
    const out: SweepBlocker[] = [];
    if (running.value) out.push('running');
    if (analysis.selection.length === 0) out.push('noColumns');
    // K and the covariance type are the grid's, not the panel's.
    if (analysis.problems.some((p) => p.field !== 'nComponents' && p.field !== 'covarianceType'))
      out.push('invalidSettings');
    if (!kRangeValid(state.value.settings)) out.push('invalidRange');
    if (analysis.covarianceApplies && state.value.settings.covarianceTypes.length === 0) out.push('noTypes');
    return out;
  });
  const canRun = computed(() => blockers.value.length === 0 && analysis.request !== null);

  /** The request Run would send: the workspace's columns, preprocessing and settings, this grid. */
  const request = computed<SweepRequest | null>(() => {
    const fit = analysis.request;
    if (!fit) return null;
    const { nComponents: _k, covarianceType: _t, initParams: _p, ...options } = fit.options;
    return {
      datasetId: fit.datasetId,
      columns: fit.columns,
      standardize: fit.standardize,
      ...(fit.logColumns ? { logColumns: fit.logColumns } : {}),
      ...roleFields(fit),
      ks: ks.value,
      // Without a Gaussian column every type fits the same model: K alone is swept.
      covarianceTypes: analysis.covarianceApplies
        ? COVARIANCE_MODEL_NAMES.filter((t) => state.value.settings.covarianceTypes.includes(t))
        : [fit.options.covarianceType],
      options,
    };
  });

  /**
   * Whether the last run's model had a Gaussian column. Without one every covariance type fits the
   * same model and the run varied K alone: its cells carry the default type only as a placeholder,
   * so the chart and table name them by their model, not by a covariance.
   */
  const covarianceSwept = computed(() => {
    const req = state.value.run?.request;
    if (!req) return true;
    const discrete = nonGaussianColumns(req);
    return req.columns.some((c) => !discrete.has(c));
  });

  // A sweep belongs to its dataset's column indices: a new dataset clears it (settings stay).
  onScopeDispose(session.join('sweep', { reset: resetForDataset }));

  function resetForDataset(): void {
    state.value.run = null;
    error.value = null;
    adoptError.value = null;
  }

  function setKRange(kMin: number, kMax: number): void {
    state.value.settings = { ...state.value.settings, kMin, kMax };
  }

  function setType(type: CovarianceType, on: boolean): void {
    const rest = state.value.settings.covarianceTypes.filter((t) => t !== type);
    state.value.settings = {
      ...state.value.settings,
      covarianceTypes: COVARIANCE_MODEL_NAMES.filter((t) => (on ? [...rest, type] : rest).includes(t)),
    };
  }

  /** Sweep scikit-learn's four types or mclust's fourteen models (every one of the set checked). */
  function setModelSet(set: ModelSet): void {
    state.value.settings = { ...state.value.settings, covarianceTypes: [...MODEL_SETS[set]] };
  }

  function setCriterion(criterion: SweepCriterion): void {
    state.value.criterion = criterion;
  }

  function setMclustSign(on: boolean): void {
    state.value.mclustSign = on;
  }

  async function run(): Promise<void> {
    const req = request.value;
    if (!canRun.value || !req) return;
    plannedTotal.value = req.ks.length * req.covarianceTypes.length;
    error.value = null;
    adoptError.value = null;
    state.value.run = { request: req, cells: [], outcome: 'running', result: null, adopted: null };
    const thisRun = state.value.run;
    const outcome = await sweepJob.run(
      (jobId) => clients.sweep.sweep(req, jobId),
      (p) => {
        if (p.cell && state.value.run === thisRun)
          thisRun.cells = mergeCell(thisRun.cells, toStoredCell(p.cell));
      },
    );
    // A cancelled sweep was marked so at once; a run replaced meanwhile (new data, a project) is gone.
    if (outcome.status === 'abandoned' || state.value.run !== thisRun) return;
    if (outcome.status === 'done') {
      const response = outcome.value;
      thisRun.cells = response.cells.map(toStoredCell);
      const { preprocessing, nSamples, droppedRows, threads, seconds } = response;
      thisRun.result = { preprocessing, nSamples, droppedRows, threads, seconds };
      thisRun.outcome = 'done';
    } else if (outcome.status === 'cancelled') {
      thisRun.outcome = 'cancelled';
    } else {
      thisRun.outcome = 'failed';
      error.value = outcome.error;
    }
  }

  /** Cancels the running sweep; the cells already finished stay (they are real fits). */
  async function cancel(): Promise<void> {
    const outcome = await sweepJob.cancel();
    if (outcome.status === 'abandoned') {
      if (state.value.run) state.value.run.outcome = 'cancelled';
    } else if (outcome.status === 'failed') {
      error.value = outcome.error;
    }
  }

  /** Whether a cell's model can be used: it has params and the sweep's preprocessing is known. */
  function canAdopt(cell: StoredSweepCell): boolean {
    const r = state.value.run;
    return cell.params !== null && r?.result != null && r.request.datasetId === dataset.summary?.datasetId;
  }

  /**
   * Makes a cell's model the workspace's current fit: labels and responsibilities from the engine's
   * predict on the cell's params (model.apply, never a refit), then every view follows.
   */
  async function adopt(k: number, covarianceType: CovarianceType): Promise<boolean> {
    const r = state.value.run;
    const cell = r?.cells.find((c) => c.k === k && c.covarianceType === covarianceType);
    if (!r || !cell || !cell.params || !r.result || !canAdopt(cell)) return false;
    const key = cellKey(cell);
    adopting.value = key;
    adoptError.value = null;
    try {
      const params = toTypedParams(cell.params);
      // A plain copy: the stored one is a reactive proxy, which neither IPC nor a Worker can clone.
      const preprocessing = JSON.parse(JSON.stringify(r.result.preprocessing)) as Preprocessing;
      const roles = roleFields(r.request);
      const applied = await applyCell(r.request, roles, params, preprocessing);
      if (state.value.run !== r) return false;
      const fitRequest: FitRequest = {
        datasetId: r.request.datasetId,
        columns: [...r.request.columns],
        standardize: r.request.standardize,
        ...(r.request.logColumns ? { logColumns: [...r.request.logColumns] } : {}),
        ...roles,
        // Key order as the analysis store builds it (its `stale` check compares JSON).
        options: { nComponents: k, covarianceType, ...r.request.options },
      };
      const response: FitResponse = {
        fit: {
          params,
          converged: cell.converged ?? false,
          nIter: cell.nIter ?? 0,
          // The sweep keeps score(X) at the final parameters, not the last EM lower bound.
          lowerBound: cell.meanLogLikelihood ?? Number.NaN,
          meanLogLikelihood: cell.meanLogLikelihood ?? Number.NaN,
          logLikelihood: cell.logLikelihood ?? Number.NaN,
          nParameters: cell.nParameters,
          bic: cell.bic ?? Number.NaN,
          aic: cell.aic ?? Number.NaN,
          icl: cell.icl ?? Number.NaN,
          traces: [],
          bestRestart: 0,
          labels: applied.labels,
          resp: applied.resp,
          logDensity: new Float64Array(0),
          seconds: cell.seconds,
        },
        preprocessing,
        rowIndex: applied.rowIndex,
        droppedRows: applied.droppedRows,
        ...(applied.missingCells !== undefined ? { missingCells: applied.missingCells } : {}),
      };
      analysis.adoptFit({ request: fitRequest, response, source: { kind: 'sweep', k, covarianceType } });
      r.adopted = { k, covarianceType };
      return true;
    } catch (err) {
      adoptError.value = toUserError(err);
      return false;
    } finally {
      if (adopting.value === key) adopting.value = null;
    }
  }

  /**
   * A cell's labels and responsibilities, never a refit: a plain Gaussian cell through model.apply
   * (as always); a cell with other families, weights or modelled missing cells through the stored
   * mixed model's predict — the sweep fitted those on mixed rows, which keep every row with an
   * observed cell, and the plain predict would drop the rows with a missing one.
   */
  async function applyCell(
    req: SweepRequest,
    roles: RequestRoles,
    params: GaussianMixtureParams,
    preprocessing: Preprocessing,
  ): Promise<{
    labels: Int32Array;
    resp: Float64Array;
    rowIndex: Uint32Array;
    droppedRows: number;
    missingCells?: number;
  }> {
    const mixed =
      hasFamilies(roles) ||
      modelsMissingCells({ ...roles, columns: req.columns }, dataset.summary?.columns ?? []);
    if (!params.discrete && !mixed) {
      const applied = await clients.sweep.apply(req.datasetId, { params, preprocessing });
      return { ...applied, droppedRows: applied.excludedMissing + applied.excludedNonPositive };
    }
    const model = {
      roles: {
        columns: [...req.columns],
        standardize: req.standardize,
        ...(req.logColumns ? { logColumns: [...req.logColumns] } : {}),
        ...roles,
      },
      params,
      preprocessing,
    };
    return clients.analysis.predictMixture(req.datasetId, model);
  }

  /** A deep copy of the plain state, for a project file. */
  function exportState(): SweepState {
    return JSON.parse(JSON.stringify(state.value)) as SweepState;
  }

  /** Restores a saved state (call it once the project's data is open); a sweep that was still running when saved counts as cancelled. */
  function restoreState(saved: SweepState): void {
    const fresh = defaultSweepState();
    const copy = JSON.parse(JSON.stringify(saved)) as SweepState;
    if (copy.run?.outcome === 'running') copy.run.outcome = 'cancelled';
    // Restored after the project's data was opened again: the cells belong to that dataset now.
    if (copy.run && dataset.summary) copy.run.request.datasetId = dataset.summary.datasetId;
    state.value = { ...fresh, ...copy, settings: { ...fresh.settings, ...copy.settings } };
    error.value = null;
    adoptError.value = null;
  }

  return {
    state,
    running,
    error,
    adopting,
    adoptError,
    cells,
    best,
    ks,
    blockers,
    canRun,
    request,
    covarianceSwept,
    setKRange,
    setType,
    setModelSet,
    setCriterion,
    setMclustSign,
    run,
    cancel,
    canAdopt,
    adopt,
    exportState,
    restoreState,
  };
});
