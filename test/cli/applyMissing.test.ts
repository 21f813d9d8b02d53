/**
 * A plain Gaussian model (format 1) fitted with missing cells records its missing-cell mode, so
 * `mixlab apply` labels the rows with missing cells as the fit did without being told
 * `--missing model`; a format-1 file without the mode (written before missing cells were
 * modelled) still labels complete rows only; a complete-data fit's file is as it always was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runMixlab, runMixlabJson } from '../support/mixlabCli';
import { fixturesDir } from '../support/paths';

const iris = path.join(fixturesDir, 'data/iris.csv');
const features = 'sepal_length,sepal_width,petal_length,petal_width';

/** The rows of a label CSV we wrote (BOM, CRLF, no quoted cells in these files). */
const readCsv = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((l) => l.split(','));

let tmp: string;
let holes: string;
/** Rows (0-based, without the header) given a missing cell. */
const blanked = [3, 40, 77, 120, 149];
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-apply-missing-'));
  // iris with one cell blanked in each of five rows, a different column each time.
  const [header, ...rows] = readFileSync(iris, 'utf8').trim().split('\n');
  const columns = header.split(',');
  blanked.forEach((r, t) => {
    const cells = rows[r].split(',');
    cells[columns.indexOf(features.split(',')[t % 4])] = '';
    rows[r] = cells.join(',');
  });
  holes = path.join(tmp, 'holes.csv');
  writeFileSync(holes, [header, ...rows].join('\n') + '\n');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('apply with a plain Gaussian model fitted with missing cells', () => {
  it('the file records missing "model" in format 1, and apply labels every row as the fit did', () => {
    const model = path.join(tmp, 'full.json');
    const fitLabels = path.join(tmp, 'fit.csv');
    const fit = runMixlabJson(
      [
        'fit', holes, '--columns', features, '--k', '3', '--covariance', 'full', '--n-init', '2',
        '--labels', fitLabels, '--model', model,
      ],
      120_000,
    ); // prettier-ignore
    expect(fit.status, fit.stderr).toBe(0);
    expect([fit.json.n, fit.json.n_missing_cells]).toEqual([150, 5]);
    const file = JSON.parse(readFileSync(model, 'utf8'));
    expect([file.version, file.missing]).toEqual([1, 'model']);

    const out = path.join(tmp, 'applied.csv');
    const applied = runMixlabJson(['apply', model, holes, '--labels', out], 60_000);
    expect(applied.status, applied.stderr).toBe(0);
    expect([applied.json.labelled, applied.json.excluded]).toEqual([150, 0]);
    const [fitRows, appliedRows] = [readCsv(fitLabels), readCsv(out)];
    const last = fitRows[0].length - 2;
    for (const r of blanked) expect(appliedRows[r + 1][last]).not.toBe('');
    expect(appliedRows.map((row) => row[last])).toEqual(fitRows.map((row) => row[last]));
    blanked.forEach((r) =>
      expect(Number(appliedRows[r + 1][last + 1])).toBeCloseTo(Number(fitRows[r + 1][last + 1]), 12),
    );

    // The same file without the key, as written before the mode was recorded: complete rows only.
    const { missing: _m, ...old } = file;
    const oldModel = path.join(tmp, 'old.json');
    writeFileSync(oldModel, JSON.stringify(old));
    const before = runMixlabJson(['apply', oldModel, holes, '--labels', path.join(tmp, 'old.csv')], 60_000);
    expect(before.status, before.stderr).toBe(0);
    expect([before.json.labelled, before.json.excluded]).toEqual([145, 5]);
  }, 180_000);

  it('--missing drop is recorded too; a complete-data fit writes no mode, as before', () => {
    const dropped = path.join(tmp, 'drop.json');
    const fit = runMixlab([
      'fit',
      holes,
      '--columns',
      features,
      '--k',
      '2',
      '--missing',
      'drop',
      '--model',
      dropped,
    ]);
    expect(fit.status, fit.stderr).toBe(0);
    expect(JSON.parse(readFileSync(dropped, 'utf8')).missing).toBe('drop');

    const complete = path.join(tmp, 'complete.json');
    expect(runMixlab(['fit', iris, '--columns', features, '--k', '2', '--model', complete]).status).toBe(0);
    const file = JSON.parse(readFileSync(complete, 'utf8'));
    expect(file.version).toBe(1);
    expect(Object.keys(file)).not.toContain('missing');
  }, 180_000);
});
