/**
 * The one coded error of Mixture Lab, its codes and the constructors used in more than one place.
 * Every layer throws `EngineError` (the fit's math, the engine's handlers, the main-side services,
 * the command line); the message protocol and the window API carry it as `EngineErrorInfo`
 * ({code, message, details}); the page turns that back into a `MixlabError` (shared/api.ts), a
 * subclass that only renames it. `code` is for programs and tests, the message is for people.
 *
 * This module imports nothing: the protocol, the API contract and every domain module import it.
 */

/** A coded error as plain data: what crosses a process or context boundary. */
export interface EngineErrorInfo {
  /** One of ErrorCodes, or a domain code (import rejection reason, `singular_component`, …). */
  code: string;
  /** A sentence a user can act on. */
  message: string;
  /** Optional structured details (component index, row numbers, …). */
  details?: Record<string, unknown>;
}

export class EngineError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'EngineError';
  }
  toInfo(): EngineErrorInfo {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

/** Stable codes of the transport and of every request. Domain modules add their own (import rejections, export_*, project_*). */
export const ErrorCodes = {
  /** The message was not a protocol message (bad shape, unknown type). */
  BadMessage: 'bad_message',
  /** The request kind is not one the engine knows. */
  UnknownKind: 'unknown_kind',
  /** The payload failed validation; the message says which field and why. */
  InvalidPayload: 'invalid_payload',
  /** The caller cancelled the request. */
  Cancelled: 'cancelled',
  /** The engine process exited while the request was in flight. */
  EngineCrashed: 'engine_crashed',
  /** The engine process ran out of memory while the request was in flight (and was restarted). */
  EngineOutOfMemory: 'engine_out_of_memory',
  /** The engine process could not be started. */
  EngineUnavailable: 'engine_unavailable',
  /** A dataset id that the engine does not hold (released, or lost in a restart). */
  UnknownDataset: 'unknown_dataset',
  /** A bug: an exception nobody expected. The message carries its text, never a stack. */
  Internal: 'internal',
} as const;

/**
 * Codes the fit itself refuses with (scikit-learn's _check_* helpers and the EM loop):
 *   invalid_option       an option or an initParams array is out of range or mis-shaped
 *   not_finite           the data hold NaN or ±Infinity
 *   too_few_samples      fewer than 2 rows, or fewer rows than components
 *   too_many_components  more components than distinct rows
 *   constant_column      a column holds one value in every row (details.columns, 0-based)
 *   singular_component   a covariance is singular even with reg_covar (details.component, 0-based)
 *   cancelled            the caller's signal aborted the fit
 */
export type FitErrorCode =
  | 'invalid_option'
  | 'not_finite'
  | 'too_few_samples'
  | 'too_many_components'
  | 'constant_column'
  | 'singular_component'
  | 'cancelled';

/** The caller's signal aborted the work; `what` names the work when the reader needs to know ("fit"). */
export function cancelledError(what?: string): EngineError {
  return new EngineError(ErrorCodes.Cancelled, what ? `The ${what} was cancelled.` : 'Cancelled.');
}

/**
 * A covariance that stays singular after adding reg_covar. The remedies are scikit-learn's
 * ("Try to decrease the number of components, or increase reg_covar"), plus the data-side causes.
 */
export function singularComponentError(component: number): EngineError {
  return new EngineError(
    'singular_component',
    `Component ${component + 1} collapsed: its covariance is singular even after adding reg_covar ` +
      '(it sits on a single point, on repeated values, or on fewer points than dimensions). ' +
      'Try fewer components, a larger reg_covar (more regularisation), or standardise the data and ' +
      'remove duplicate or constant columns.',
    { component },
  );
}
