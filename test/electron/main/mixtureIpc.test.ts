/**
 * The window.mixlab methods of a stored mixed-type model and of categorical columns, through the
 * validating IPC router to the REAL engine process, as the renderer calls them: a fit with a text
 * column, a count column and missing cells, then getCategories, predictMixture and imputeCells on
 * the renderer's dataset id. Malformed arguments are refused before any service runs.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/api';
import type { CategoriesResult, DatasetSummary } from '../../../shared/data/types';
import type { FitResponse } from '../../../shared/engine/model/types';
import type { ImputedCell, StoredPrediction } from '../../../shared/engine/request/storedModelApply';
import { createIpcRouter } from '../../../electron/main/ipcRouter';
import type { MixlabServices } from '../../../electron/main/services';
import { realEngineRouter } from '../../support/services';
import { fixturesDir } from '../../support/paths';

const { engine, route } = realEngineRouter();
afterAll(() => engine.dispose());

function value<T>(res: Envelope<unknown>): T {
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.value as T;
}

describe('mixed-type model methods over IPC (real services and engine process)', () => {
  it('codes categories, predicts and imputes for the renderer’s dataset', async () => {
    const summary = value<DatasetSummary>(
      await route('importDataset', {
        jobId: 'imp',
        options: { path: path.join(fixturesDir, 'lca', 'mixed_sim_missing.csv') },
      }),
    );
    const roles = { columns: [0, 1, 2, 3, 4], standardize: false, categorical: [2, 3], counts: [4] };
    const fit = value<FitResponse>(
      await route('fit', {
        jobId: 'fit1',
        request: {
          datasetId: summary.datasetId,
          ...roles,
          options: { nComponents: 2, covarianceType: 'diag', seed: 3 },
        },
      }),
    );
    const model = { roles, params: fit.fit.params, preprocessing: fit.preprocessing };

    const categories = value<CategoriesResult>(
      await route('getCategories', { datasetId: summary.datasetId, columns: [3] }),
    );
    expect(categories.levels[0]).toEqual(fit.preprocessing.categorical![1].levels);
    expect(categories.codes[0]).toBeInstanceOf(Int32Array);

    const predicted = value<StoredPrediction>(
      await route('predictMixture', { datasetId: summary.datasetId, model }),
    );
    expect(Array.from(predicted.labels)).toEqual(Array.from(fit.fit.labels));
    expect(predicted.resp).toBeInstanceOf(Float64Array);

    const { cells } = value<{ cells: ImputedCell[] }>(
      await route('imputeCells', { datasetId: summary.datasetId, model, rows: [0, 1, 2, 3] }),
    );
    // Row 1 of the file has no visits: its count is filled with Σ_k r_k λ_k, a positive number.
    expect(cells).toContainEqual({ row: 0, column: 4, value: expect.any(Number) });
    expect(cells.every((c) => c.row <= 3)).toBe(true);
  });

  it('refuses malformed arguments before any service runs', async () => {
    const ran: string[] = [];
    const recording = new Proxy({} as MixlabServices, {
      get: (_target, name) => async () => {
        ran.push(String(name));
        return null;
      },
    });
    const guarded = createIpcRouter(recording);
    const params = {
      covarianceType: 'diag',
      nComponents: 2,
      nFeatures: 0,
      weights: [0.5, 0.5],
      means: [],
      covariances: [],
      precisionsCholesky: [],
      discrete: { categorical: [[0.2, 0.8, 0.5, 0.5]], poisson: [], binomial: [] },
    };
    const preprocessing = {
      columns: [],
      columnNames: [],
      log: [],
      standardize: false,
      center: [],
      scale: [],
      categorical: [{ column: 0, name: 'a', levels: ['x', 'y'] }],
    };
    const roles = { columns: [0], standardize: false, categorical: [0] };
    const good = { roles, params, preprocessing };
    const cases: [string, unknown, RegExp][] = [
      ['getCategories', { datasetId: 'd1', columns: [] }, /columns/],
      ['getCategories', { datasetId: 'd1', columns: [-1] }, /columns/],
      [
        'predictMixture',
        { datasetId: 'd1', model: { ...good, params: { ...params, weights: [0.9, 0.9] } } },
        /weights/,
      ],
      [
        'predictMixture',
        {
          datasetId: 'd1',
          model: {
            ...good,
            params: { ...params, discrete: { ...params.discrete, categorical: [[0.2, 0.8]] } },
          },
        },
        /categorical/,
      ],
      [
        'predictMixture',
        { datasetId: 'd1', model: { ...good, roles: { ...roles, counts: [0] } } },
        /counts|already/,
      ],
      ['predictMixture', { datasetId: 'd1', model: { ...good, extra: 1 } }, /model/],
      ['imputeCells', { datasetId: 'd1', model: good, rows: new Array(10_001).fill(0) }, /rows/],
      ['imputeCells', { datasetId: 'd1', model: good, rows: [0.5] }, /rows/],
      ['imputeCells', { datasetId: 'd1', model: good }, /rows/],
    ];
    for (const [method, arg, where] of cases) {
      const res = await guarded(method, arg);
      expect(res.ok, `${method} ${JSON.stringify(arg).slice(0, 200)}`).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('invalid_payload');
        expect(res.error.message).toMatch(where);
      }
    }
    expect(ran).toEqual([]);
    // The well-formed one reaches its service.
    expect((await guarded('imputeCells', { datasetId: 'd1', model: good, rows: [0] })).ok).toBe(true);
    expect(ran).toEqual(['imputeCells']);
  });
});
