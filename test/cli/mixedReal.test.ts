/**
 * A real mixed-type dataset through the command line: MASS::survey (237 students; four numeric
 * columns, seven text columns, Pulse as a Poisson count; 107 missing cells) with `mixlab fit
 * --columns … --count Pulse --covariance diag --n-init 40 --tol 1e-10 --json`, against VarSelLCM's
 * optimum (test/fixtures/lca/survey/generate.R): every row kept, the same free-parameter count, a
 * log-likelihood at least VarSelLCM's within 1e-6 relative.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runMixlabJson } from '../support/mixlabCli';
import { fixturesDir } from '../support/paths';

const dir = path.join(fixturesDir, 'lca', 'survey');
const ref = JSON.parse(readFileSync(path.join(dir, 'survey.json'), 'utf8')) as {
  gaussian: string[];
  categorical: string[];
  counts: string;
  missing_cells: number;
  results: { k: number; log_likelihood: number; n_parameters: number; n: number }[];
};
const columns = 'Sex,Wr.Hnd,NW.Hnd,W.Hnd,Fold,Pulse,Clap,Exer,Smoke,Height,M.I,Age';

describe('mixlab fit on MASS::survey (numeric, text, a count, missing cells) against VarSelLCM', () => {
  for (const k of [2, 3, 4])
    it(`K = ${k}: every row kept, VarSelLCM's free parameters, log-likelihood ≥ VarSelLCM's`, () => {
      const want = ref.results.find((r) => r.k === k)!;
      const { status, json, stderr } = runMixlabJson(
        [
          'fit', path.join(dir, 'survey.csv'), '--columns', columns, '--count', ref.counts,
          '--covariance', 'diag', '--k', String(k), '--n-init', '40', '--tol', '1e-10',
        ],
        300_000,
      ); // prettier-ignore
      expect(status, stderr).toBe(0);
      expect([json.n, json.dropped_rows, json.n_missing_cells]).toEqual([want.n, 0, ref.missing_cells]);
      expect(json.columns).toEqual(ref.gaussian);
      expect(Object.keys(json.categorical)).toEqual(ref.categorical);
      expect(Object.keys(json.poisson)).toEqual([ref.counts]);
      expect(json.n_parameters).toBe(want.n_parameters);
      expect(json.log_likelihood).toBeGreaterThanOrEqual(
        want.log_likelihood - 1e-6 * Math.abs(want.log_likelihood),
      );
    }, 300_000);
});
