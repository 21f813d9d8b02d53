/**
 * Latent class and mixed-type mixtures reach the reference packages' optima (../fixtures/lca):
 * poLCA on its cheating data (four yes/no items coded 1/2, as categories), VarSelLCM on a simulated
 * mixed data set (two Gaussian columns with one variance per column and class, two text columns, a
 * Poisson count), complete and with 8% of every column's cells missing. A fit must count the same
 * free parameters and reach at least the reference log-likelihood (1e-6 relative).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fitMixture } from '../../../../shared/engine/model/fitMixture';
import { buildMixedRows } from '../../../../shared/engine/request/buildMixedRows';
import type { CovarianceType } from '../../../../shared/engine/model/types';
import { fixturesDir } from '../../../support/paths';
import { columnIndices, loadTable } from '../../../support/loadTable';

interface Reference {
  k: number;
  log_likelihood: number;
  n_parameters: number;
  n: number;
}
const reference = (name: string) =>
  JSON.parse(readFileSync(path.join(fixturesDir, 'lca', `${name}.json`), 'utf8')) as { results: Reference[] };

const OPTIONS = { init: 'kmeans' as const, seed: 0, maxIter: 2000, tol: 1e-10, regCovar: 1e-6 };

describe('poLCA: cheating (four binary items)', async () => {
  const table = await loadTable(path.join(fixturesDir, 'lca/cheating.csv'));
  const items = columnIndices(table, ['LIEEXAM', 'LIEPAPER', 'FRAUD', 'COPYEXAM']);
  const matrix = buildMixedRows(table, { columns: items, categorical: items, standardize: false });
  for (const ref of reference('cheating').results) {
    it(`K = ${ref.k}: ${ref.n_parameters} parameters, log-likelihood ≥ ${ref.log_likelihood.toFixed(4)}`, async () => {
      const fit = await fitMixture(matrix.rows, {
        ...OPTIONS,
        nComponents: ref.k,
        covarianceType: 'diag',
        nInit: 40,
      });
      expect(matrix.rows.nSamples).toBe(ref.n);
      expect(fit.nParameters).toBe(ref.n_parameters);
      expect(fit.logLikelihood).toBeGreaterThanOrEqual(
        ref.log_likelihood - 1e-6 * Math.abs(ref.log_likelihood),
      );
    });
  }
});

for (const [name, covariances] of [
  ['mixed_sim', ['diag']],
  ['mixed_sim_missing', ['diag', 'full']],
] as [string, CovarianceType[]][]) {
  describe(`VarSelLCM: ${name} (Gaussian, categorical and Poisson columns)`, async () => {
    const table = await loadTable(path.join(fixturesDir, `lca/${name}.csv`));
    const [height, score, colour, member, visits] = columnIndices(table, [
      'height',
      'score',
      'colour',
      'member',
      'visits',
    ]);
    const matrix = buildMixedRows(table, {
      columns: [height, score, colour, member, visits],
      counts: [visits],
      standardize: false,
    });
    for (const covarianceType of covariances)
      for (const ref of reference(name).results) {
        it(`${covarianceType} K = ${ref.k}: every row kept, log-likelihood ≥ ${ref.log_likelihood.toFixed(3)}`, async () => {
          const fit = await fitMixture(matrix.rows, {
            ...OPTIONS,
            nComponents: ref.k,
            covarianceType,
            nInit: 40,
          });
          expect(matrix.rows.nSamples).toBe(ref.n);
          // The full block adds the K correlations of the two Gaussian columns.
          expect(fit.nParameters).toBe(ref.n_parameters + (covarianceType === 'full' ? ref.k : 0));
          expect(fit.logLikelihood).toBeGreaterThanOrEqual(
            ref.log_likelihood - 1e-6 * Math.abs(ref.log_likelihood),
          );
        });
      }
  });
}
