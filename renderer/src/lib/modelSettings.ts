/**
 * The model settings the user edits (everything in FitOptions except explicit initial parameters),
 * their defaults, and their validation for inline messages. Ranges are the fit request schema's
 * (shared/engine/fitRequest.ts) narrowed to what the UI offers: K at most 30, restarts at most 100.
 */
import { DEFAULT_FIT_OPTIONS, type FitOptions } from '../../../shared/engine/model/types';

export type ModelSettings = Omit<FitOptions, 'initParams'>;

export const DEFAULT_MODEL_SETTINGS: Readonly<ModelSettings> = {
  ...DEFAULT_FIT_OPTIONS,
  nComponents: 3,
};

export const MAX_COMPONENTS = 30;
export const MAX_RESTARTS = 100;
const MAX_SEED = 2 ** 32 - 1;

/** One invalid field: `key` is the i18n key under `model.invalid`, `params` its interpolations. */
export interface SettingProblem {
  field: keyof ModelSettings;
  key: 'integerRange' | 'positive' | 'nonNegative';
  params: Record<string, number>;
}

function integerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** Every invalid field, in form order (an empty list means the settings can be fitted). */
export function settingsProblems(s: ModelSettings): SettingProblem[] {
  const out: SettingProblem[] = [];
  const ranges: [keyof ModelSettings, number, number][] = [
    ['nComponents', 1, MAX_COMPONENTS],
    ['nInit', 1, MAX_RESTARTS],
    ['seed', 0, MAX_SEED],
    ['maxIter', 1, 100_000],
  ];
  for (const [field, min, max] of ranges) {
    if (!integerIn(s[field] as number, min, max))
      out.push({ field, key: 'integerRange', params: { min, max } });
  }
  // scikit-learn allows tol = 0 (run to max_iter) but the UI asks for a positive tolerance: a user
  // typing 0 almost always meant "very small", and 0 silently disables convergence.
  if (!(Number.isFinite(s.tol) && s.tol > 0)) out.push({ field: 'tol', key: 'positive', params: {} });
  if (!(Number.isFinite(s.regCovar) && s.regCovar >= 0))
    out.push({ field: 'regCovar', key: 'nonNegative', params: {} });
  return out;
}

export function toFitOptions(s: ModelSettings): FitOptions {
  return {
    nComponents: s.nComponents,
    covarianceType: s.covarianceType,
    init: s.init,
    nInit: s.nInit,
    seed: s.seed,
    maxIter: s.maxIter,
    tol: s.tol,
    regCovar: s.regCovar,
  };
}
