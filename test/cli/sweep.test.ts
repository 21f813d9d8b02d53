import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseKList } from '../../electron/cli/commands/sweep';
import { runMixlab, runMixlabJson } from '../support/mixlabCli';
import { fixturesDir } from '../support/paths';

const data = (name: string) => path.join(fixturesDir, 'data', name);
// A sweep fits many cells: twice the usual time limit.
const mixlab = (...args: string[]) => runMixlab(['sweep', ...args], 120_000);
const mixlabJson = (...args: string[]) => runMixlabJson(['sweep', ...args], 120_000);

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-sweep-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('mixlab sweep --json', () => {
  it('prints exactly {results, best, seconds} with the documented keys, in grid order', () => {
    const { status, json } = mixlabJson(
      data('faithful.csv'),
      '--k',
      '1-3',
      '--covariance',
      'full,diag',
      '--threads',
      '2',
    );
    expect(status).toBe(0);
    expect(Object.keys(json)).toEqual(['results', 'best', 'seconds']);
    expect(
      json.results.map((r: { covariance_type: string; k: number }) => `${r.covariance_type}${r.k}`),
    ).toEqual(['full1', 'full2', 'full3', 'diag1', 'diag2', 'diag3']);
    for (const r of json.results) {
      expect(Object.keys(r)).toEqual([
        'k',
        'covariance_type',
        'status',
        'message',
        'mean_log_likelihood',
        'n_parameters',
        'bic',
        'aic',
        'icl',
        'converged',
        'n_iter',
        'seconds',
      ]);
      expect(r.status).toBe('ok');
      expect(r.message).toBeNull();
      // BIC = −2 logL + p ln n and AIC = −2 logL + 2p with logL = n × mean (n = 272).
      expect(r.bic).toBeCloseTo(-2 * 272 * r.mean_log_likelihood + r.n_parameters * Math.log(272), 6);
      expect(r.aic).toBeCloseTo(-2 * 272 * r.mean_log_likelihood + 2 * r.n_parameters, 6);
      expect(r.icl).toBeGreaterThanOrEqual(r.bic);
    }
    expect(Object.keys(json.best)).toEqual(['bic', 'aic', 'icl']);
    expect(Object.keys(json.best.bic)).toEqual(['k', 'covariance_type']);
    const bics = json.results.map((r: { bic: number }) => r.bic);
    const lowest = json.results[bics.indexOf(Math.min(...bics))];
    expect(json.best.bic).toEqual({ k: lowest.k, covariance_type: lowest.covariance_type });
    expect(json.seconds).toBeGreaterThan(0);
  });

  it('uses the fixture columns by name and, with scikit-learn settings, picks its best cell (iris full K=2)', () => {
    const { status, json } = mixlabJson(
      data('iris.csv'),
      '--columns',
      'sepal_length,sepal_width,petal_length,petal_width',
      '--k',
      '1,2,3',
      '--covariance',
      'full,tied',
      '--n-init',
      '10',
      '--max-iter',
      '1000',
      '--tol',
      '1e-6',
      '--reg-covar',
      '1e-6',
      '--seed',
      '0',
      '--init',
      'kmeans',
      '--threads',
      '2',
    );
    expect(status).toBe(0);
    expect(json.best.bic).toEqual({ k: 2, covariance_type: 'full' });
    // test/fixtures/selection/iris.json: scikit-learn's full K=2 BIC.
    const full2 = json.results.find(
      (r: { k: number; covariance_type: string }) => r.k === 2 && r.covariance_type === 'full',
    );
    expect(Math.abs(full2.bic - 574.0178327207459) / 574.0178327207459).toBeLessThan(1e-6);
  });

  it('keeps failed cells with null numbers (never NaN) and the reason; best ignores them', () => {
    const file = path.join(tmp, 'four.csv');
    writeFileSync(file, 'a,b\n1,2\n2,1\n3,5\n8,3\n');
    const { status, json } = mixlabJson(file, '--k', '1,5', '--covariance', 'spherical', '--threads', '1');
    expect(status).toBe(0);
    const failed = json.results[1];
    expect(failed).toMatchObject({
      k: 5,
      status: 'failed',
      mean_log_likelihood: null,
      bic: null,
      aic: null,
      icl: null,
      converged: null,
      n_iter: null,
      n_parameters: 5 + 10 + 4,
    });
    expect(failed.message).toMatch(/fewer rows \(4\) than components \(5\)/);
    expect(json.best.bic).toEqual({ k: 1, covariance_type: 'spherical' });
  });

  it.each([
    [['--k', '0-3'], 'invalid_arguments', /--k/],
    [['--k', '5-2'], 'invalid_arguments', /--k/],
    [['--covariance', 'full,round'], 'invalid_arguments', /--covariance/],
    [['--init', 'magic'], 'invalid_arguments', /--init/],
    [['--n-init', '0'], 'invalid_arguments', /--n-init/],
    [['--columns', 'nope'], 'invalid_arguments', /unknown column "nope"/],
    [['--columns', 'waiting', '--all-numeric'], 'invalid_arguments', /not both/],
  ])('%j: exits non-zero with {"error":{code,message}}', (args, code, message) => {
    const res = mixlabJson(data('faithful.csv'), ...args);
    expect(res.status).not.toBe(0);
    expect(Object.keys(res.json)).toEqual(['error']);
    expect(res.json.error.code).toBe(code);
    expect(res.json.error.message).toMatch(message);
  });

  it('reports a missing file and a data problem with their codes', () => {
    const missing = mixlabJson(path.join(tmp, 'nope.csv'));
    expect(missing.status).toBe(2);
    expect(missing.json.error.code).toBe('file_not_found');
    const file = path.join(tmp, 'constant.csv');
    writeFileSync(file, 'x,c\n1,7\n2,7\n3,7\n');
    const constant = mixlabJson(file, '--k', '1-2');
    expect(constant.status).toBe(1);
    expect(constant.json.error.code).toBe('constant_column');
  });
});

describe('mixlab sweep (readable output)', () => {
  it('prints a table of cells, the best cell per criterion and the reasons for cells not ok', () => {
    const res = mixlab(
      data('faithful.csv'),
      '--k',
      '4-5',
      '--covariance',
      'diag',
      '--n-init',
      '10',
      '--max-iter',
      '1000',
      '--tol',
      '1e-6',
      '--no-refine',
    );
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/Model selection on 272 rows × 2 columns \(eruptions, waiting\)/);
    expect(res.stdout).toMatch(/lower is better/);
    expect(res.stdout).toMatch(/diag\s+5\s+degenerate/);
    expect(res.stdout).toMatch(/Best BIC: diag, K = 4/);
    expect(res.stdout).toMatch(/diag K=5 \(degenerate\): Component \d's covariance has an eigenvalue/);
  });

  it('--help prints the usage', () => {
    const res = mixlab('--help');
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/Usage: mixlab sweep/);
  });
});

describe('parseKList', () => {
  it('reads a range, a single K, a list, and mixes of them, ascending without repeats', () => {
    expect(parseKList('1-8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(parseKList('3')).toEqual([3]);
    expect(parseKList('1,2,5')).toEqual([1, 2, 5]);
    expect(parseKList('5, 1-3,2')).toEqual([1, 2, 3, 5]);
  });

  it.each(['', '0', '3-1', 'a', '1-', '1.5', '2-2000'])('rejects %j', (text) => {
    expect(() => parseKList(text)).toThrow(/--k/);
  });
});
