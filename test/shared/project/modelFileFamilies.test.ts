/**
 * Model files of format 2 (a mixed-type model's families, weight column and missing-cell mode):
 * every number back bit for bit, a model without numeric columns, plain Gaussian models still
 * written as format 1, and each refusal naming its place.
 */
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../shared/errors';
import type { LabelModel } from '../../../shared/export/labelModel';
import { parseModelFile, serializeModelFile } from '../../../shared/project/modelFile';

const K = 2;
/** Two classes: a diag Gaussian over one column, a 3-level item, a count, two binomial columns. */
function mixed(): LabelModel {
  return {
    params: {
      covarianceType: 'diag',
      nComponents: K,
      nFeatures: 1,
      weights: Float64Array.from([0.1 + 0.2, 1 - (0.1 + 0.2)]),
      means: Float64Array.from([-1.5, 2.25]),
      covariances: Float64Array.from([0.5, 1e-300]),
      precisionsCholesky: Float64Array.from([1 / Math.sqrt(0.5), 1 / Math.sqrt(1e-300)]),
      discrete: {
        categorical: [Float64Array.from([0.2, 0.3, 0.5, 1 / 3, 1 / 3, 1 - 2 / 3])],
        poisson: Float64Array.from([0, 17.25]),
        // K × b, class-major: class 1's two columns, then class 2's.
        binomial: Float64Array.from([0.125, 1, 0.5, 0]),
      },
    },
    preprocessing: {
      columns: [0],
      columnNames: ['height'],
      log: [false],
      standardize: false,
      center: [0],
      scale: [1],
      categorical: [{ column: 1, name: 'colour', levels: ['red', 'green', '绿'] }],
      poisson: [{ column: 2, name: 'visits' }],
      binomial: [
        { column: 3, name: 'heads', trials: 10 },
        { column: 4, name: 'wins', trials: { column: 5, name: 'games' } },
      ],
      weights: { column: 6, name: 'w' },
      missing: 'model',
    },
  };
}

const refusal = (text: string): EngineError => {
  try {
    parseModelFile(text);
  } catch (err) {
    return err as EngineError;
  }
  throw new Error('accepted');
};
const doc = (model = mixed()) => JSON.parse(serializeModelFile(model, new Date(0)));
const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length && Array.from(a).every((x, i) => Object.is(x, b[i]));

describe('model file format 2', () => {
  it('writes every family, the weight column and the missing mode, and reads them back bit for bit', () => {
    const model = mixed();
    const file = doc(model);
    expect(file.version).toBe(2);
    expect(file.categorical).toEqual([
      { column: 'colour', levels: ['red', 'green', '绿'], probabilities: [[0.2, 0.3, 0.5], [1 / 3, 1 / 3, 1 - 2 / 3]] },
    ]); // prettier-ignore
    expect(file.poisson).toEqual([{ column: 'visits', rates: [0, 17.25] }]);
    expect(file.binomial).toEqual([
      { column: 'heads', trials: 10, probabilities: [0.125, 0.5] },
      { column: 'wins', trials: { column: 'games' }, probabilities: [1, 0] },
    ]);
    expect([file.weights_column, file.missing]).toEqual(['w', 'model']);

    const back = parseModelFile(JSON.stringify(file));
    const d = back.params.discrete!;
    const want = model.params.discrete!;
    expect(same(d.categorical[0], want.categorical[0])).toBe(true);
    expect(same(d.poisson, want.poisson)).toBe(true);
    expect(same(d.binomial, want.binomial)).toBe(true);
    expect(same(back.params.weights, model.params.weights)).toBe(true);
    expect(same(back.params.covariances, model.params.covariances)).toBe(true);
    // A file knows names, not the dataset's column indices.
    expect(back.preprocessing.categorical).toEqual([{ name: 'colour', levels: ['red', 'green', '绿'] }]);
    expect(back.preprocessing.binomial).toEqual([
      { name: 'heads', trials: 10 },
      { name: 'wins', trials: { name: 'games' } },
    ]);
    expect([back.preprocessing.weights, back.preprocessing.missing]).toEqual([{ name: 'w' }, 'model']);
  });

  it('a latent class model (no numeric column): n_features 0 and empty Gaussian arrays', () => {
    const model = mixed();
    model.params = {
      ...model.params,
      nFeatures: 0,
      means: new Float64Array(0),
      covariances: new Float64Array(0),
      precisionsCholesky: new Float64Array(0),
    };
    model.preprocessing = {
      ...model.preprocessing,
      columns: [],
      columnNames: [],
      log: [],
      center: [],
      scale: [],
    };
    const file = doc(model);
    expect([file.n_features, file.means, file.covariances, file.precisions_cholesky]).toEqual([
      0,
      [],
      [],
      [],
    ]);
    const back = parseModelFile(JSON.stringify(file));
    expect(back.params.nFeatures).toBe(0);
    expect(back.params.means.length).toBe(0);
    expect(back.params.discrete!.categorical).toHaveLength(1);
  });

  it('a plain Gaussian model is still format 1 and records its missing mode; without one it labels complete rows', () => {
    const model = mixed();
    const { discrete: _d, ...params } = model.params;
    const { categorical: _c, poisson: _p, binomial: _b, weights: _w, ...pre } = model.preprocessing;
    const file = doc({ params, preprocessing: pre });
    expect(file.version).toBe(1);
    expect(file.missing).toBe('model');
    expect(parseModelFile(JSON.stringify(file)).preprocessing.missing).toBe('model');
    const { missing: _m, ...unsaid } = pre;
    const old = doc({ params, preprocessing: unsaid });
    expect(Object.keys(old)).not.toContain('missing');
    expect(parseModelFile(JSON.stringify(old)).preprocessing.missing).toBeUndefined();
    const err = refusal(JSON.stringify({ ...file, missing: 'impute' }));
    expect(err.code).toBe('model_invalid');
    expect(err.message).toContain('missing');
  });

  it('refuses probabilities that do not sum to 1 in a class, naming the column and class', () => {
    const file = doc();
    file.categorical[0].probabilities[1] = [0.5, 0.5, 0.5];
    const err = refusal(JSON.stringify(file));
    expect(err.code).toBe('model_invalid');
    expect(err.message).toBe(
      'Invalid model file: categorical[0]: "colour": the probabilities of class 2 must sum to 1 (sum is 1.5).',
    );
  });

  it('refuses a probability outside [0, 1], a negative or huge rate, a binomial probability above 1', () => {
    const negative = doc();
    negative.categorical[0].probabilities[0] = [-0.5, 1, 0.5];
    expect(refusal(JSON.stringify(negative)).message).toContain('level 1 in class 1 must lie in [0, 1]');
    const rate = doc();
    rate.poisson[0].rates = [1, -2];
    expect(refusal(JSON.stringify(rate)).message).toContain(
      '"visits": the rate of class 2 must be a finite number ≥ 0 (got -2)',
    );
    // An overflowing number in the file's text (1e999 parses as Infinity) is no rate.
    const huge = JSON.stringify(doc()).replace('"rates":[0,17.25]', '"rates":[0,1e999]');
    expect(huge).toContain('1e999');
    expect(refusal(huge).message).toContain('poisson[0].rates[1]');
    const p = doc();
    p.binomial[1].probabilities = [1.5, 0];
    expect(refusal(JSON.stringify(p)).message).toContain('"wins": the success probability of class 1');
  });

  it('refuses shapes that do not match K or the levels, a level listed twice, a column in two families', () => {
    const rows = doc();
    rows.categorical[0].probabilities.pop();
    expect(refusal(JSON.stringify(rows)).message).toContain(
      'categorical[0].probabilities: expected 2 rows (classes) of 3 (levels)',
    );
    const twice = doc();
    twice.categorical[0].levels = ['red', 'red', 'blue'];
    expect(refusal(JSON.stringify(twice)).message).toContain('"colour" lists the level "red" twice');
    const rates = doc();
    rates.poisson[0].rates = [1];
    expect(refusal(JSON.stringify(rates)).message).toContain('poisson[0].rates: expected 2 entries, got 1');
    const clash = doc();
    clash.poisson[0].column = 'colour';
    expect(refusal(JSON.stringify(clash)).message).toContain('the column "colour" is given two families');
    const numeric = doc();
    numeric.poisson[0].column = 'height';
    expect(refusal(JSON.stringify(numeric)).message).toContain('"height" is both numeric and discrete');
  });

  it('refuses a level list over the cap, and a format-1 file without numeric columns', () => {
    const many = doc();
    many.categorical[0].levels = Array.from({ length: 100_001 }, (_, i) => `l${i}`);
    expect(refusal(JSON.stringify(many)).message).toMatch(/^Invalid model file: categorical\[0\]\.levels/);
    const old = doc();
    Object.assign(old, { version: 1, n_features: 0, means: [], covariances: [], precisions_cholesky: [] });
    Object.assign(old.preprocessing, { columns: [], log: [], center: [], scale: [] });
    expect(refusal(JSON.stringify(old)).message).toContain('at least 1 numeric column in a format-1 model');
  });
});
