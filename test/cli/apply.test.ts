import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runMixlab } from '../support/mixlabCli';
import { fixturesDir } from '../support/paths';

const iris = path.join(fixturesDir, 'data/iris.csv');
const features = 'sepal_length,sepal_width,petal_length,petal_width';

const mixlab = (...args: string[]) => runMixlab(args);

/** The rows of a label CSV we wrote (UTF-8 with BOM by default, CRLF, no quoted cells in these files). */
function readCsv(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((l) => l.split(','));
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-apply-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('mixlab fit --labels --model, then mixlab apply', () => {
  it('fit writes labels and a model; apply on another file with the same columns gives the same labels', () => {
    const labels = path.join(tmp, 'fit-labels.csv');
    const model = path.join(tmp, 'model.json');
    const fit = mixlab(
      'fit',
      iris,
      '--columns',
      features,
      '--standardize',
      '--k',
      '3',
      '--n-init',
      '3',
      '--labels',
      labels,
      '--model',
      model,
      '--probabilities',
      '--json',
    );
    expect(fit.status, fit.stderr).toBe(0);
    const report = JSON.parse(fit.stdout);
    expect(report.labels).toEqual({ path: labels, rows: 150, labelled: 150, excluded: 0 });
    expect(report.model_file).toBe(model);
    const fitRows = readCsv(labels);
    expect(fitRows[0]).toEqual([
      'sepal_length',
      'sepal_width',
      'petal_length',
      'petal_width',
      'species',
      'cluster',
      'probability',
      'p_1',
      'p_2',
      'p_3',
    ]);
    // Cluster sizes agree with the fitted weights (each weight is the mean responsibility).
    const counts = [0, 0, 0];
    for (const row of fitRows.slice(1)) counts[Number(row[5]) - 1]++;
    report.weights.forEach((w: number, k: number) =>
      expect(Math.abs(counts[k] / 150 - w)).toBeLessThan(0.05),
    );

    // Another file: iris rows 100-149 with the columns in another order and one missing value.
    const [header, ...rows] = readFileSync(iris, 'utf8').trim().split('\n');
    const reorder = (line: string) => {
      const c = line.split(',');
      return [c[4], c[3], c[2], c[1], c[0]].join(',');
    };
    const otherRows = rows.slice(100).map(reorder);
    otherRows[7] = otherRows[7].replace(/^([^,]*),[^,]*,/, '$1,,');
    const other = path.join(tmp, 'other.csv');
    writeFileSync(other, [reorder(header), ...otherRows].join('\n') + '\n');
    const out = path.join(tmp, 'applied.csv');
    const applied = mixlab('apply', model, other, '--labels', out, '--json');
    expect(applied.status, applied.stderr).toBe(0);
    expect(JSON.parse(applied.stdout)).toEqual({
      rows: 50,
      labelled: 49,
      excluded: 1,
      labels: out,
      columns_added: ['cluster', 'probability'],
    });
    const appliedRows = readCsv(out);
    expect(appliedRows[0]).toEqual([
      'species',
      'petal_width',
      'petal_length',
      'sepal_width',
      'sepal_length',
      'cluster',
      'probability',
    ]);
    appliedRows.slice(1).forEach((row, i) => {
      if (i === 7) expect(row.slice(5)).toEqual(['', '']);
      else {
        expect(row[5]).toBe(fitRows[101 + i][5]);
        expect(Number(row[6])).toBeCloseTo(Number(fitRows[101 + i][6]), 12);
      }
    });
  });

  it('readable output without --json; .xlsx by extension', () => {
    const model = path.join(tmp, 'm2.json');
    expect(mixlab('fit', iris, '--columns', features, '--k', '2', '--model', model).status).toBe(0);
    const res = mixlab('apply', model, iris, '--labels', path.join(tmp, 'out.xlsx'));
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toBe(`Wrote labels for 150 of 150 rows to ${path.join(tmp, 'out.xlsx')}.\n`);
    expect(readFileSync(path.join(tmp, 'out.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('errors: missing columns listed, bad model file, missing --labels, bad encoding', () => {
    const model = path.join(tmp, 'm3.json');
    expect(mixlab('fit', iris, '--columns', features, '--k', '2', '--model', model).status).toBe(0);
    const faithful = path.join(fixturesDir, 'data/faithful.csv');
    const missing = mixlab('apply', model, faithful, '--labels', path.join(tmp, 'x.csv'), '--json');
    // The user's file is refused (it lacks the model's columns): exit 2, as every refusal of a file.
    expect(missing.status).toBe(2);
    const err = JSON.parse(missing.stdout).error;
    expect(err.code).toBe('model_columns_missing');
    expect(err.message).toContain('"sepal_length", "sepal_width", "petal_length", "petal_width"');

    const broken = path.join(tmp, 'broken.json');
    writeFileSync(broken, '{"format": "mixlab-model", "version": 1, "weights": [');
    const bad = mixlab('apply', broken, iris, '--labels', path.join(tmp, 'y.csv'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(
      /^mixlab apply: The model file is not valid JSON: parsing stopped at line 1, column \d+\.\n$/,
    );

    expect(mixlab('apply', model, iris).stderr).toBe('mixlab apply: missing --labels (the file to write)\n');
    const enc = mixlab('apply', model, iris, '--labels', 'z.csv', '--encoding', 'latin1');
    expect(enc.status).toBe(2);
    expect(enc.stderr).toContain('--encoding must be one of utf-8-bom, utf-8, gbk (got "latin1")');
  });
});

describe('mixlab apply on a file the import refuses', () => {
  it('exits 2 with the import code, writing nothing', () => {
    const model = path.join(tmp, 'm-hostile.json');
    expect(
      mixlab('fit', iris, '--columns', 'sepal_length,sepal_width', '--k', '2', '--model', model).status,
    ).toBe(0);
    const out = path.join(tmp, 'never.csv');
    for (const [file, code] of [
      ['h02_quote_closed_lines_later.csv', 'unterminated_quote'],
      ['h13_not_a_zip.xlsx', 'xlsx_invalid'],
      ['h15_external_entity.xlsx', 'xlsx_dtd'],
    ]) {
      const res = mixlab('apply', model, path.join(fixturesDir, 'hostile', file), '--labels', out, '--json');
      expect(res.status, file).toBe(2);
      expect(JSON.parse(res.stdout).error.code).toBe(code);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('leaves summary rows unlabelled, says so on stderr, and labels them with --total-rows keep', () => {
    const totals = path.join(fixturesDir, 'hostile', 'h07_total_row.csv');
    const model = path.join(tmp, 'm-totals.json');
    expect(mixlab('fit', totals, '--columns', 'units,revenue', '--k', '1', '--model', model).status).toBe(0);
    const res = mixlab('apply', model, totals, '--labels', path.join(tmp, 't.csv'), '--json');
    expect(res.status, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ rows: 25, labelled: 24, excluded: 1 });
    expect(res.stderr).toMatch(/^note: left out 1 summary row \(row 25 "Total"\)/);
    const kept = mixlab(
      'apply',
      model,
      totals,
      '--labels',
      path.join(tmp, 'k.csv'),
      '--total-rows',
      'keep',
      '--json',
    );
    expect(JSON.parse(kept.stdout)).toMatchObject({ rows: 25, labelled: 25, excluded: 0 });
    expect(kept.stderr).toBe('');
  });
});

describe('mixlab fit --labels --model: both files land, or the message says which did not', () => {
  const fitBoth = (labels: string, model: string) =>
    mixlab('fit', iris, '--columns', features, '--k', '2', '--labels', labels, '--model', model, '--json');

  it('the labels landed and the model could not be put in place: exit 2, naming each', () => {
    const labels = path.join(tmp, 'both-labels.csv');
    const model = path.join(tmp, 'a-folder.json');
    mkdirSync(model);
    const res = fitBoth(labels, model);
    expect(res.status).toBe(2);
    const err = JSON.parse(res.stdout).error;
    expect(err.code).toBe('save_failed');
    expect(err.message).toMatch(
      new RegExp(`Wrote the labels to ${labels}; the model was not written to ${model}\\.$`),
    );
    expect(existsSync(labels)).toBe(true);
  });

  it('the labels failed: the model is not written either, and the message says neither was', () => {
    const labels = path.join(tmp, 'labels-folder.csv');
    mkdirSync(labels);
    const model = path.join(tmp, 'never-model.json');
    const res = fitBoth(labels, model);
    expect(res.status).toBe(2);
    expect(JSON.parse(res.stdout).error.message).toMatch(
      new RegExp(`Neither ${labels} nor ${model} was written\\.$`),
    );
    expect(existsSync(model)).toBe(false);
  });
});
