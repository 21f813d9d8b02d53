/**
 * Types of the model-selection sweep: a grid of K × covariance type, each cell one Gaussian-mixture
 * fit with the same settings. Shared by the engine (handler, worker pool), the protocol, the CLI and
 * the renderer's criterion chart and cell table.
 *
 * Sign convention: every criterion is scikit-learn's, smaller is better (mclust's "higher is
 * better" BIC is −bic).
 */
import type { z } from 'zod';
import type { CovarianceType, GaussianMixtureParams, Preprocessing } from '../model/types';
import type { sweepOptionsSchema, sweepRequestSchema } from '../request/sweepRequest';
import type { WithOptionalDefaults } from '../../withOptionalDefaults';

/**
 * ok          fitted; no component held up by reg_covar alone
 * degenerate  fitted, but a component's smallest covariance eigenvalue is below 10 × reg_covar:
 *             it collapsed onto repeated values or fewer points than dimensions, and its likelihood
 *             is an artefact of reg_covar. Never chosen as best unless the caller asks.
 * singular    EM stopped: a covariance became singular even with reg_covar (singular_component)
 * failed      the cell could not be fitted: fewer rows than K, or fewer distinct rows than K
 */
export type SweepCellStatus = 'ok' | 'degenerate' | 'singular' | 'failed';

/** One fitted (or refused) cell of the grid. Numbers are null where the cell has no value, never NaN. */
export interface SweepCell {
  k: number;
  covarianceType: CovarianceType;
  status: SweepCellStatus;
  /** Why the cell is degenerate, singular or failed (a sentence); null for ok cells. */
  message: string | null;
  /** The engine's error code for singular / failed cells (singular_component, too_few_samples, …). */
  code: string | null;
  /** score(X): mean log-likelihood per row at the fitted parameters. */
  meanLogLikelihood: number | null;
  /** Total log-likelihood, n × meanLogLikelihood. */
  logLikelihood: number | null;
  /** Free parameters (scikit-learn's _n_parameters); known even for a cell that failed. */
  nParameters: number;
  bic: number | null;
  aic: number | null;
  /** BIC + 2 × classification entropy. */
  icl: number | null;
  /** Sample-size-adjusted BIC, n* = (n + 2) / 24 (Sclove 1987). */
  sabic: number | null;
  converged: boolean | null;
  nIter: number | null;
  /** Wall time of this cell's fit (all restarts), seconds. */
  seconds: number;
  /** Smallest eigenvalue of any component covariance (reg_covar included). */
  minCovarianceEigenvalue: number | null;
  /** The component (0-based) whose covariance has that eigenvalue; null for tied (shared) covariance. */
  minEigenvalueComponent: number | null;
  minWeight: number | null;
  /**
   * Where the kept fit started: the cell's own n_init restarts, mclust's hierarchical start (cells
   * of mclust's models, cell.ts), or (second pass, refine.ts) a split of the K − 1 fit or a merge
   * of the K + 1 fit; null for cells without a fit.
   */
  origin: 'restarts' | 'hc' | 'split' | 'merge' | null;
  /** The fitted model of ok and degenerate cells, so "use this cell" needs no refit; null otherwise. */
  params: GaussianMixtureParams | null;
}

/** Settings every cell shares: FitOptions without K, the covariance type and explicit starts. */
export type SweepFitOptions = z.output<typeof sweepOptionsSchema>;

/**
 * A sweep request as the app builds it and the engine reads it: the schema's parsed form (fields
 * documented in request/sweepRequest.ts), except that `refine` may be left out (it defaults to true).
 */
export type SweepRequest = WithOptionalDefaults<z.output<typeof sweepRequestSchema>, 'refine'>;

/**
 * Progress counts tasks: every cell is fitted once ('fit') and, with refine, revisited in up to
 * REFINE_ROUNDS rounds ('refine'); a revisit whose neighbours did not change is skipped and counted
 * done at once. A cell can therefore arrive more than once: the latest report of a (k,
 * covarianceType) replaces the earlier one (a refinement never makes a cell worse).
 */
export interface SweepProgress {
  /** Tasks finished or skipped. */
  done: number;
  total: number;
  pass: 'fit' | 'refine';
  /** The cell as it now stands; absent on messages that only move the count. */
  cell?: SweepCell;
  elapsedSeconds: number;
  /** Estimated seconds left, from the cost of the cells still to run; null until a cell finished. */
  etaSeconds: number | null;
}

/** The cell a criterion selects. */
export interface SweepChoice {
  k: number;
  covarianceType: CovarianceType;
  value: number;
}

export type SweepCriterion = 'bic' | 'aic' | 'icl' | 'sabic';
export const SWEEP_CRITERIA: readonly SweepCriterion[] = ['bic', 'aic', 'icl', 'sabic'];

export interface SweepResponse {
  /** Every cell of the grid in covariance-type order, then ascending K (not in finishing order). */
  cells: SweepCell[];
  /** Lowest value of each criterion among the ok (non-degenerate) cells; null if there is none. */
  best: Record<SweepCriterion, SweepChoice | null>;
  preprocessing: Preprocessing;
  nSamples: number;
  droppedRows: number;
  /** Threads actually used. */
  threads: number;
  /** Wall time of the whole sweep (excluding the data matrix construction), seconds. */
  seconds: number;
}
