/**
 * The `sweep` engine kind as the app runs it: a real engine process (out/engine/engine.cjs), a
 * dataset imported there, the sweep on two worker threads (CI has two cores). The acceptance check
 * runs scikit-learn's grid from test/fixtures/selection/*.json (README "selection/").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EngineClient } from '../../../../electron/main/engineClient';
import { nodeEngineSpawner } from '../../../../electron/main/nodeEngineSpawner';
import type { SweepProgress, SweepRequest, SweepResponse } from '../../../../shared/engine/sweep/types';
import type { CovarianceType } from '../../../../shared/engine/model/types';
import { enginePath, fixturesDir } from '../../../support/paths';

let client: EngineClient;
let tmp: string;
beforeAll(() => {
  client = new EngineClient(nodeEngineSpawner(enginePath));
  tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-sweep-'));
});
afterAll(() => {
  client.dispose();
  rmSync(tmp, { recursive: true, force: true });
});

const SKLEARN_OPTIONS = {
  init: 'kmeans',
  nInit: 10,
  seed: 0,
  maxIter: 1000,
  tol: 1e-6,
  regCovar: 1e-6,
} as const;
const TYPES: CovarianceType[] = ['full', 'tied', 'diag', 'spherical'];

async function importColumns(file: string, names: string[]) {
  const summary = await client.call('dataset.import', { path: file });
  const columns = names.map((name) => summary.columns.findIndex((c) => c.name === name));
  expect(columns.every((c) => c >= 0)).toBe(true);
  return { datasetId: summary.datasetId, columns };
}

async function sweep(
  request: Partial<SweepRequest> & Pick<SweepRequest, 'datasetId' | 'columns'>,
  onProgress?: (p: SweepProgress) => void,
  signal?: AbortSignal,
): Promise<SweepResponse> {
  return client.call('sweep', request as SweepRequest, { onProgress, signal });
}

interface SklearnCell {
  k: number;
  bic: number;
  degenerate: boolean;
}

describe.each(['two_gauss_1d', 'iris', 'faithful'])(
  'sweep on %s with scikit-learn settings (K 1..8, every type, n_init 10, 2 threads)',
  (name) => {
    const fx = JSON.parse(readFileSync(path.join(fixturesDir, 'selection', `${name}.json`), 'utf8'));
    let response: SweepResponse;

    beforeAll(async () => {
      const { datasetId, columns } = await importColumns(path.join(fixturesDir, fx.data_file), fx.columns);
      response = await sweep({
        datasetId,
        columns,
        ks: [1, 2, 3, 4, 5, 6, 7, 8],
        covarianceTypes: TYPES,
        options: SKLEARN_OPTIONS,
        threads: 2,
      });
    }, 240_000);

    it('reports all 32 cells in grid order, numbers finite or null', () => {
      expect(response.cells.map((c) => `${c.covarianceType}${c.k}`)).toEqual(
        TYPES.flatMap((t) => [1, 2, 3, 4, 5, 6, 7, 8].map((k) => `${t}${k}`)),
      );
      expect(response.nSamples).toBe(fx.n_samples);
      expect(response.threads).toBe(2);
      for (const c of response.cells)
        for (const v of [c.bic, c.aic, c.icl, c.sabic]) expect(v === null || Number.isFinite(v)).toBe(true);
    });

    it("reaches a BIC no worse than scikit-learn's (1e-6 relative) in every cell it did not flag degenerate", () => {
      const short: string[] = [];
      for (const t of TYPES) {
        for (const sk of fx.sklearn.results[t] as SklearnCell[]) {
          if (sk.degenerate) continue;
          const cell = response.cells.find((c) => c.covarianceType === t && c.k === sk.k);
          expect(cell?.bic, `${t} K=${sk.k}`).not.toBeNull();
          const gap = ((cell?.bic as number) - sk.bic) / Math.abs(sk.bic);
          if (gap > 1e-6) short.push(`${t} K=${sk.k}: ${cell?.bic} vs ${sk.bic} (${gap.toExponential(2)})`);
        }
      }
      expect(short).toEqual([]);
    });

    it('selects the same best non-degenerate cell by BIC', () => {
      const expected = fx.sklearn.best_bic_non_degenerate;
      expect(response.best.bic).toMatchObject({ k: expected.k, covarianceType: expected.covariance_type });
      const best = response.cells.find(
        (c) => c.k === expected.k && c.covarianceType === expected.covariance_type,
      );
      expect(best?.status).toBe('ok');
      expect(Math.abs((best?.bic as number) - expected.bic) / expected.bic).toBeLessThan(1e-5);
    });
  },
);

describe('sweep engine request', () => {
  it('marks a cell whose every restart collapses degenerate and never picks it, though its BIC is lowest', async () => {
    // 40 points on a circle plus 30 copies of (5, 5): with K = 2 a component sits on the copies.
    const file = path.join(tmp, 'repeats.csv');
    const rows = Array.from({ length: 40 }, (_, i) => {
      const a = (2 * Math.PI * i) / 40;
      return `${3 * Math.cos(a)},${3 * Math.sin(a)}`;
    });
    writeFileSync(file, ['x,y', ...rows, ...Array<string>(30).fill('5,5')].join('\n') + '\n');
    const { datasetId, columns } = await importColumns(file, ['x', 'y']);
    const r = await sweep({
      datasetId,
      columns,
      ks: [1, 2],
      covarianceTypes: ['diag'],
      options: SKLEARN_OPTIONS,
      threads: 2,
    });
    const [one, two] = r.cells;
    expect(two.status).toBe('degenerate');
    expect(two.message).toMatch(/below 10 × reg_covar/);
    expect(two.params).not.toBeNull();
    expect(two.bic as number).toBeLessThan(one.bic as number);
    expect(r.best.bic).toMatchObject({ k: 1, covarianceType: 'diag' });
  });

  it('streams one progress message per finished task (none dropped by the throttle), then the result', async () => {
    const { datasetId, columns } = await importColumns(path.join(fixturesDir, 'data/iris.csv'), [
      'sepal_length',
      'petal_length',
    ]);
    const seen: SweepProgress[] = [];
    const r = await sweep({ datasetId, columns, ks: [1, 2, 3], covarianceTypes: TYPES, threads: 2 }, (p) =>
      seen.push(p),
    );
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
    expect(seen.filter((p) => p.pass === 'fit' && p.cell)).toHaveLength(12);
    expect(seen.at(-1)?.done).toBe(seen.at(-1)?.total);
    expect(r.cells).toHaveLength(12);
    // Float64Arrays survive the process boundary, so "use this cell" can take the model as is.
    expect(r.cells[0].params?.means).toBeInstanceOf(Float64Array);
  });

  it('keeps cells with more components than rows as failed cells with the reason', async () => {
    const file = path.join(tmp, 'five.csv');
    writeFileSync(file, 'x,y\n0.1,3\n2.5,1\n3.1,4\n7.2,1\n9.9,5\n');
    const { datasetId, columns } = await importColumns(file, ['x', 'y']);
    const r = await sweep({ datasetId, columns, ks: [1, 2, 6], covarianceTypes: ['diag'], threads: 2 });
    expect(r.cells.map((c) => c.status)).toEqual(['ok', 'ok', 'failed']);
    expect(r.cells[2].message).toMatch(/fewer rows/);
    expect(r.best.bic?.covarianceType).toBe('diag');
  });

  it('fails the whole request for a data problem every cell shares (a constant column)', async () => {
    const file = path.join(tmp, 'constant.csv');
    writeFileSync(file, 'x,c\n1,7\n2,7\n3,7\n4,7\n');
    const { datasetId, columns } = await importColumns(file, ['x', 'c']);
    await expect(sweep({ datasetId, columns, ks: [1, 2] })).rejects.toMatchObject({
      code: 'constant_column',
    });
  });

  it('is cancelled promptly by the caller, and the engine keeps serving', async () => {
    const { datasetId, columns } = await importColumns(path.join(fixturesDir, 'data/faithful.csv'), [
      'eruptions',
      'waiting',
    ]);
    const controller = new AbortController();
    const running = sweep(
      { datasetId, columns, ks: [6, 7, 8], options: { ...SKLEARN_OPTIONS, nInit: 200, tol: 0 }, threads: 2 },
      (p) => {
        if (p.done >= 1) controller.abort();
      },
      controller.signal,
    );
    setTimeout(() => controller.abort(), 1500);
    const started = performance.now();
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    expect(performance.now() - started).toBeLessThan(5000);
    expect((await client.call('hello', {})).pid).toBeGreaterThan(0);
  });
});
