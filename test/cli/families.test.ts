/**
 * `mixlab fit` and `mixlab sweep` with columns that are not Gaussian, missing cells and weights, as
 * a user runs them: the three-coin and two-coin textbook models from an explicit start (oracles:
 * the fixture's trajectory, the textbook's update written out), poLCA's and VarSelLCM's optima, the
 * JSON keys the command line promises, and refusals of impossible cells by row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runMixlab, runMixlabJson } from '../support/mixlabCli';
import { fixturesDir as fixtures } from '../support/paths';

const lca = (name: string) => path.join(fixtures, 'lca', name);
const fit = (...args: string[]) => runMixlabJson(['fit', ...args], 120_000);
const reference = (name: string) =>
  JSON.parse(readFileSync(lca(`${name}.json`), 'utf8')).results as {
    k: number;
    log_likelihood: number;
    n_parameters: number;
  }[];

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-families-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return file;
};

describe('mixlab fit: textbook mixtures from an explicit start', () => {
  it('three coins (--categorical outcome): one EM step from (0.46, 0.55, 0.67) is the fixture’s, to 1e-12', () => {
    const coins = JSON.parse(readFileSync(path.join(fixtures, 'bernoulli/three_coins.json'), 'utf8'));
    const run = coins.runs[2];
    const init = write(
      'coins-init.json',
      JSON.stringify({
        weights: [run.init.pi, 1 - run.init.pi],
        categorical: {
          outcome: {
            levels: ['0', '1'],
            probabilities: [
              [1 - run.init.p, run.init.p],
              [1 - run.init.q, run.init.q],
            ],
          },
        },
      }),
    );
    const { status, json } = fit(
      path.join(fixtures, 'data/three_coins.csv'),
      '--categorical',
      'outcome',
      '--k',
      '2',
      '--init-params',
      init,
      '--max-iter',
      '1',
      '--tol',
      '0',
    );
    expect(status).toBe(0);
    const step = run.trajectory[1];
    expect(Math.abs(json.weights[0] - step.pi)).toBeLessThan(1e-12);
    expect(json.categorical.outcome.levels).toEqual(['0', '1']);
    expect(Math.abs(json.categorical.outcome.probabilities[0][1] - step.p)).toBeLessThan(1e-12);
    expect(Math.abs(json.categorical.outcome.probabilities[1][1] - step.q)).toBeLessThan(1e-12);
    expect([json.d, json.n_parameters, json.n]).toEqual([0, 3, 10]);
  });

  it('two coins (--binomial heads:10): the first update from θA = 0.6, θB = 0.5 is the textbook’s', () => {
    const file = write('coins.csv', 'heads\n5\n9\n8\n4\n7\n');
    const init = write(
      'two-init.json',
      JSON.stringify({ weights: [0.5, 0.5], binomial: { heads: { probabilities: [0.6, 0.5] } } }),
    );
    const { json } = fit(
      file,
      '--binomial',
      'heads:10',
      '--k',
      '2',
      '--init-params',
      init,
      '--max-iter',
      '1',
      '--tol',
      '0',
    );
    // Bayes' rule per run, then weighted proportions (Do & Batzoglou 2008, figure 1b).
    const heads = [5, 9, 8, 4, 7];
    const like = (t: number, h: number) => t ** h * (1 - t) ** (10 - h);
    const r = heads.map((h) => like(0.6, h) / (like(0.6, h) + like(0.5, h)));
    const a = r.reduce((s, x, i) => s + x * heads[i], 0) / (10 * r.reduce((s, x) => s + x, 0));
    const b = r.reduce((s, x, i) => s + (1 - x) * heads[i], 0) / (10 * r.reduce((s, x) => s + 1 - x, 0));
    expect(json.binomial.heads.trials).toBe(10);
    expect(Math.abs(json.binomial.heads.probabilities[0] - a)).toBeLessThan(1e-12);
    expect(Math.abs(json.binomial.heads.probabilities[1] - b)).toBeLessThan(1e-12);
    expect(json.binomial.heads.probabilities[0]).toBeCloseTo(0.71, 2);
  });
});

describe('mixlab fit: the reference packages’ optima', () => {
  it('poLCA cheating K = 2 (--categorical on 1/2 codes): 9 parameters, log-likelihood ≥ poLCA’s', () => {
    const ref = reference('cheating').find((r) => r.k === 2)!;
    const { json } = fit(
      lca('cheating.csv'),
      '--categorical',
      'LIEEXAM,LIEPAPER,FRAUD,COPYEXAM',
      '--k',
      '2',
      '--n-init',
      '40',
      '--tol',
      '1e-10',
      '--max-iter',
      '2000',
    );
    expect(json.n).toBe(319);
    expect(json.n_parameters).toBe(ref.n_parameters);
    expect(json.log_likelihood).toBeGreaterThanOrEqual(
      ref.log_likelihood - 1e-6 * Math.abs(ref.log_likelihood),
    );
    expect(Object.keys(json.categorical)).toEqual(['LIEEXAM', 'LIEPAPER', 'FRAUD', 'COPYEXAM']);
    expect(json.categorical.FRAUD.probabilities.map((p: number[]) => p.length)).toEqual([2, 2]);
  });

  it('VarSelLCM mixed_sim_missing K = 3 (text columns categorical by themselves, --count): every row kept, log-likelihood ≥ VarSelLCM’s', () => {
    const ref = reference('mixed_sim_missing').find((r) => r.k === 3)!;
    const { json } = fit(
      lca('mixed_sim_missing.csv'),
      '--columns',
      'height,score,colour,member,visits',
      '--count',
      'visits',
      '--covariance',
      'diag',
      '--k',
      '3',
      '--n-init',
      '40',
      '--tol',
      '1e-10',
      '--max-iter',
      '2000',
    );
    expect([json.n, json.dropped_rows, json.n_missing_cells]).toEqual([600, 0, 240]);
    expect(json.n_parameters).toBe(ref.n_parameters);
    expect(json.log_likelihood).toBeGreaterThanOrEqual(
      ref.log_likelihood - 1e-6 * Math.abs(ref.log_likelihood),
    );
    expect(Object.keys(json.categorical)).toEqual(['colour', 'member']);
    expect(json.poisson.visits.length).toBe(3);
    expect(json.columns).toEqual(['height', 'score']);
  });
});

describe('mixlab fit: missing cells in a Gaussian model', () => {
  it('keeps every row by default (--missing model) and counts the cells modelled; --missing drop leaves them out', () => {
    const rows = readFileSync(path.join(fixtures, 'data/faithful.csv'), 'utf8').trim().split('\n');
    rows.splice(5, 0, '3.1,');
    rows.splice(9, 0, ',80');
    const file = write('faithful-holes.csv', rows.join('\n') + '\n');
    const kept = fit(file, '--k', '2', '--covariance', 'full', '--n-init', '3').json;
    expect([kept.n, kept.dropped_rows, kept.n_missing_cells]).toEqual([274, 0, 2]);
    const dropped = fit(file, '--k', '2', '--covariance', 'full', '--n-init', '3', '--missing', 'drop').json;
    expect([dropped.n, dropped.dropped_rows, dropped.n_missing_cells]).toEqual([272, 2, 0]);
    // Two half-observed rows add their observed coordinate's marginal density: a little more total
    // likelihood mass is explained, the parameters barely move.
    // (Components compared in ascending order of their eruption mean: the two fits may number them apart.)
    const sorted = (m: number[][]) => m.map((row) => row[0]).sort((x, y) => x - y);
    sorted(kept.means).forEach((v, i) =>
      expect(Math.abs(v / sorted(dropped.means)[i] - 1)).toBeLessThan(0.05),
    );
  });
});

describe('mixlab fit: weights and refusals', () => {
  it('--weights w: a row of weight 2 counts as two rows (same fit as the file with it repeated)', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [
      ((i * 37) % 11) + (i % 2 ? 20 : 0),
      i % 3 === 0 ? 'a' : 'b',
      1 + (i % 2),
    ]);
    const weighted = write('weighted.csv', 'x,g,w\n' + rows.map((r) => r.join(',')).join('\n') + '\n');
    const repeated = write(
      'repeated.csv',
      'x,g\n' + rows.flatMap((r) => Array(r[2] as number).fill(`${r[0]},${r[1]}`)).join('\n') + '\n',
    );
    const init = write(
      'w-init.json',
      JSON.stringify({
        weights: [0.5, 0.5],
        means: [[0], [25]],
        covariances: [[[10]], [[10]]],
        categorical: {
          g: {
            levels: ['a', 'b'],
            probabilities: [
              [0.5, 0.5],
              [0.4, 0.6],
            ],
          },
        },
      }),
    );
    const common = ['--k', '2', '--init-params', init, '--tol', '0', '--max-iter', '30'];
    const a = fit(weighted, '--columns', 'x,g', '--weights', 'w', ...common).json;
    const b = fit(repeated, '--columns', 'x,g', ...common).json;
    expect(a.weights_total).toBe(60);
    expect(b.n).toBe(60);
    for (const key of ['weights', 'means', 'covariances'])
      ([a[key]].flat(3) as number[]).forEach((v, i) =>
        expect(Math.abs(v - ([b[key]].flat(3) as number[])[i])).toBeLessThan(1e-9),
      );
    expect(Math.abs(a.log_likelihood / b.log_likelihood - 1)).toBeLessThan(1e-12);
  });

  it('refuses a count that is not a whole number, and a negative weight, naming the row (exit 2)', () => {
    const counts = write('bad-count.csv', 'x,c\n1,2\n2,2.5\n3,1\n');
    const res = runMixlab(['fit', counts, '--count', 'c', '--k', '1', '--json']);
    expect(res.status).toBe(2);
    expect(JSON.parse(res.stdout).error).toMatchObject({
      code: 'invalid_count',
      message: expect.stringMatching(/Row 2.*"c".*2\.5/),
    });
    const weights = write('bad-weight.csv', 'x,w\n1,1\n2,-1\n3,1\n');
    const res2 = runMixlab(['fit', weights, '--columns', 'x', '--weights', 'w', '--k', '1', '--json']);
    expect(res2.status).toBe(2);
    expect(JSON.parse(res2.stdout).error).toMatchObject({
      code: 'invalid_weight',
      message: expect.stringMatching(/Row 2/),
    });
  });

  it('refuses --binomial without its trials as a command-line error', () => {
    const res = runMixlab([
      'fit',
      path.join(fixtures, 'data/three_coins.csv'),
      '--binomial',
      'outcome',
      '--k',
      '2',
    ]);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/--binomial takes column:trials/);
  });
});

describe('mixlab sweep over a latent class model', () => {
  it('sweeps K only (no numeric columns) and picks poLCA’s K = 2 for the cheating items by BIC', () => {
    const { json } = runMixlabJson(
      [
        'sweep',
        lca('cheating.csv'),
        '--categorical',
        'LIEEXAM,LIEPAPER,FRAUD,COPYEXAM',
        '--k',
        '1-3',
        '--n-init',
        '20',
        '--tol',
        '1e-9',
        '--max-iter',
        '2000',
      ],
      120_000,
    );
    expect(json.results.map((r: { k: number }) => r.k)).toEqual([1, 2, 3]);
    expect(json.results.map((r: { n_parameters: number }) => r.n_parameters)).toEqual([4, 9, 14]);
    expect(json.best.bic.k).toBe(2);
    const ref = reference('cheating');
    json.results.forEach((r: { k: number; bic: number }) => {
      const bic = ref.find((x) => x.k === r.k)!;
      const refBic = -2 * bic.log_likelihood + bic.n_parameters * Math.log(319);
      expect(r.bic).toBeLessThanOrEqual(refBic + 1e-6 * refBic);
    });
  });
});
