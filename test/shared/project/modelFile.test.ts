import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { EngineError } from '../../../shared/errors';
import { predictMixture } from '../../../shared/engine/model/predict';
import { modelToFile, parseModelFile, serializeModelFile } from '../../../shared/project/modelFile';
import type { LabelModel } from '../../../shared/export/labelModel';
import { sameDoubles, sklearnParams } from './projectFixture';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** The fixture's data columns as a row-major matrix (plain comma-separated numbers). */
function matrix(csv: string, columns: string[]): { X: Float64Array; n: number } {
  const [header, ...rows] = readFileSync(path.join(fixtures, 'data', csv), 'utf8')
    .trim()
    .split('\n');
  const names = header.split(',');
  const idx = columns.map((c) => names.indexOf(c));
  const X = Float64Array.from(rows.flatMap((r) => idx.map((j) => Number(r.split(',')[j]))));
  return { X, n: rows.length };
}

function refusal(text: string): EngineError {
  try {
    parseModelFile(text);
  } catch (err) {
    if (err instanceof EngineError) return err;
    throw err;
  }
  throw new Error('accepted');
}

describe('model file: scikit-learn attributes in, the same predictions out', () => {
  const files = readdirSync(path.join(fixtures, 'em')).filter((f) => f.endsWith('.json'));

  it.each(files)('%s: a hand-written file (covariances only) predicts as scikit-learn', async (file) => {
    const fx = JSON.parse(readFileSync(path.join(fixtures, 'em', file), 'utf8'));
    const d = fx.n_features;
    // What a Python user writes from a fitted GaussianMixture: no precisions_cholesky (we derive it).
    const text = JSON.stringify({
      format: 'mixlab-model',
      version: 1,
      covariance_type: fx.covariance_type,
      n_components: fx.n_components,
      n_features: d,
      weights: fx.final.weights,
      means: fx.final.means,
      covariances: fx.final.covariances,
      preprocessing: {
        columns: fx.columns,
        log: new Array(d).fill(false),
        standardize: false,
        center: new Array(d).fill(0),
        scale: new Array(d).fill(1),
      },
    });
    const model = parseModelFile(text);
    const { X, n } = matrix(fx.csv, fx.columns);
    const prediction = await predictMixture(model.params, X, n);
    expect(Array.from(prediction.labels)).toEqual(fx.final.labels);
    let err = 0;
    fx.final.proba.forEach((row: number[], i: number) =>
      row.forEach((p, k) => (err = Math.max(err, Math.abs(p - prediction.resp[i * fx.n_components + k])))),
    );
    // Same formulas, different summation order than numpy: agreement to rounding.
    expect(err).toBeLessThan(1e-9);
  });

  it('export then import: every double bit for bit, preprocessing and column names kept', () => {
    for (const type of ['full', 'tied', 'diag', 'spherical']) {
      const params = sklearnParams(`iris__${type}__k3.json`);
      const model: LabelModel = {
        params,
        preprocessing: {
          columns: [0, 1, 2, 3],
          columnNames: ['sepal length (cm)', 'sépale', '花瓣长度', 'petal "width"'],
          log: [false, true, false, true],
          standardize: true,
          center: [5.843333333333334, 0.1 + 0.2, 3.758, -1e-300],
          scale: [0.8253012917851409, 1, 1.759404065775303, 5e-324],
        },
      };
      const back = parseModelFile(serializeModelFile(model, new Date('2026-11-22T10:42:00Z'), '0.1.0'));
      for (const key of ['weights', 'means', 'covariances', 'precisionsCholesky'] as const) {
        expect(sameDoubles(back.params[key], params[key]), `${type} ${key}`).toBe(true);
      }
      const { columns: _c, ...rest } = model.preprocessing;
      expect(back.preprocessing).toEqual(rest);
    }
  });

  it('uses scikit-learn attribute names and shapes', () => {
    const file = modelToFile(
      {
        params: sklearnParams('iris__full__k3.json'),
        preprocessing: {
          columnNames: ['a', 'b', 'c', 'd'],
          log: [false, false, false, false],
          standardize: false,
          center: [0, 0, 0, 0],
          scale: [1, 1, 1, 1],
        },
      },
      new Date(0),
    );
    expect(Object.keys(file)).toEqual([
      'format',
      'version',
      'covariance_type',
      'n_components',
      'n_features',
      'weights',
      'means',
      'covariances',
      'precisions_cholesky',
      'preprocessing',
      'created',
    ]);
    expect([file.means.length, file.means[0].length]).toEqual([3, 4]);
    expect((file.covariances as number[][][])[2][3]).toHaveLength(4);
  });
});

describe('model file: refusals name the problem', () => {
  const good = () =>
    JSON.parse(
      serializeModelFile(
        {
          params: sklearnParams('iris__diag__k3.json'),
          preprocessing: {
            columnNames: ['a', 'b', 'c', 'd'],
            log: [false, false, false, false],
            standardize: false,
            center: [0, 0, 0, 0],
            scale: [1, 1, 1, 1],
          },
        },
        new Date(0),
      ),
    );

  it('not JSON, foreign, newer', () => {
    expect(refusal('{"format": "mixlab-model",').code).toBe('model_corrupt');
    expect(refusal('{"format": "mixlab-project", "version": 1}').message).toContain('a Mixture Lab project');
    const newer = { ...good(), version: 9 };
    expect(refusal(JSON.stringify(newer)).message).toBe(
      'The model file was made by a newer Mixture Lab (model format 9); this version reads up to 2.',
    );
  });

  it('wrong shapes, weights and non-positive-definite covariances', () => {
    const shape = good();
    shape.covariances[1].pop();
    expect(refusal(JSON.stringify(shape)).message).toBe(
      'Invalid model file: covariances[1]: expected 4 entries, got 3 (diag, K=3, d=4).',
    );
    const names = good();
    names.preprocessing.columns.push('e');
    expect(refusal(JSON.stringify(names)).message).toContain(
      'preprocessing.columns: expected 4 entries, got 5',
    );
    const weights = good();
    weights.weights[0] += 0.5;
    expect(refusal(JSON.stringify(weights)).message).toMatch(/weights must lie in \[0, 1\] and sum to 1/);
    const singular = good();
    delete singular.precisions_cholesky;
    singular.covariances[2][1] = -1;
    expect(refusal(JSON.stringify(singular)).message).toBe(
      'Invalid model file: the covariance of component 3 is not positive definite.',
    );
    const type = { ...good(), covariance_type: 'banana' };
    expect(refusal(JSON.stringify(type)).message).toMatch(/^Invalid model file: covariance_type: /);
  });
});

describe('model file: every number checked before a model is trusted', () => {
  const fullModel = () =>
    JSON.parse(
      serializeModelFile(
        {
          params: sklearnParams('iris__full__k3.json'),
          preprocessing: {
            columnNames: ['a', 'b', 'c', 'd'],
            log: [false, false, false, false],
            standardize: false,
            center: [0, 0, 0, 0],
            scale: [1, 1, 1, 1],
          },
        },
        new Date(0),
      ),
    );

  it('a file saved before these checks, and one with keys this version does not know, still opens', () => {
    const old = fullModel();
    delete old.created;
    old.discrete = { families: [] };
    expect(parseModelFile(JSON.stringify(old)).params.nComponents).toBe(3);
  });

  it('refuses a precision-Cholesky factor with an entry below its diagonal (the engine would ignore it)', () => {
    const m = fullModel();
    m.precisions_cholesky[1][2][0] = 0.5;
    const err = refusal(JSON.stringify(m));
    expect(err.code).toBe('model_invalid');
    expect(err.message).toBe(
      'Invalid model file: the precision Cholesky factor of component 2 is not upper triangular: entry [2][0] below the diagonal is 0.5.',
    );
  });

  it('refuses a factor with a zero on its diagonal (log det would be −∞)', () => {
    const m = fullModel();
    m.precisions_cholesky[0][3][3] = 0;
    expect(refusal(JSON.stringify(m)).message).toMatch(
      /^Invalid model file: the precision Cholesky factor of component 1 has diagonal entry \[3\]\[3\] = 0/,
    );
  });

  it('refuses an asymmetric covariance even when its factors are fine', () => {
    const m = fullModel();
    m.covariances[2][0][1] += 0.1;
    expect(refusal(JSON.stringify(m)).message).toMatch(
      /^Invalid model file: the covariance of component 3 is not symmetric: entry \[1\]\[0\] is/,
    );
  });

  it('refuses a zero weight, and null where a number belongs', () => {
    const m = fullModel();
    m.weights = [0, 0.5, 0.5];
    expect(refusal(JSON.stringify(m)).message).toBe(
      'Invalid model file: weights[0] must be positive (got 0).',
    );
    const nulls = fullModel();
    nulls.means[1][2] = null;
    expect(refusal(JSON.stringify(nulls)).message).toMatch(/^Invalid model file: means\[1\]\[2\]: /);
  });
});
