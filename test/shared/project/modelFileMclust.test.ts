/**
 * The model file of a fit under one of mclust's names: model_name and the covariances' parts
 * Σ_k = λ_k D_k A_k D_kᵀ beside the covariances, which stay what the engine reads back.
 */
import { describe, expect, it } from 'vitest';
import { fitGaussianMixture } from '../../../shared/engine/model/fit';
import { modelToFile, parseModelFile, serializeModelFile } from '../../../shared/project/modelFile';
import type { LabelModel } from '../../../shared/export/labelModel';
import { DEFAULT_FIT_OPTIONS, type CovarianceType } from '../../../shared/engine/model/types';
import { loadMatrix } from '../engine/emFixtures';
import { sameDoubles } from './projectFixture';

const iris = loadMatrix('iris.csv', ['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);

async function model(type: CovarianceType, X = iris.X, n = iris.n, d = iris.d): Promise<LabelModel> {
  const fit = await fitGaussianMixture(X, n, d, {
    ...DEFAULT_FIT_OPTIONS,
    nComponents: 3,
    covarianceType: type,
  });
  const names = ['a', 'b', 'c', 'd'].slice(0, d);
  return {
    params: fit.params,
    preprocessing: {
      columns: names.map((_, j) => j),
      columnNames: names,
      log: names.map(() => false),
      standardize: false,
      center: names.map(() => 0),
      scale: names.map(() => 1),
    },
  };
}

describe('model file of an mclust model', () => {
  it('stores model_name and λ, A, D whose product is each covariance; the shapes have determinant 1', async () => {
    const m = await model('EVE');
    const file = modelToFile(m, new Date('2026-12-06T00:00:00Z'));
    expect(file.covariance_type).toBe('EVE');
    expect(file.model_name).toBe('EVE');
    // Format 2: an earlier Mixture Lab, which knows only scikit-learn's four types, says the file is
    // newer instead of calling it invalid.
    expect(file.version).toBe(2);
    const { volume, shape, orientation } = file.decomposition!;
    const d = 4;
    expect(volume[1]).toBe(volume[0]); // E: equal volumes
    expect(orientation![2]).toEqual(orientation![0]); // E: one orientation
    expect(shape[0]).not.toEqual(shape[1]); // V: shapes vary
    for (let k = 0; k < 3; k++) {
      expect(Math.abs(shape[k].reduce((a, b) => a * b, 1) - 1)).toBeLessThan(1e-12);
      const D = orientation![k];
      const S = file.covariances as number[][][];
      for (let i = 0; i < d; i++)
        for (let j = 0; j < d; j++) {
          let s = 0;
          for (let a = 0; a < d; a++) s += D[i][a] * volume[k] * shape[k][a] * D[j][a];
          expect(Math.abs(s - S[k][i][j])).toBeLessThan(1e-12 * volume[k]);
        }
    }
  });

  it('reads back to the same parameters, bit for bit, under the same name', async () => {
    for (const type of ['VEI', 'EVV', 'EEE'] as const) {
      const m = await model(type);
      const back = parseModelFile(serializeModelFile(m, new Date('2026-12-06T00:00:00Z')));
      expect(back.params.covarianceType).toBe(type);
      for (const key of ['weights', 'means', 'covariances', 'precisionsCholesky'] as const)
        expect(sameDoubles(back.params[key], m.params[key]), `${type} ${key}`).toBe(true);
    }
  });

  it('diagonal models have no orientation; one column keeps mclust’s E and V; scikit-learn’s names add nothing', async () => {
    expect(modelToFile(await model('VEI'), new Date()).decomposition?.orientation).toBeUndefined();
    const one = loadMatrix('iris.csv', ['petal_length']);
    const e = modelToFile(await model('E', one.X, one.n, 1), new Date());
    expect(e.model_name).toBe('E');
    expect(e.decomposition?.shape).toEqual([[1], [1], [1]]);
    const full = modelToFile(await model('full'), new Date());
    expect(full.model_name).toBeUndefined();
    expect(full.decomposition).toBeUndefined();
    expect(full.version).toBe(1);
  });
});
