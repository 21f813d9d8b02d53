/**
 * Progress payloads of the engine's jobs, read by shape. They arrive as `unknown` on the event
 * channel (the engine process → main → this page), so each reader checks every field it returns
 * and answers null for anything else; the job helper (engineJob.ts) then ignores that event.
 */
import type { ImportProgress } from '../../../shared/data/types';
import { COVARIANCE_MODEL_NAMES, type FitProgress } from '../../../shared/engine/model/types';
import type { GaussianMixtureParams } from '../../../shared/engine/model/types';
import type { SweepCell, SweepProgress } from '../../../shared/engine/sweep/types';
import type { LabelExportProgress } from '../../../shared/export/labelExport';

type Fields = Record<string, unknown>;

const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null;
const isNumber = (v: unknown): v is number => typeof v === 'number';
const isNumberOrNull = (v: unknown): v is number | null => v === null || typeof v === 'number';
const isStringOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
const isOneOf = <T extends string>(options: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (options as readonly string[]).includes(v);

/** An EM iteration of a fit: which restart, which iteration, the lower bound so far. */
export function parseFitProgress(raw: unknown): FitProgress | null {
  if (!isObject(raw)) return null;
  const { restart, nRestarts, iteration, maxIter, lowerBound } = raw;
  if (!isNumber(restart) || !isNumber(nRestarts) || !isNumber(iteration)) return null;
  if (!isNumber(maxIter) || !isNumber(lowerBound)) return null;
  return { restart, nRestarts, iteration, maxIter, lowerBound };
}

/** Bytes and rows read by an import; `rows` may be missing (then 0). */
export function parseImportProgress(raw: unknown): ImportProgress | null {
  if (!isObject(raw)) return null;
  const { bytesRead, totalBytes, rows } = raw;
  if (!isNumber(bytesRead) || !isNumber(totalBytes)) return null;
  return { bytesRead, totalBytes, rows: isNumber(rows) ? rows : 0 };
}

/** Rows written by a label export. */
export function parseExportProgress(raw: unknown): LabelExportProgress | null {
  if (!isObject(raw)) return null;
  const { rowsWritten, totalRows } = raw;
  return isNumber(rowsWritten) && isNumber(totalRows) ? { rowsWritten, totalRows } : null;
}

/** A sweep's count of finished cells, its time estimate, and the cell that just finished, if any. */
export function parseSweepProgress(raw: unknown): SweepProgress | null {
  if (!isObject(raw)) return null;
  const { done, total, pass, elapsedSeconds, etaSeconds, cell } = raw;
  if (!isNumber(done) || !isNumber(total) || !isOneOf(PASSES, pass)) return null;
  if (!isNumber(elapsedSeconds) || !isNumberOrNull(etaSeconds)) return null;
  if (cell !== undefined && !isSweepCell(cell)) return null;
  return { done, total, pass, elapsedSeconds, etaSeconds, ...(cell ? { cell } : {}) };
}

const PASSES: readonly SweepProgress['pass'][] = ['fit', 'refine'];
const STATUSES: readonly SweepCell['status'][] = ['ok', 'degenerate', 'singular', 'failed'];
const ORIGINS: readonly NonNullable<SweepCell['origin']>[] = ['restarts', 'hc', 'split', 'merge'];
/** SweepCell's number-or-null fields (null where the cell has no value). */
const NULLABLE_NUMBERS = [
  'meanLogLikelihood',
  'logLikelihood',
  'bic',
  'aic',
  'icl',
  'sabic',
  'nIter',
  'minCovarianceEigenvalue',
  'minEigenvalueComponent',
  'minWeight',
] as const satisfies readonly (keyof SweepCell)[];

/** Every field of a streamed sweep cell, params with their typed arrays (structured clone keeps them). */
export function isSweepCell(raw: unknown): raw is SweepCell {
  if (!isObject(raw)) return false;
  return (
    isNumber(raw.k) &&
    isOneOf(COVARIANCE_MODEL_NAMES, raw.covarianceType) &&
    isOneOf(STATUSES, raw.status) &&
    isStringOrNull(raw.message) &&
    isStringOrNull(raw.code) &&
    isNumber(raw.nParameters) &&
    isNumber(raw.seconds) &&
    NULLABLE_NUMBERS.every((field) => isNumberOrNull(raw[field])) &&
    (raw.converged === null || typeof raw.converged === 'boolean') &&
    (raw.origin === null || isOneOf(ORIGINS, raw.origin)) &&
    (raw.params === null || isParams(raw.params))
  );
}

function isParams(raw: unknown): raw is GaussianMixtureParams {
  return (
    isObject(raw) &&
    isOneOf(COVARIANCE_MODEL_NAMES, raw.covarianceType) &&
    isNumber(raw.nComponents) &&
    isNumber(raw.nFeatures) &&
    [raw.weights, raw.means, raw.covariances, raw.precisionsCholesky].every((a) => a instanceof Float64Array)
  );
}
