import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runMixlab, runMixlabJson } from '../support/mixlabCli';
import { fixturesDir as fixtures } from '../support/paths';

const data = (name: string) => path.join(fixtures, 'data', name);
const mixlab = (...args: string[]) => runMixlab(['fit', ...args]);
const mixlabJson = (...args: string[]) => runMixlabJson(['fit', ...args]);

/** max |a − b| over max |b|: entries near 0 (off-diagonal covariances) are judged on the array's scale. */
function relToScale(a: unknown, b: unknown): number {
  const fa = [a].flat(3) as number[];
  const fb = [b].flat(3) as number[];
  expect(fa.length).toBe(fb.length);
  let err = 0;
  let scale = 0;
  for (let i = 0; i < fb.length; i++) {
    err = Math.max(err, Math.abs(fa[i] - fb[i]));
    scale = Math.max(scale, Math.abs(fb[i]));
  }
  return err / scale;
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-fit-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('mixlab fit --init-params --json against the scikit-learn fixtures', () => {
  const files = readdirSync(path.join(fixtures, 'em')).filter((f) => f.endsWith('.json'));

  it('covers all 20 fixture cases', () => expect(files.length).toBe(20));

  it.each(files)('%s: trajectory, final parameters and criteria', (file) => {
    const fx = JSON.parse(readFileSync(path.join(fixtures, 'em', file), 'utf8'));
    // The fixture's whole `init` object, extra keys included, is a valid --init-params file.
    const initFile = path.join(tmp, file);
    writeFileSync(initFile, JSON.stringify(fx.init));
    // The fixture's own stopping rule: |Δ mean log-likelihood| < 1e-10 or 200 iterations.
    const { status, json } = mixlabJson(
      data(fx.csv),
      '--columns', fx.columns.join(','),
      '--k', String(fx.n_components),
      '--covariance', fx.covariance_type,
      '--init-params', initFile,
      '--reg-covar', '1e-6',
      '--tol', '1e-10',
      '--max-iter', '200',
    ); // prettier-ignore
    expect(status).toBe(0);
    expect(json).toMatchObject({
      n: fx.n_samples,
      d: fx.n_features,
      columns: fx.columns,
      k: fx.n_components,
      covariance_type: fx.covariance_type,
      n_iter: fx.final.n_iter,
      converged: fx.final.stopped_by_tolerance,
      dropped_rows: 0,
    });
    expect(rel(json.mean_log_likelihood, fx.final.mean_log_likelihood)).toBeLessThan(1e-8);
    expect(rel(json.bic, fx.final.bic)).toBeLessThan(1e-8);
    expect(rel(json.aic, fx.final.aic)).toBeLessThan(1e-8);
    expect(relToScale(json.weights, fx.final.weights)).toBeLessThan(1e-7);
    expect(relToScale(json.means, fx.final.means)).toBeLessThan(1e-7);
    // Nested exactly as scikit-learn's covariances_ for the type.
    expect(JSON.stringify(json.covariances).replace(/[^[\]]/g, '').length).toBe(
      JSON.stringify(fx.final.covariances).replace(/[^[\]]/g, '').length,
    );
    expect(relToScale(json.covariances, fx.final.covariances)).toBeLessThan(1e-7);
    expect(json.trace.length).toBe(fx.iterations.length);
    const traceErr = Math.max(
      ...fx.iterations.map((it: { mean_log_likelihood: number }, i: number) =>
        rel(json.trace[i], it.mean_log_likelihood),
      ),
    );
    expect(traceErr).toBeLessThan(1e-9);
    expect(typeof json.icl).toBe('number');
    expect(json.fit_seconds).toBeGreaterThanOrEqual(0);
  });
});

describe('mixlab fit', () => {
  it('prints exactly the documented keys, in order, with all numeric columns by default', () => {
    const { status, json } = mixlabJson(data('iris.csv'), '--k', '2', '--covariance', 'diag');
    expect(status).toBe(0);
    expect(Object.keys(json)).toEqual([
      'n', 'd', 'columns', 'k', 'covariance_type', 'converged', 'n_iter', 'mean_log_likelihood', 'log_likelihood',
      'n_parameters', 'bic', 'aic', 'icl', 'weights', 'means', 'covariances', 'trace', 'fit_seconds', 'dropped_rows',
      'n_missing_cells', 'weights_total',
    ]); // prettier-ignore
    // Gaussian-only: no family keys; the total log-likelihood is n × the mean, 4·2 + 4·2 + 1 parameters.
    expect(json.log_likelihood).toBeCloseTo(150 * json.mean_log_likelihood, 9);
    expect(json.n_parameters).toBe(17);
    expect([json.n_missing_cells, json.weights_total]).toEqual([0, 150]);
    expect(json.columns).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
    expect([json.n, json.d, json.k]).toEqual([150, 4, 2]);
    expect(json.converged).toBe(true);
    expect(json.means.length).toBe(2);
    expect(json.covariances.length).toBe(2);
    expect(json.covariances[0].length).toBe(4);
  });

  it('drops and counts rows with a missing value in a selected column (--missing drop)', () => {
    const file = path.join(tmp, 'missing.csv');
    const rows = readFileSync(data('faithful.csv'), 'utf8').trim().split('\n');
    rows.splice(5, 0, '3.1,');
    rows.splice(9, 0, ',80');
    writeFileSync(file, rows.join('\n') + '\n');
    const { json } = mixlabJson(file, '--k', '2', '--covariance', 'tied', '--missing', 'drop');
    expect(json.dropped_rows).toBe(2);
    expect(json.n).toBe(272);
    const { json: onlyFirst } = mixlabJson(
      file,
      '--k',
      '2',
      '--covariance',
      'tied',
      '--columns',
      'eruptions',
      '--missing',
      'drop',
    );
    expect(onlyFirst.dropped_rows).toBe(1);
  });

  it('gives bit-identical results with 1 and 2 threads', () => {
    // More rows than one chunk (8192), so two threads really split the work.
    const file = path.join(tmp, 'threads.csv');
    const lines = ['a,b,c'];
    for (let i = 0; i < 30_000; i++) {
      const k = i % 3;
      lines.push(
        [Math.sin(i) + 1.2 * k, Math.cos(1.7 * i) - 0.8 * k, Math.sin(0.3 * i) * Math.cos(i) + 0.5 * k].join(
          ',',
        ),
      );
    }
    writeFileSync(file, lines.join('\n') + '\n');
    const args = [file, '--k', '3', '--covariance', 'full', '--n-init', '2', '--seed', '7', '--tol', '1e-8'];
    const one = mixlabJson(...args, '--threads', '1').json;
    const two = mixlabJson(...args, '--threads', '2').json;
    expect(one.n).toBe(30_000);
    expect(one.n_iter).toBeGreaterThan(2);
    delete one.fit_seconds;
    delete two.fit_seconds;
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });

  it('warns on stderr about a component that collapsed onto repeated rows, keeping stdout exact', () => {
    // 25 copies of one point beside a spread cloud: K = 2 puts a component on the copies.
    const file = path.join(tmp, 'repeated.csv');
    const lines = ['x,y'];
    for (let i = 0; i < 25; i++) lines.push('5,5');
    for (let i = 0; i < 200; i++) lines.push(`${Math.sin(i) * 3 - 4},${Math.cos(1.3 * i) * 2 - 3}`);
    writeFileSync(file, lines.join('\n') + '\n');
    const res = mixlabJson(file, '--k', '2', '--covariance', 'full');
    const collapsed = res.json.covariances.findIndex((c: number[][]) => c[0][0] < 1e-5);
    expect(collapsed).toBeGreaterThanOrEqual(0);
    expect(res.stderr).toMatch(
      new RegExp(`^warning: Component ${collapsed + 1}'s covariance has an eigenvalue`),
    );
    expect(res.stderr).toMatch(/held up only by reg_covar.*larger --reg-covar/);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    // The threshold follows reg_covar: at 1e-2 the copies' component has variance 1e-2, still flagged.
    expect(mixlabJson(file, '--k', '2', '--reg-covar', '1e-2').stderr).toMatch(/^warning:/);
    // A proper fit prints nothing on stderr.
    expect(mixlabJson(data('faithful.csv'), '--k', '2').stderr).toBe('');
  });

  it('records center and scale when standardising', () => {
    const { json } = mixlabJson(data('faithful.csv'), '--k', '2', '--standardize');
    expect(json.preprocessing.center[1]).toBeCloseTo(70.897059, 5);
    expect(json.preprocessing.scale[1]).toBeCloseTo(13.56996, 5);
  });

  it.each([
    [['--covariance', 'full'], /--k/],
    [['--k', '2', '--colour', 'red'], /unknown option "--colour"/],
    [['--k', '2', '--columns', 'eruptions,height'], /unknown column "height"/],
    [['--k', '0'], /--k/],
    [['--k', '2', '--covariance', 'banded'], /--covariance must be one of full, tied, diag, spherical/],
    [['--k', '2', '--init-params', data('faithful.csv')], /--init-params/],
  ])('rejects %j with invalid_arguments naming the problem', (args, message) => {
    const res = mixlab(data('faithful.csv'), ...args, '--json');
    expect(res.status).not.toBe(0);
    const out = JSON.parse(res.stdout);
    expect(Object.keys(out)).toEqual(['error']);
    expect(out.error.code).toBe('invalid_arguments');
    expect(out.error.message).toMatch(message);
  });

  it('rejects initial parameters shaped for another covariance type', () => {
    const fx = JSON.parse(readFileSync(path.join(fixtures, 'em/faithful__full__k2.json'), 'utf8'));
    const initFile = path.join(tmp, 'full-init.json');
    writeFileSync(initFile, JSON.stringify(fx.init));
    const res = mixlab(
      data('faithful.csv'),
      '--k',
      '2',
      '--covariance',
      'diag',
      '--init-params',
      initFile,
      '--json',
    );
    expect(res.status).not.toBe(0);
    expect(JSON.parse(res.stdout).error).toMatchObject({
      code: 'invalid_arguments',
      message: expect.stringMatching(/--init-params precisions/),
    });
  });

  it('reports a missing data file with code file_not_found', () => {
    const res = mixlab(path.join(tmp, 'nowhere.csv'), '--k', '2', '--json');
    expect(res.status).not.toBe(0);
    expect(JSON.parse(res.stdout).error).toMatchObject({
      code: 'file_not_found',
      message: expect.stringMatching(/nowhere\.csv/),
    });
  });

  it('reports an error as one readable line on stderr without --json', () => {
    const res = mixlab(data('faithful.csv'), '--covariance', 'full');
    expect(res.status).not.toBe(0);
    expect(res.stdout).toBe('');
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/missing --k/);
  });

  it('prints a readable summary with weights, means and BIC without --json', () => {
    const res = mixlab(data('faithful.csv'), '--k', '2');
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/2 components, full covariance, 272 rows × 2 columns \(eruptions, waiting\)/);
    expect(res.stdout).toMatch(/BIC \d/);
    expect(res.stdout).toMatch(/weight/);
    expect(res.stderr).toBe('');
  });
});

describe('mixlab fit on hostile files', () => {
  const hostile = (name: string) => path.join(fixtures, 'hostile', name);

  it.each([
    ['h01_unterminated_quote.csv', 'unterminated_quote'],
    ['h03_nul_byte_late.csv', 'not_text'],
    ['h12_truncated.xlsx', 'xlsx_invalid'],
    ['h14_billion_laughs.xlsx', 'xlsx_dtd'],
  ])('%s: exits 2 with {"error": {"code": "%s"}}', (file, code) => {
    const res = mixlabJson(hostile(file), '--k', '2');
    expect(res.status).toBe(2);
    expect(res.json).toEqual({ error: { code, message: expect.any(String) } });
  });

  it('leaves summary rows out of the fit, says so on stderr and in --json', () => {
    const res = mixlabJson(hostile('h07_total_row.csv'), '--columns', 'units,revenue', '--k', '1');
    expect(res.status, res.stderr).toBe(0);
    expect(res.stderr).toMatch(/^note: left out 1 summary row \(row 25 "Total"\): its numbers are the sums/m);
    expect(res.json).toMatchObject({ n: 24, dropped_rows: 1, total_rows_excluded: [25] });
    const kept = mixlabJson(
      hostile('h07_total_row.csv'),
      '--columns',
      'units,revenue',
      '--k',
      '1',
      '--total-rows',
      'keep',
    );
    expect(kept.json).toMatchObject({ n: 25, dropped_rows: 0 });
    expect(kept.json.total_rows_excluded).toBeUndefined();
    expect(kept.stderr).toBe('');
  });

  it('fits a headerless file on all its rows, with a note', () => {
    const res = mixlabJson(hostile('h04_headerless_numeric.csv'), '--k', '1');
    expect(res.json).toMatchObject({
      n: 30,
      columns: ['Column 1', 'Column 2', 'Column 3', 'Column 4'],
      header: false,
    });
    expect(res.stderr).toMatch(/first line holds only numbers/);
    expect(mixlabJson(hostile('h04_headerless_numeric.csv'), '--k', '1', '--header', 'yes').json.n).toBe(29);
  });
});
