/**
 * poLCA's own example datasets through `mixlab fit … --categorical … --covariance diag --n-init 40
 * --tol 1e-10 --json` exactly as a user types it (no --max-iter: a model with categorical columns
 * runs to convergence by default): the rows poLCA uses (na.rm = FALSE: rows with missing answers
 * kept), its free-parameter count, and a log-likelihood at least poLCA's best of 20 starts within
 * 1e-6 relative (test/fixtures/lca/polca/README.md). The cheap cases: carcinoma at every K, values
 * at K = 4 (more parameters than the data identify, where EM creeps), gss82's text items, and
 * election's ratings with 1 292 missing answers.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runMixlabJson } from '../support/mixlabCli';
import { fixturesDir } from '../support/paths';

interface Reference {
  file: string;
  items: string[];
  declare_categorical: boolean;
  missing_cells: number;
  results: { k: number; log_likelihood: number; n_parameters: number; n: number }[];
}

const dir = path.join(fixturesDir, 'lca', 'polca');
const reference = (name: string): Reference =>
  JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8'));

const cases: [string, number][] = [
  ['carcinoma', 2],
  ['carcinoma', 3],
  ['carcinoma', 4],
  ['values', 4],
  ['gss82', 2],
  ['election', 3],
];

describe('mixlab fit on poLCA’s example datasets', () => {
  for (const [name, k] of cases)
    it(`${name} K = ${k}: poLCA’s rows and free parameters, log-likelihood ≥ poLCA’s best`, () => {
      const ref = reference(name);
      const want = ref.results.find((r) => r.k === k)!;
      const items = ref.items.join(',');
      const { status, json, stderr } = runMixlabJson(
        [
          'fit', path.join(dir, ref.file), '--columns', items,
          ...(ref.declare_categorical ? ['--categorical', items] : []),
          '--k', String(k), '--covariance', 'diag', '--n-init', '40', '--tol', '1e-10',
        ],
        300_000,
      ); // prettier-ignore
      expect(status, stderr).toBe(0);
      expect([json.n, json.dropped_rows, json.n_missing_cells]).toEqual([want.n, 0, ref.missing_cells]);
      expect(json.n_parameters).toBe(want.n_parameters);
      expect(json.converged).toBe(true);
      expect(json.log_likelihood).toBeGreaterThanOrEqual(
        want.log_likelihood - 1e-6 * Math.abs(want.log_likelihood),
      );
      expect(Object.keys(json.categorical)).toEqual(ref.items);
    }, 300_000);
});
