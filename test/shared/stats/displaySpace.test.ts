import { describe, expect, it } from 'vitest';
import {
  covarianceToDisplay,
  displayFeatureName,
  fromFittedValue,
  identityPreprocessing,
  meanToDisplay,
  toDisplayValue,
  toFittedValue,
} from '../../../shared/stats/displaySpace';
import type { Preprocessing } from '../../../shared/engine/model/types';

const pre: Preprocessing = {
  columns: [3, 5],
  columnNames: ['income', 'score'],
  log: [true, false],
  standardize: true,
  center: [10, 50],
  scale: [2, 25],
};

describe('display space', () => {
  it('labels a log feature "log(name)"', () => {
    expect(displayFeatureName(pre, 0)).toBe('log(income)');
    expect(displayFeatureName(pre, 1)).toBe('score');
  });

  it('maps raw values to display and fitted units, NaN for a non-positive log value', () => {
    expect(toDisplayValue(pre, 0, Math.E)).toBeCloseTo(1, 15);
    expect(toDisplayValue(pre, 0, 0)).toBeNaN();
    expect(toFittedValue(pre, 1, 100)).toBe(2);
    expect(toFittedValue(pre, 0, Math.exp(14))).toBeCloseTo(2, 14);
  });

  it('maps fitted values back to original units, the inverse of toFittedValue', () => {
    expect(fromFittedValue(pre, 1, 2)).toBe(100);
    expect(fromFittedValue(pre, 0, 2)).toBeCloseTo(Math.exp(14), 6);
    for (const x of [0.01, 3, 12345.678])
      for (const j of [0, 1]) expect(fromFittedValue(pre, j, toFittedValue(pre, j, x))).toBeCloseTo(x, 9);
  });

  it('maps means and covariances back: μ = c + s∘z, Σ = D Σ_z D', () => {
    expect(Array.from(meanToDisplay(pre, [1, -1]))).toEqual([12, 25]);
    expect(Array.from(covarianceToDisplay(pre, Float64Array.of(1, 0.5, 0.5, 2)))).toEqual([4, 25, 25, 1250]);
  });

  it('an identity preprocessing changes nothing', () => {
    const id = identityPreprocessing(['a', 'b']);
    expect(Array.from(meanToDisplay(id, [3, 4]))).toEqual([3, 4]);
    expect(toFittedValue(id, 1, 7)).toBe(7);
  });
});
