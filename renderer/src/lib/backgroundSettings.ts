/**
 * The background model's settings as the panel edits them: the five a user tunes (the rest keep
 * OpenCV's defaults, shared/engine/background/backgroundOptions.ts), their ranges, and the options
 * a run request carries.
 */
import {
  BACKGROUND_DEFAULTS,
  type BackgroundOptions,
} from '../../../shared/engine/background/backgroundOptions';

export interface BackgroundSettings {
  components: number;
  /** OpenCV's schedule 1 / min(2n, history), or the fixed rate below. */
  learningAuto: boolean;
  learningRate: number;
  backgroundRatio: number;
  threshold: number;
  shadows: boolean;
}

export function defaultBackgroundSettings(): BackgroundSettings {
  return {
    components: BACKGROUND_DEFAULTS.components,
    learningAuto: BACKGROUND_DEFAULTS.learningRate === 'auto',
    // What 'auto' settles to: 1 / history.
    learningRate: 1 / BACKGROUND_DEFAULTS.history,
    backgroundRatio: BACKGROUND_DEFAULTS.backgroundRatio,
    threshold: BACKGROUND_DEFAULTS.threshold,
    shadows: BACKGROUND_DEFAULTS.shadows,
  };
}

/** The settings that are out of range (the request schema's bounds), by name. */
export function invalidSettings(s: BackgroundSettings): (keyof BackgroundSettings)[] {
  const bad: (keyof BackgroundSettings)[] = [];
  const finite = Number.isFinite;
  if (!Number.isInteger(s.components) || s.components < 1 || s.components > 16) bad.push('components');
  if (!s.learningAuto && !(finite(s.learningRate) && s.learningRate > 0 && s.learningRate <= 1))
    bad.push('learningRate');
  if (!(finite(s.backgroundRatio) && s.backgroundRatio > 0 && s.backgroundRatio <= 1))
    bad.push('backgroundRatio');
  if (!(finite(s.threshold) && s.threshold > 0 && s.threshold <= 1e6)) bad.push('threshold');
  return bad;
}

export function requestOptions(s: BackgroundSettings): Partial<BackgroundOptions> {
  return {
    components: s.components,
    learningRate: s.learningAuto ? 'auto' : s.learningRate,
    backgroundRatio: s.backgroundRatio,
    threshold: s.threshold,
    shadows: s.shadows,
  };
}
