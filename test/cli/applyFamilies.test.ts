/**
 * `mixlab apply` and `mixlab sample` with models of every family, as a user runs them: a mixed
 * model (mixed_sim_missing: numeric, text and count columns, 240 missing cells) written by `fit
 * --model` labels its own file as the fit did; an unseen category level is treated as missing
 * with a warning; --missing drop and --weights change which rows get a label; --impute adds the
 * filled columns; a model file written before format 2 still labels as it did; sample writes
 * levels as text and refuses what it cannot draw.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runMixlab, runMixlabJson } from '../support/mixlabCli';
import { fixturesDir } from '../support/paths';

const data = path.join(fixturesDir, 'lca', 'mixed_sim_missing.csv');
let tmp: string;
let model: string;
let fitLabels: string;
let fitJson: Record<string, unknown> & { n: number };
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-apply-families-'));
  model = path.join(tmp, 'mixed.json');
  fitLabels = path.join(tmp, 'fit.csv');
  const run = runMixlabJson(
    [
      'fit', data, '--columns', 'height,score,colour,member,visits', '--count', 'visits',
      '--covariance', 'diag', '--k', '3', '--n-init', '3', '--model', model, '--labels', fitLabels,
    ],
    120_000,
  ); // prettier-ignore
  expect(run.status, run.stderr).toBe(0);
  fitJson = run.json;
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A CSV's lines as cells (these files quote nothing). */
const readCsv = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(','));
const clusters = (file: string) =>
  readCsv(file)
    .slice(1)
    .map((r) => r[r.length - 2]);
const apply = (...args: string[]) => runMixlabJson(['apply', model, ...args], 60_000);

describe('mixlab apply with a mixed-type model', () => {
  it('the model file is format 2 with every family, and labels its own file as the fit did', () => {
    const file = JSON.parse(readFileSync(model, 'utf8'));
    expect(file.version).toBe(2);
    expect(file.categorical.map((c: { column: string }) => c.column)).toEqual(['colour', 'member']);
    expect(file.poisson.map((c: { column: string }) => c.column)).toEqual(['visits']);
    expect(file.missing).toBe('model');
    const out = path.join(tmp, 'applied.csv');
    const { status, json } = apply(data, '--labels', out);
    expect(status).toBe(0);
    expect([json.rows, json.labelled, json.excluded]).toEqual([600, 600, 0]);
    expect(json.unknown_levels).toBeUndefined();
    expect(clusters(out)).toEqual(clusters(fitLabels));
    expect(fitJson.n).toBe(600);
  });

  it('an unseen level is treated as missing, with a warning naming the column and the level', () => {
    const lines = readFileSync(data, 'utf8').trim().split('\n');
    const changed = lines.map((l, i) => (i === 1 || i === 2 ? l.replace(/"(red|green|blue)"/, '"teal"') : l));
    const other = path.join(tmp, 'teal.csv');
    writeFileSync(other, changed.join('\n') + '\n');
    const out = path.join(tmp, 'teal-labels.csv');
    const { status, json, stderr } = apply(other, '--labels', out);
    expect(status).toBe(0);
    expect(json.unknown_levels).toEqual([{ column: 'colour', cells: 2, levels: ['teal'] }]);
    expect(stderr).toBe(
      'warning: "colour": 2 cells with a level the model does not know ("teal") treated as missing.\n',
    );
    expect(json.labelled).toBe(600);
    // Rows without the changed cell keep their labels.
    expect(clusters(out).slice(2)).toEqual(clusters(fitLabels).slice(2));
  });

  it('--missing drop leaves every row with a missing model cell unlabelled', () => {
    const complete = readCsv(data)
      .slice(1)
      .filter((r) => r.every((c) => c !== '')).length;
    const { status, json } = apply(data, '--labels', path.join(tmp, 'drop.csv'), '--missing', 'drop');
    expect(status).toBe(0);
    expect([json.labelled, json.excluded]).toEqual([complete, 600 - complete]);
    expect(runMixlab(['apply', model, data, '--labels', 'x.csv', '--missing', 'some']).status).toBe(2);
  });

  it('--weights: rows of weight 0 get no label; a negative weight is refused with its row (exit 2)', () => {
    const lines = readFileSync(data, 'utf8').trim().split('\n');
    const weighted = lines.map((l, i) => `${l},${i === 0 ? 'w' : i <= 3 ? 0 : 1}`);
    const file = path.join(tmp, 'weighted.csv');
    writeFileSync(file, weighted.join('\n') + '\n');
    const out = path.join(tmp, 'weighted-labels.csv');
    const { json } = apply(file, '--labels', out, '--weights', 'w');
    expect([json.labelled, json.excluded]).toEqual([597, 3]);
    expect(clusters(out).slice(0, 3)).toEqual(['', '', '']);
    weighted[5] = weighted[5].replace(/,1$/, ',-1');
    writeFileSync(file, weighted.join('\n') + '\n');
    const bad = apply(file, '--labels', out, '--weights', 'w');
    expect(bad.status).toBe(2);
    expect(bad.json.error.code).toBe('invalid_weight');
    expect(bad.json.error.message).toMatch(/^Row 5: /);
  });

  it('--impute adds <column>_filled and <column>_imputed for each column with missing cells', () => {
    const out = path.join(tmp, 'imputed.csv');
    const { json } = apply(data, '--labels', out, '--impute');
    const names = ['height', 'score', 'colour', 'member', 'visits'];
    expect(json.columns_added).toEqual([
      'cluster',
      'probability',
      ...names.flatMap((n) => [`${n}_filled`, `${n}_imputed`]),
    ]);
    const [, ...rows] = readCsv(out);
    for (const row of rows)
      names.forEach((_, c) => {
        expect(row[8 + 2 * c]).toBe(row[c] === '' ? '1' : '0');
        expect(row[7 + 2 * c]).not.toBe('');
        if (c === 2 && row[c] === '') expect(['blue', 'green', 'red']).toContain(row[7 + 2 * c]);
      });
  });

  it('refuses a file without a model column, listing it', () => {
    const other = path.join(tmp, 'no-visits.csv');
    writeFileSync(
      other,
      readCsv(data)
        .map((r) => r.slice(0, 4).join(','))
        .join('\n') + '\n',
    );
    const { json } = apply(other, '--labels', path.join(tmp, 'n.csv'));
    expect(json.error.code).toBe('model_columns_missing');
    expect(json.error.message).toContain('the column "visits"');
  });
});

describe('a model file written before format 2', () => {
  it('still opens and labels iris exactly as the version that wrote it did', () => {
    const old = path.join(fixturesDir, 'models', 'iris_full_k3_format1.json');
    const out = path.join(tmp, 'old.csv');
    const run = runMixlabJson(['apply', old, path.join(fixturesDir, 'data', 'iris.csv'), '--labels', out]);
    expect(run.status).toBe(0);
    const want = readFileSync(path.join(fixturesDir, 'models', 'iris_full_k3_format1.labels.txt'), 'utf8')
      .trim()
      .split('\n');
    expect(clusters(out)).toEqual(want);
  });
});

describe('mixlab sample with a mixed-type model', () => {
  it('draws every column: levels as text, whole counts, the numeric columns as numbers', () => {
    const out = path.join(tmp, 'drawn.csv');
    const { status, json } = runMixlabJson(['sample', model, '--n', '2000', '--out', out, '--seed', '3']);
    expect(status).toBe(0);
    expect(json.columns).toEqual(['height', 'score', 'colour', 'member', 'visits', 'component']);
    const [, ...rows] = readCsv(out);
    expect(rows).toHaveLength(2000);
    const file = JSON.parse(readFileSync(model, 'utf8'));
    for (const row of rows) {
      expect(Number.isFinite(Number(row[0]))).toBe(true);
      expect(file.categorical[0].levels).toContain(row[2]);
      expect(file.categorical[1].levels).toContain(row[3]);
      expect(Number.isInteger(Number(row[4])) && Number(row[4]) >= 0).toBe(true);
    }
    // Each component's share of a level is near the model's probability (2000 draws: ±0.1).
    const k = 0;
    const mine = rows.filter((r) => r[5] === String(k + 1));
    const share = mine.filter((r) => r[2] === file.categorical[0].levels[0]).length / mine.length;
    expect(Math.abs(share - file.categorical[0].probabilities[k][0])).toBeLessThan(0.1);
  });

  it('a latent class model (no numeric column) samples its items; trials from a column are refused (exit 2)', () => {
    const lca = path.join(tmp, 'lca.json');
    const cheating = path.join(fixturesDir, 'lca', 'cheating.csv');
    const items = 'LIEEXAM,LIEPAPER,FRAUD,COPYEXAM';
    expect(runMixlab(['fit', cheating, '--categorical', items, '--k', '2', '--model', lca]).status).toBe(0);
    const out = path.join(tmp, 'lca-drawn.csv');
    expect(runMixlabJson(['sample', lca, '--n', '50', '--out', out]).json.columns).toEqual([
      ...items.split(','),
      'component',
    ]);
    for (const row of readCsv(out).slice(1)) for (const c of row.slice(0, 4)) expect(['1', '2']).toContain(c);

    const file = JSON.parse(readFileSync(lca, 'utf8'));
    file.binomial = [{ column: 'tries', trials: { column: 'n' }, probabilities: [0.5, 0.5] }];
    const trials = path.join(tmp, 'trials.json');
    writeFileSync(trials, JSON.stringify(file));
    const refused = runMixlabJson(['sample', trials, '--n', '5', '--out', path.join(tmp, 't.csv')]);
    expect(refused.status).toBe(2);
    expect(refused.json.error.code).toBe('sample_trials_unknown');
    expect(refused.json.error.message).toContain('"tries"');
  });
});
