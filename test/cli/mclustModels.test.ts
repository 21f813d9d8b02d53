/**
 * mclust's model names on the command line: `fit --covariance <mclust name> --init hc` reproduces
 * mclust's run from its hierarchical start, the model file names the model and its parts, and
 * `sweep --covariance` takes scikit-learn's and mclust's names in any mix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runMixlabJson } from '../support/mixlabCli';
import { fixturesDir } from '../support/paths';

const iris = path.join(fixturesDir, 'data', 'iris.csv');
const mclustEm = (name: string) =>
  JSON.parse(readFileSync(path.join(fixturesDir, 'mclust', 'em', `${name}.json`), 'utf8'));

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-mclust-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('mixlab fit with an mclust model', () => {
  it("--covariance eev --init hc reaches mclust's EEV fit from the same start; --model stores its parts", () => {
    const modelFile = path.join(tmp, 'eev.json');
    const { status, json } = runMixlabJson(['fit', iris, '--k', '3', '--covariance', 'eev', '--init', 'hc',
      '--reg-covar', '0', '--tol', '1e-10', '--max-iter', '10000', '--model', modelFile]); // prettier-ignore
    expect(status).toBe(0);
    const ref = mclustEm('iris__EEV__g3');
    expect(json.covariance_type).toBe('EEV');
    expect(json.n_parameters).toBe(ref.n_parameters);
    expect(Math.abs(json.log_likelihood - ref.log_likelihood) / Math.abs(ref.log_likelihood)).toBeLessThan(
      1e-8,
    );
    const file = JSON.parse(readFileSync(modelFile, 'utf8'));
    expect(file.model_name).toBe('EEV');
    expect(file.decomposition.volume).toHaveLength(3);
    expect(new Set(file.decomposition.volume).size).toBe(1);
    expect(file.decomposition.orientation).toHaveLength(3);
  });

  it('names the models it takes when given another, and refuses E and V for several columns', () => {
    const bad = runMixlabJson(['fit', iris, '--k', '2', '--covariance', 'XYZ']);
    expect(bad.status).toBe(2);
    expect(bad.json.error.message).toMatch(/full, tied, diag, spherical or mclust's EII, VII, .* VVV/);
    const univariate = runMixlabJson(['fit', iris, '--k', '2', '--covariance', 'E']);
    expect(univariate.status).toBe(1);
    expect(univariate.json.error.message).toMatch(/one column/);
  });
});

describe('mixlab sweep with mclust models', () => {
  it('takes both vocabularies in one list; a cell asked for by the mclust name is never worse', () => {
    const { status, json } = runMixlabJson(
      ['sweep', iris, '--k', '1-3', '--covariance', 'full,VVV,vii,EVE', '--threads', '2'],
      120_000,
    );
    expect(status).toBe(0);
    const cells = json.results as { covariance_type: string; k: number; bic: number }[];
    expect(new Set(cells.map((c) => c.covariance_type))).toEqual(new Set(['full', 'VVV', 'VII', 'EVE']));
    expect(cells).toHaveLength(12);
    for (const k of [1, 2, 3]) {
      const full = cells.find((c) => c.covariance_type === 'full' && c.k === k)!;
      const vvv = cells.find((c) => c.covariance_type === 'VVV' && c.k === k)!;
      expect(vvv.bic).toBeLessThanOrEqual(full.bic + 1e-9 * Math.abs(full.bic));
    }
  });
});
