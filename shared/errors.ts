/**
 * The engine's one error type. `code` is for programs (the protocol forwards it unchanged), the
 * message is for people. Codes:
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

export class FitError extends Error {
  constructor(
    readonly code: FitErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'FitError';
  }
}

/**
 * A covariance that stays singular after adding reg_covar. The remedies are scikit-learn's
 * ("Try to decrease the number of components, or increase reg_covar"), plus the data-side causes.
 */
export function singularComponentError(component: number): FitError {
  return new FitError(
    'singular_component',
    `Component ${component + 1} collapsed: its covariance is singular even after adding reg_covar ` +
      '(it sits on a single point, on repeated values, or on fewer points than dimensions). ' +
      'Try fewer components, a larger reg_covar (more regularisation), or standardise the data and ' +
      'remove duplicate or constant columns.',
    { component },
  );
}

export function cancelledError(): FitError {
  return new FitError('cancelled', 'The fit was cancelled.');
}
