import { describe, expect, it } from 'vitest';
import type { GaussianMixtureParams, Preprocessing } from '../../../../shared/engine/model/types';
import { classProfiles, hasDiscreteColumns } from '../../../../renderer/src/lib/classProfiles';

const params: GaussianMixtureParams = {
  covarianceType: 'diag',
  nComponents: 2,
  nFeatures: 1,
  weights: Float64Array.of(0.25, 0.75),
  means: Float64Array.of(-1, 2),
  covariances: Float64Array.of(1, 1),
  precisionsCholesky: Float64Array.of(1, 1),
  discrete: {
    // Item with 3 levels: class 0 [0.1 0.2 0.7], class 1 [0.5 0.5 0].
    categorical: [Float64Array.of(0.1, 0.2, 0.7, 0.5, 0.5, 0)],
    // Two count columns, K × q: class 0 (3, 0.5), class 1 (7, 1.5).
    poisson: Float64Array.of(3, 0.5, 7, 1.5),
    binomial: Float64Array.of(0.2, 0.9),
  },
};
const pre: Preprocessing = {
  columns: [4],
  columnNames: ['Income'],
  log: [false],
  standardize: true,
  center: [50],
  scale: [10],
  categorical: [{ column: 1, name: 'Item', levels: ['a', 'b', 'c'] }],
  poisson: [
    { column: 2, name: 'Visits' },
    { column: 3, name: 'Calls' },
  ],
  binomial: [{ column: 5, name: 'Heads', trials: { column: 6, name: 'Tosses' } }],
};

describe('class profiles', () => {
  it('reads each family per class, Gaussian means back in the column units', () => {
    const p = classProfiles(params, pre);
    expect(p.weights).toEqual([0.25, 0.75]);
    expect(p.categorical[0]).toEqual({
      index: 1,
      name: 'Item',
      levels: ['a', 'b', 'c'],
      probabilities: [
        [0.1, 0.2, 0.7],
        [0.5, 0.5, 0],
      ],
    });
    expect(p.poisson.map((c) => c.rates)).toEqual([
      [3, 7],
      [0.5, 1.5],
    ]);
    expect(p.binomial[0]).toEqual({ index: 5, name: 'Heads', trials: 'Tosses', probabilities: [0.2, 0.9] });
    expect(p.gaussian[0].means).toEqual([40, 70]);
    expect(hasDiscreteColumns(pre)).toBe(true);
    expect(hasDiscreteColumns({ ...pre, categorical: [], poisson: undefined, binomial: [] })).toBe(false);
  });
});
