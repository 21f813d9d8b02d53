import { describe, expect, it } from 'vitest';
import { fitGaussianMixture } from '../../../../shared/engine/model/fit';
import {
  DEFAULT_FIT_OPTIONS,
  type CovarianceType,
  type FitOptions,
} from '../../../../shared/engine/model/types';
import { fitNotes } from '../../../../renderer/src/lib/fitNotes';

/** 25 copies of (5, 5) beside a spread cloud of 200 rows: K = 2 puts one cluster on the copies. */
function repeatedRows(): Float64Array {
  const rows: number[] = [];
  for (let i = 0; i < 25; i++) rows.push(5, 5);
  for (let i = 0; i < 200; i++) rows.push(Math.sin(i) * 3 - 4, Math.cos(1.3 * i) * 2 - 3);
  return Float64Array.from(rows);
}

const options = (covarianceType: CovarianceType, extra: Partial<FitOptions> = {}): FitOptions => ({
  ...DEFAULT_FIT_OPTIONS,
  nComponents: 2,
  covarianceType,
  ...extra,
});

describe('fitNotes', () => {
  it.each(['full', 'diag', 'spherical'] as const)(
    '%s: names the cluster that collapsed onto repeated rows, 1-based, with its variance and the threshold',
    async (type) => {
      const fit = await fitGaussianMixture(repeatedRows(), 225, 2, options(type));
      const onCopies = Math.abs(fit.params.means[0] - 5) < 1e-9 ? 1 : 2;
      expect(fitNotes(fit, options(type))).toEqual([
        {
          kind: 'collapsed',
          component: onCopies,
          eigenvalue: expect.closeTo(1e-6, 12),
          threshold: expect.closeTo(1e-5, 15),
        },
      ]);
    },
  );

  it('says nothing about a proper, converged fit', async () => {
    const X = repeatedRows().subarray(50); // the cloud alone
    const fit = await fitGaussianMixture(X, 200, 2, options('full'));
    expect(fit.converged).toBe(true);
    expect(fitNotes(fit, options('full'))).toEqual([]);
  });

  it('reports a fit stopped at the iteration limit first, with its iteration count', async () => {
    const X = repeatedRows().subarray(50);
    const o = options('full', { maxIter: 2, tol: 1e-12 });
    const fit = await fitGaussianMixture(X, 200, 2, o);
    expect(fitNotes(fit, o)[0]).toEqual({ kind: 'notConverged', nIter: 2 });
  });

  it('judges collapse against the fit’s own reg_covar', async () => {
    const o = options('full', { regCovar: 0.05 });
    const fit = await fitGaussianMixture(repeatedRows(), 225, 2, o);
    const notes = fitNotes(fit, o);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'collapsed', threshold: 0.5 });
  });
});
