import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MODEL_SETTINGS,
  settingsProblems,
  toFitOptions,
} from '../../../../renderer/src/lib/modelSettings';
import { fitOptionsSchema } from '../../../../shared/engine/request/fitRequest';

describe('model settings', () => {
  it('defaults are valid and pass the engine’s own schema unchanged', () => {
    expect(settingsProblems(DEFAULT_MODEL_SETTINGS)).toEqual([]);
    const options = toFitOptions(DEFAULT_MODEL_SETTINGS);
    expect(fitOptionsSchema.parse(options)).toEqual(options);
  });

  it('names each invalid field with its allowed range', () => {
    const problems = settingsProblems({
      ...DEFAULT_MODEL_SETTINGS,
      nComponents: 0,
      nInit: 2.5,
      seed: -1,
      maxIter: Number.NaN,
      tol: 0,
      regCovar: -1e-6,
    });
    expect(problems).toEqual([
      { field: 'nComponents', key: 'integerRange', params: { min: 1, max: 30 } },
      { field: 'nInit', key: 'integerRange', params: { min: 1, max: 100 } },
      { field: 'seed', key: 'integerRange', params: { min: 0, max: 2 ** 32 - 1 } },
      { field: 'maxIter', key: 'integerRange', params: { min: 1, max: 100_000 } },
      { field: 'tol', key: 'positive', params: {} },
      { field: 'regCovar', key: 'nonNegative', params: {} },
    ]);
    expect(settingsProblems({ ...DEFAULT_MODEL_SETTINGS, nComponents: 30, regCovar: 0 })).toEqual([]);
  });

  it('narrows the engine’s ranges, never widens them: each bound the form accepts, the schema accepts', () => {
    const offbeat = { nComponents: 0, nInit: 0, seed: -1, maxIter: 0 };
    const ranges = settingsProblems({ ...DEFAULT_MODEL_SETTINGS, ...offbeat }).map(
      (p) => [p.field, p.params] as const,
    );
    expect(ranges.map(([field]) => field)).toEqual(Object.keys(offbeat));
    for (const [field, { min, max }] of ranges) {
      for (const value of [min, max]) {
        const settings = { ...DEFAULT_MODEL_SETTINGS, [field]: value };
        expect(settingsProblems(settings), `${field} = ${value}`).toEqual([]);
        expect(fitOptionsSchema.safeParse(toFitOptions(settings)).success, `${field} = ${value}`).toBe(true);
      }
    }
  });
});
