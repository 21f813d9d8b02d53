import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runMixlab, runMixlabJson } from '../support/mixlabCli';
import { fixturesDir } from '../support/paths';

const faithful = path.join(fixturesDir, 'data', 'faithful.csv');
let tmp: string;
let model: string;
let logModel: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-sample-cli-'));
  model = path.join(tmp, 'faithful.json');
  runMixlabJson(['fit', faithful, '--k', '2', '--covariance', 'full', '--standardize', '--model', model]);
  // eruptions log-transformed needs the app's preprocessing: write the model file by hand instead.
  const m = JSON.parse(readFileSync(model, 'utf8'));
  m.preprocessing.log = [true, false];
  m.preprocessing.center = [Math.log(3), 70];
  m.preprocessing.scale = [0.3, 13];
  logModel = path.join(tmp, 'log.json');
  writeFileSync(logModel, JSON.stringify(m));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function readRows(file: string): { header: string[]; rows: number[][] } {
  const [head, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  return { header: head.split(','), rows: lines.map((l) => l.split(',').map(Number)) };
}

describe('mixlab sample', () => {
  it('draws rows in original units whose per-component counts and means match the model', () => {
    const out = path.join(tmp, 'rows.csv');
    const n = 40_000;
    const { json } = runMixlabJson(['sample', model, '--n', String(n), '--out', out, '--seed', '5']);
    expect(json).toEqual({
      rows: n,
      path: out,
      columns: ['eruptions', 'waiting', 'component'],
      counts: [expect.any(Number), expect.any(Number)],
    });
    const m = JSON.parse(readFileSync(model, 'utf8'));
    const { header, rows } = readRows(out);
    expect(header).toEqual(['eruptions', 'waiting', 'component']);
    expect(rows).toHaveLength(n);
    // Grouped by component in component order, 1-based.
    const labels = rows.map((r) => r[2]);
    expect(labels).toEqual([...labels].sort((a, b) => a - b));
    for (let k = 0; k < 2; k++) {
      const mine = rows.filter((r) => r[2] === k + 1);
      expect(mine).toHaveLength(json.counts[k]);
      // Multinomial count within 5 standard deviations of n·w.
      const w = m.weights[k];
      expect(Math.abs(mine.length - n * w)).toBeLessThan(5 * Math.sqrt(n * w * (1 - w)));
      // Mean in original units: centre + scale · μ_z, within 5 standard errors.
      for (let j = 0; j < 2; j++) {
        const pre = m.preprocessing;
        const expected = pre.center[j] + pre.scale[j] * m.means[k][j];
        const sd = pre.scale[j] * Math.sqrt(m.covariances[k][j][j]);
        const mean = mine.reduce((s, r) => s + r[j], 0) / mine.length;
        expect(Math.abs(mean - expected)).toBeLessThan((5 * sd) / Math.sqrt(mine.length));
      }
    }
  });

  it('gives the same file for the same seed and different rows for another', () => {
    const a = path.join(tmp, 'a.csv');
    const b = path.join(tmp, 'b.csv');
    const c = path.join(tmp, 'c.csv');
    runMixlabJson(['sample', model, '--n', '100', '--out', a, '--seed', '9']);
    runMixlabJson(['sample', model, '--n', '100', '--out', b, '--seed', '9']);
    runMixlabJson(['sample', model, '--n', '100', '--out', c, '--seed', '10']);
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
    expect(readFileSync(c, 'utf8')).not.toBe(readFileSync(a, 'utf8'));
  });

  it('exponentiates a log-transformed column: every drawn value is positive', () => {
    const out = path.join(tmp, 'log.csv');
    runMixlabJson(['sample', logModel, '--n', '2000', '--out', out]);
    const { rows } = readRows(out);
    expect(rows.every((r) => r[0] > 0)).toBe(true);
    // ln(eruptions) has mean centre + scale · μ_z over the whole mixture.
    const m = JSON.parse(readFileSync(logModel, 'utf8'));
    const logMean = rows.reduce((s, r) => s + Math.log(r[0]), 0) / rows.length;
    const expected = m.weights.reduce(
      (s: number, w: number, k: number) => s + w * (Math.log(3) + 0.3 * m.means[k][0]),
      0,
    );
    expect(Math.abs(logMean - expected)).toBeLessThan(0.05);
  });

  it.each([
    [['--out', 'x.csv'], /missing --n/],
    [['--n', '0', '--out', 'x.csv'], /--n must be from 1 to 10000000 \(got 0\)/],
    [['--n', '10'], /missing --out/],
    [['--n', '10', '--out', 'x.csv', '--seed', '-1'], /--seed must be ≥ 0/],
  ])('refuses %j with invalid_arguments naming the problem, writing nothing', (args, message) => {
    const res = runMixlab(['sample', model, ...args, '--json'], 30_000);
    expect(res.status).not.toBe(0);
    expect(JSON.parse(res.stdout).error).toMatchObject({ code: 'invalid_arguments', message });
    expect(existsSync(path.join(process.cwd(), 'x.csv'))).toBe(false);
  });

  it('refuses more drawn values than it would hold in memory, naming how many rows fit', () => {
    // A one-component spherical model over 8 columns: 10 million rows would be 80 million values.
    const wide = path.join(tmp, 'wide.json');
    const names = Array.from({ length: 8 }, (_, j) => `c${j + 1}`);
    writeFileSync(
      wide,
      JSON.stringify({
        format: 'mixlab-model',
        version: 1,
        covariance_type: 'spherical',
        n_components: 1,
        n_features: 8,
        weights: [1],
        means: [new Array(8).fill(0)],
        covariances: [1],
        preprocessing: {
          columns: names,
          log: new Array(8).fill(false),
          standardize: false,
          center: new Array(8).fill(0),
          scale: new Array(8).fill(1),
        },
      }),
    );
    const huge = path.join(tmp, 'huge.csv');
    const res = runMixlab(['sample', wide, '--n', '10000000', '--out', huge, '--json']);
    expect(res.status).not.toBe(0);
    expect(JSON.parse(res.stdout).error).toMatchObject({
      code: 'invalid_arguments',
      message: expect.stringMatching(/8 columns is more than 50000000 values; draw at most 6250000 rows/),
    });
    expect(existsSync(huge)).toBe(false);
  });

  it('refuses a file that is not a model, and leaves no temporary file', () => {
    const out = path.join(tmp, 'never.csv');
    const res = runMixlab(['sample', faithful, '--n', '10', '--out', out, '--json']);
    expect(res.status).not.toBe(0);
    expect(JSON.parse(res.stdout).error.message).toMatch(/model/i);
    expect(readdirSync(tmp).filter((f) => f.includes('never'))).toEqual([]);
  });
});
