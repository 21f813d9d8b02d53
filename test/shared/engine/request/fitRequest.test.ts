import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { fitOptionsSchema, fitRequestSchema } from '../../../../shared/engine/request/fitRequest';
import type { FitRequest } from '../../../../shared/engine/model/types';

const fixtures = fileURLToPath(new URL('../../../fixtures/em/', import.meta.url));

/** A request on columns 0 and 1 with K = 2, overridden by `extra` (its options merged). */
const request = ({ options, ...extra }: Partial<Omit<FitRequest, 'options'>> & { options?: object }) =>
  fitRequestSchema.safeParse({
    datasetId: 'ds1',
    columns: [0, 1],
    ...extra,
    options: { nComponents: 2, ...options },
  });

describe('fitRequestSchema', () => {
  it('fills scikit-learn defaults for omitted options', () => {
    const parsed = request({});
    expect(parsed.success).toBe(true);
    expect(parsed.data?.options).toEqual({
      nComponents: 2,
      covarianceType: 'full',
      init: 'kmeans',
      nInit: 1,
      seed: 0,
      maxIter: 100,
      tol: 1e-3,
      regCovar: 1e-6,
    });
    expect(parsed.data?.standardize).toBe(false);
  });

  it('rejects unknown keys, out-of-range options and bad column lists, naming the field', () => {
    const messages = [
      request({ options: { nComponents: 0 } }),
      request({ options: { tol: -1 } }),
      request({ options: { covarianceType: 'banded' } }),
      request({ columns: [0, 0] }),
      request({ columns: [0, 1], logColumns: [2] }),
      fitRequestSchema.safeParse({
        datasetId: 'ds1',
        columns: [0],
        options: { nComponents: 2 },
        colour: 'red',
      }),
    ].map((r) => {
      expect(r.success).toBe(false);
      return r.error!.issues[0].path.join('.');
    });
    expect(messages).toEqual([
      'options.nComponents',
      'options.tol',
      'options.covarianceType',
      'columns',
      'logColumns',
      '',
    ]);
  });

  it('accepts every fixture init (weights, means, covariances or precisions) for its covariance type', () => {
    const files = readdirSync(fixtures).filter((f) => f.endsWith('.json'));
    expect(files.length).toBe(20);
    for (const file of files) {
      const fx = JSON.parse(readFileSync(path.join(fixtures, file), 'utf8'));
      const columns = fx.columns.map((_: string, i: number) => i);
      for (const second of ['covariances', 'precisions']) {
        const parsed = fitRequestSchema.safeParse({
          datasetId: 'ds1',
          columns,
          options: {
            nComponents: fx.n_components,
            covarianceType: fx.covariance_type,
            initParams: { weights: fx.init.weights, means: fx.init.means, [second]: fx.init[second] },
          },
        });
        expect(parsed.success, `${file} ${second}: ${parsed.error?.message}`).toBe(true);
      }
    }
  });

  it('rejects initial parameters whose shape does not fit K, d and the covariance type', () => {
    const fx = JSON.parse(readFileSync(path.join(fixtures, 'iris__full__k3.json'), 'utf8'));
    const base = { datasetId: 'ds1', columns: [0, 1, 2, 3] };
    const tied = fitRequestSchema.safeParse({
      ...base,
      options: {
        nComponents: 3,
        covarianceType: 'tied',
        initParams: { means: fx.init.means, covariances: fx.init.covariances },
      },
    });
    expect(tied.success).toBe(false);
    expect(tied.error!.issues[0].path).toEqual(['options', 'initParams', 'covariances']);
    expect(tied.error!.issues[0].message).toMatch(/expected 4 entries, got 3 \(tied\), for K=3 and d=4/);

    const shortMean = fitRequestSchema.safeParse({
      ...base,
      options: { nComponents: 3, initParams: { means: [fx.init.means[0], fx.init.means[1], [1, 2, 3]] } },
    });
    expect(shortMean.error!.issues[0].path).toEqual(['options', 'initParams', 'means', 2]);

    const weights = fitRequestSchema.safeParse({
      ...base,
      options: { nComponents: 3, initParams: { weights: [0.5, 0.5, 0.5] } },
    });
    expect(weights.error!.issues[0].message).toMatch(/sum to 1/);

    const both = fitOptionsSchema.safeParse({
      nComponents: 3,
      initParams: { covariances: [1, 1, 1], precisions: [1, 1, 1] },
    });
    expect(both.success).toBe(false);

    expect(fitOptionsSchema.safeParse({ nComponents: 3, initParams: { means: [[1, 'a']] } }).success).toBe(
      false,
    );
  });
});
