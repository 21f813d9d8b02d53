import { describe, expect, it } from 'vitest';
import { buildFitMatrix } from '../../../../shared/engine/request/buildFitMatrix';
import { EngineError } from '../../../../shared/errors';
import type { DataTable } from '../../../../shared/data/table';
import type { ColumnKind, DatasetSummary } from '../../../../shared/data/types';

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
