/**
 * The model settings the user edits (everything in FitOptions except explicit initial parameters),
 * their defaults, and their validation for inline messages. Ranges are the fit options' rules
 * (shared/engine/request/fitRules.ts, which the request schema also reads) narrowed to what the UI
 * offers: K at most 30, restarts at most 100, iterations at most 100 000, a positive tolerance.
 */
import { DEFAULT_FIT_OPTIONS, type FitOptions } from '../../../shared/engine/model/types';
import {
  INTEGER_OPTION_RANGES,
  REAL_OPTION_MINIMA,
  type IntegerRange,
} from '../../../shared/engine/request/fitRules';

export type ModelSettings = Omit<FitOptions, 'initParams'>;

export const DEFAULT_MODEL_SETTINGS: Readonly<ModelSettings> = {
  ...DEFAULT_FIT_OPTIONS,
  nComponents: 3,
};

export const MAX_COMPONENTS = 30;
export const MAX_RESTARTS = 100;
const MAX_ITERATIONS = 100_000;

/** One invalid field: `key` is the i18n key under `model.invalid`, `params` its interpolations. */
export interface SettingProblem {
  field: keyof ModelSettings;
  key: 'integerRange' | 'positive' | 'nonNegative';
  params: Record<string, number>;
}

function integerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** A rule's range with its upper end lowered to what the form offers (never widened). */
const narrowed = ({ min, max }: IntegerRange, formMax = Infinity): IntegerRange => ({
  min,
  max: Math.min(max, formMax),
});

/** The integer fields in form order, with their ranges. */
const INTEGER_FIELDS: [keyof typeof INTEGER_OPTION_RANGES, IntegerRange][] = [
  ['nComponents', narrowed(INTEGER_OPTION_RANGES.nComponents, MAX_COMPONENTS)],
  ['nInit', narrowed(INTEGER_OPTION_RANGES.nInit, MAX_RESTARTS)],
  ['seed', narrowed(INTEGER_OPTION_RANGES.seed)],
  ['maxIter', narrowed(INTEGER_OPTION_RANGES.maxIter, MAX_ITERATIONS)],
];

/** Every invalid field, in form order (an empty list means the settings can be fitted). */
export function settingsProblems(s: ModelSettings): SettingProblem[] {
  const out: SettingProblem[] = [];
  for (const [field, { min, max }] of INTEGER_FIELDS) {
    if (!integerIn(s[field], min, max)) out.push({ field, key: 'integerRange', params: { min, max } });
  }
  // scikit-learn allows tol = 0 (run to max_iter) but the UI asks for a positive tolerance: a user
  // typing 0 almost always meant "very small", and 0 silently disables convergence.
  if (!(Number.isFinite(s.tol) && s.tol > REAL_OPTION_MINIMA.tol))
    out.push({ field: 'tol', key: 'positive', params: {} });
  if (!(Number.isFinite(s.regCovar) && s.regCovar >= REAL_OPTION_MINIMA.regCovar))
    out.push({ field: 'regCovar', key: 'nonNegative', params: {} });
  return out;
}

/**
 * The fit options of the settings. Without a Gaussian column the covariance type has no effect: the
 * default goes out whatever the (hidden) choice, so the request, the stale check and a saved fit do
 * not change with a setting that changes nothing.
 */
export function toFitOptions(s: ModelSettings, covarianceApplies = true): FitOptions {
  return {
    nComponents: s.nComponents,
    covarianceType: covarianceApplies ? s.covarianceType : DEFAULT_FIT_OPTIONS.covarianceType,
    init: s.init,
    nInit: s.nInit,
    seed: s.seed,
    maxIter: s.maxIter,
    tol: s.tol,
    regCovar: s.regCovar,
  };
}
