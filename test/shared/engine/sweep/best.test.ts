import { describe, expect, it } from 'vitest';
import { bestCell, bestCells } from '../../../../shared/engine/sweep/best';
import type { SweepCell } from '../../../../shared/engine/sweep/types';
import type { CovarianceType } from '../../../../shared/engine/model/types';

function cell(
  covarianceType: CovarianceType,
  k: number,
  status: SweepCell['status'],
  bic: number | null,
  aic: number | null = bic,
): SweepCell {
  return {
    k,
    covarianceType,
    status,
    message: status === 'ok' ? null : 'why',
    code: null,
    meanLogLikelihood: bic === null ? null : -bic / 200,
    logLikelihood: bic === null ? null : -bic / 2,
    nParameters: 5 * k,
    bic,
    aic,
    icl: bic === null ? null : bic + 10,
    sabic: bic === null ? null : bic - 10,
    converged: bic === null ? null : true,
    nIter: bic === null ? null : 10,
    seconds: 0.1,
    minCovarianceEigenvalue: null,
    minEigenvalueComponent: null,
    minWeight: null,
    origin: null,
    params: null,
  };
}

describe('bestCell', () => {
  const cells = [
    cell('full', 1, 'ok', 300),
    cell('full', 2, 'ok', 250, 240),
    cell('full', 3, 'singular', null),
    cell('diag', 2, 'ok', 260, 200),
    cell('diag', 5, 'degenerate', 100, 90),
    cell('spherical', 9, 'failed', null),
  ];

  it('picks the lowest value among ok cells, leaving degenerate, singular and failed cells out', () => {
    expect(bestCell(cells, 'bic')).toEqual({ k: 2, covarianceType: 'full', value: 250 });
    expect(bestCell(cells, 'aic')).toEqual({ k: 2, covarianceType: 'diag', value: 200 });
  });

  it('lets degenerate cells compete only when asked', () => {
    expect(bestCell(cells, 'bic', { includeDegenerate: true })).toEqual({
      k: 5,
      covarianceType: 'diag',
      value: 100,
    });
  });

  it('breaks ties by grid order: the earlier covariance type, then the smaller K', () => {
    const tied = [cell('diag', 2, 'ok', 100), cell('full', 3, 'ok', 100), cell('full', 2, 'ok', 100)];
    expect(bestCell(tied, 'bic')).toEqual({ k: 2, covarianceType: 'full', value: 100 });
  });

  it('is null when no ok cell has a value', () => {
    expect(bestCell([cell('full', 1, 'degenerate', 5), cell('full', 2, 'failed', null)], 'bic')).toBeNull();
    expect(bestCell([], 'icl')).toBeNull();
  });

  it('bestCells answers every criterion, each on its own column', () => {
    const best = bestCells(cells);
    expect(Object.keys(best).sort()).toEqual(['aic', 'bic', 'icl', 'sabic']);
    expect(best.icl).toEqual({ k: 2, covarianceType: 'full', value: 260 });
    expect(best.sabic).toEqual({ k: 2, covarianceType: 'full', value: 240 });
  });
});
