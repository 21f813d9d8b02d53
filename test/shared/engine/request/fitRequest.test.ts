import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import {
  buildFitMatrix,
  fitOptionsSchema,
  fitRequestSchema,
  shapeProblem,
} from '../../../../shared/engine/request/fitRequest';
import { EngineError } from '../../../../shared/protocol';
import type { DataTable } from '../../../../shared/data/table';
import type { ColumnKind, DatasetSummary } from '../../../../shared/data/types';
import type { FitRequest } from '../../../../shared/engine/model/types';

const fixtures = fileURLToPath(new URL('../../../fixtures/em/', import.meta.url));

/** A table of numeric columns (null = missing) and, optionally, a text column. */
function table(columns: Record<string, (number | null)[] | string[]>): DataTable {
  const names = Object.keys(columns);
  const rowCount = columns[names[0]].length;
  const kinds: ColumnKind[] = names.map((n) =>
    typeof columns[n].find((v) => v !== null) === 'string' ? 'categorical' : 'numeric',
  );
  const summary = {
    datasetId: 't',
    rows: rowCount,
    columns: names.map((name, index) => ({ index, name, displayName: name, kind: kinds[index], missing: 0 })),
  } as unknown as DatasetSummary;
  return {
    summary,
    rowCount,
    numeric: (c) =>
      kinds[c] === 'numeric'
        ? Float64Array.from(columns[names[c]] as (number | null)[], (v) => (v === null ? NaN : v))
        : null,
    text: (c, r) => String(columns[names[c]][r] ?? ''),
  };
}

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

  it('shapeProblem finds the first mismatch by path', () => {
    expect(
      shapeProblem(
        [
          [1, 2],
          [3, 4],
        ],
        [2, 2],
      ),
    ).toBeNull();
    expect(shapeProblem([[1, 2], [3]], [2, 2])).toEqual({ path: [1], message: 'expected 2 entries, got 1' });
    expect(
      shapeProblem(
        [
          [1, 2],
          [3, NaN],
        ],
        [2, 2],
      ),
    ).toEqual({ path: [1, 1], message: 'expected a finite number' });
  });
});

describe('buildFitMatrix', () => {
  it('lays the selected columns out row-major in the selected order', () => {
    const t = table({ a: [1, 2, 3], b: [10, 20, 30], c: [100, 200, 300] });
    const m = buildFitMatrix(t, { columns: [2, 0], standardize: false });
    expect(Array.from(m.X)).toEqual([100, 1, 200, 2, 300, 3]);
    expect(m.nSamples).toBe(3);
    expect(m.nFeatures).toBe(2);
    expect(Array.from(m.rowIndex)).toEqual([0, 1, 2]);
    expect(m.preprocessing).toEqual({
      columns: [2, 0],
      columnNames: ['c', 'a'],
      log: [false, false],
      standardize: false,
      center: [0, 0],
      scale: [1, 1],
    });
  });

  it('drops and counts rows with a missing value in a selected column only', () => {
    const t = table({ a: [1, null, 3, 4, 5], b: [1, 2, 3, null, 5], other: [null, null, null, null, null] });
    const m = buildFitMatrix(t, { columns: [0, 1], standardize: false });
    expect(m.droppedMissing).toBe(2);
    expect(Array.from(m.rowIndex)).toEqual([0, 2, 4]);
    expect(Array.from(m.X)).toEqual([1, 1, 3, 3, 5, 5]);
  });

  it('log-transforms the chosen columns and drops rows where they are not positive', () => {
    const t = table({ a: [1, Math.E, 0, -1, Math.E ** 2], b: [0, -1, 2, 3, 4] });
    const m = buildFitMatrix(t, { columns: [0, 1], standardize: false, logColumns: [0] });
    expect(m.droppedNonPositive).toBe(2);
    expect(Array.from(m.rowIndex)).toEqual([0, 1, 4]);
    expect(Array.from(m.X)).toEqual([0, 0, 1, -1, 2, 4]);
    expect(m.preprocessing.log).toEqual([true, false]);
  });

  it('standardises to zero mean and unit population standard deviation, recording center and scale', () => {
    const a = [2, 4, 4, 4, 5, 5, 7, 9]; // mean 5, population sd 2 (the textbook example)
    const t = table({ a, b: [3, 3, 3, 3, 3, 3, 3, 3] });
    const m = buildFitMatrix(t, { columns: [0, 1], standardize: true });
    expect(m.preprocessing.center).toEqual([5, 3]);
    // A constant column keeps scale 1 (as scikit-learn's StandardScaler) instead of dividing by 0.
    expect(m.preprocessing.scale).toEqual([2, 1]);
    expect(Array.from({ length: 8 }, (_, i) => m.X[i * 2])).toEqual(a.map((x) => (x - 5) / 2));
    expect(Array.from({ length: 8 }, (_, i) => m.X[i * 2 + 1])).toEqual(new Array(8).fill(0));
  });

  it('standardises a column with a huge offset (1e9 + small noise) accurately', () => {
    const n = 1001;
    const xs = Array.from({ length: n }, (_, i) => 1e9 + Math.sin(i) * 1e-2);
    // Oracle: x − 1e9 is exact in binary64 (Sterbenz), so the small deviations carry the full signal.
    const small = xs.map((x) => x - 1e9);
    const mean = small.reduce((s, x) => s + x, 0) / n;
    const sd = Math.sqrt(small.reduce((s, x) => s + (x - mean) ** 2, 0) / n);
    const m = buildFitMatrix(table({ x: xs }), { columns: [0], standardize: true });
    expect(Math.abs(m.preprocessing.center[0] - (1e9 + mean))).toBeLessThan(1e9 * 1e-16 * 2);
    expect(Math.abs(m.preprocessing.scale[0] / sd - 1)).toBeLessThan(1e-9);
    let s = 0;
    let q = 0;
    for (let i = 0; i < n; i++) {
      s += m.X[i];
      q += m.X[i] * m.X[i];
    }
    // Zero mean and unit variance to rounding of the standardised values, not of 1e9.
    expect(Math.abs(s / n)).toBeLessThan(1e-12);
    expect(Math.abs(q / n - 1)).toBeLessThan(1e-12);
  });

  it('refuses a non-numeric or absent column with invalid_payload naming it', () => {
    const t = table({ a: [1, 2], species: ['x', 'y'] });
    expect(() => buildFitMatrix(t, { columns: [0, 1], standardize: false })).toThrow(EngineError);
    expect(() => buildFitMatrix(t, { columns: [0, 1], standardize: false })).toThrow(
      /"species" is not a numeric column/,
    );
    expect(() => buildFitMatrix(t, { columns: [5], standardize: false })).toThrow(/no column 5/);
  });

  it('places X where the caller allocates it (shared memory for the workers)', () => {
    const t = table({ a: [1, 2, 3] });
    const sab = new SharedArrayBuffer(3 * 8);
    const m = buildFitMatrix(t, { columns: [0], standardize: false }, (len) => new Float64Array(sab, 0, len));
    expect(m.X.buffer).toBe(sab);
  });
});
