/**
 * Input validation at the fit's edge: each bad input is refused once, with a specific EngineError
 * code and a message that says what to change — never a NaN model or a hang.
 */
import { describe, expect, it } from 'vitest';
import { fitGaussianMixture } from '../../../../shared/engine/model/fit';
import { EngineError } from '../../../../shared/errors';
import type { FitOptions } from '../../../../shared/engine/model/types';
import { INTEGER_OPTION_RANGES, REAL_OPTION_MINIMA } from '../../../../shared/engine/request/fitRules';

const base: FitOptions = {
  nComponents: 2,
  covarianceType: 'full',
  init: 'kmeans',
  nInit: 1,
  seed: 0,
  maxIter: 50,
  tol: 1e-3,
  regCovar: 1e-6,
};
const X = Float64Array.from([0, 1, 1, 0, 2, 3, 5, 5, 6, 5, 5, 7, 0.5, 0.2, 6.1, 6.3]);
const n = 8;
const d = 2;

async function codeOf(
  promise: Promise<unknown>,
): Promise<{ code: string; message: string; details?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    return error as EngineError;
  }
  throw new Error('expected a EngineError');
}

describe('data checks', () => {
  it.each([NaN, Infinity, -Infinity])(
    'refuses a %s value with not_finite, naming row and column',
    async (bad) => {
      const data = X.slice();
      data[5] = bad;
      const e = await codeOf(fitGaussianMixture(data, n, d, base));
      expect(e.code).toBe('not_finite');
      expect(e.details).toEqual({ row: 2, column: 1 });
      expect(e.message).toMatch(/Row 3, column 2/);
    },
  );

  it('refuses a single row with too_few_samples', async () => {
    const e = await codeOf(fitGaussianMixture(Float64Array.from([1, 2]), 1, 2, { ...base, nComponents: 1 }));
    expect(e.code).toBe('too_few_samples');
  });

  it('refuses fewer rows than components with too_few_samples', async () => {
    const e = await codeOf(fitGaussianMixture(X, n, d, { ...base, nComponents: 9 }));
    expect(e.code).toBe('too_few_samples');
  });

  it('refuses more components than distinct rows with too_many_components', async () => {
    // 12 rows, 2 distinct
    const dup = Float64Array.from(
      { length: 24 },
      (_, e) => (Math.floor(e / 2) % 2 === 0 ? [1, 2] : [3, 5])[e % 2],
    );
    const e = await codeOf(fitGaussianMixture(dup, 12, 2, { ...base, nComponents: 3 }));
    expect(e.code).toBe('too_many_components');
    expect(e.details).toMatchObject({ distinctRows: 2, nComponents: 3 });
  });

  it('refuses a constant column with constant_column, naming it (1-based in the message)', async () => {
    const data = X.slice();
    for (let i = 0; i < n; i++) data[i * d + 1] = 4.5;
    const e = await codeOf(fitGaussianMixture(data, n, d, base));
    expect(e.code).toBe('constant_column');
    expect(e.details).toEqual({ columns: [1] });
    expect(e.message).toMatch(/Column 2/);
  });

  it('refuses data whose length is not nSamples × nFeatures', async () => {
    expect((await codeOf(fitGaussianMixture(X, n, 3, base))).code).toBe('invalid_option');
  });
});

describe('option checks', () => {
  it.each<[string, Partial<FitOptions>]>([
    ['nComponents 0', { nComponents: 0 }],
    ['fractional nInit', { nInit: 1.5 }],
    ['maxIter 0', { maxIter: 0 }],
    ['negative tol', { tol: -1 }],
    ['NaN regCovar', { regCovar: NaN }],
    ['negative seed', { seed: -3 }],
    ['unknown covariance type', { covarianceType: 'banded' as FitOptions['covarianceType'] }],
    ['unknown init', { init: 'spectral' as FitOptions['init'] }],
    ['weights of the wrong length', { initParams: { weights: [1] } }],
    ['weights not summing to 1', { initParams: { weights: [0.5, 0.6] } }],
    [
      'means of the wrong shape',
      {
        initParams: {
          means: [
            [0, 0, 0],
            [1, 1, 1],
          ],
        },
      },
    ],
    [
      'full covariances given as diag',
      {
        initParams: {
          covariances: [
            [1, 1],
            [1, 1],
          ],
        },
      },
    ],
    [
      'a covariance that is not positive definite',
      {
        initParams: {
          covariances: [
            [
              [1, 2],
              [2, 1],
            ],
            [
              [1, 0],
              [0, 1],
            ],
          ],
        },
      },
    ],
    [
      'a negative precision (diag)',
      {
        covarianceType: 'diag',
        initParams: {
          precisions: [
            [1, -1],
            [1, 1],
          ],
        },
      },
    ],
  ])('refuses %s with invalid_option', async (_label, change) => {
    expect((await codeOf(fitGaussianMixture(X, n, d, { ...base, ...change }))).code).toBe('invalid_option');
  });
});

describe('option checks read the request rules (fitRules.ts): the domain, not the request caps', () => {
  it.each(Object.entries(INTEGER_OPTION_RANGES))(
    'refuses %s below its minimum, naming the bound',
    async (field, { min }) => {
      const e = await codeOf(fitGaussianMixture(X, n, d, { ...base, [field]: min - 1 }));
      expect(e.code).toBe('invalid_option');
      expect(e.message).toBe(`${field} must be an integer ≥ ${min} (got ${min - 1}).`);
    },
  );

  it.each(Object.entries(REAL_OPTION_MINIMA))('refuses %s below its minimum', async (field, min) => {
    const e = await codeOf(fitGaussianMixture(X, n, d, { ...base, [field]: min - 1 }));
    expect(e.message).toBe(`${field} must be a number ≥ ${min} (got ${min - 1}).`);
  });

  it('runs more restarts than a request may ask for, as a sweep cell does (sweep/restarts.ts)', async () => {
    const nInit = INTEGER_OPTION_RANGES.nInit.max + 1;
    const fit = await fitGaussianMixture(X, n, d, { ...base, nInit, maxIter: 1 });
    expect(fit.traces).toHaveLength(nInit);
  });
});
