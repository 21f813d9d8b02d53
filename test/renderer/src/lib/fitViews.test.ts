import { describe, expect, it } from 'vitest';
import { computeFitViews, fitViewsBuffers } from '../../../../renderer/src/lib/fitViews';
import { pca2 } from '../../../../shared/stats/pca';
import { SCATTER_MAX_POINTS } from '../../../../renderer/src/charts/scatterOption';
import type { GaussianMixtureParams } from '../../../../shared/engine/model/types';

const params: GaussianMixtureParams = {
  covarianceType: 'spherical',
  nComponents: 2,
  nFeatures: 2,
  weights: Float64Array.of(0.5, 0.5),
  means: Float64Array.of(-1, -1, 1, 1),
  covariances: Float64Array.of(0.5, 0.5),
  precisionsCholesky: Float64Array.of(1.4, 1.4),
};

describe('computeFitViews', () => {
  // Dataset rows 0..4; row 1 left out. Feature 0 is log-transformed, both standardised.
  const a = Float64Array.of(1, Number.NaN, Math.E, Math.E ** 2, Math.E ** 3);
  const b = Float64Array.of(10, 11, 30, 20, 40);
  const pre = {
    columns: [3, 5],
    columnNames: ['a', 'b'],
    log: [true, false],
    standardize: true,
    center: [1.5, 25],
    scale: [1.118, 11.18],
  };
  const views = computeFitViews({
    datasetRows: 5,
    params,
    preprocessing: pre,
    labels: Int32Array.of(0, 0, 1, 1),
    certainty: Float64Array.of(0.9, 0.6, 0.7, 1),
    rowIndex: Uint32Array.of(0, 2, 3, 4),
    columns: [
      { index: 3, name: 'a', values: a },
      { index: 5, name: 'b', values: b },
      { index: 7, name: 'c', values: Float64Array.of(1, 2, 3, 4, 5) },
    ],
  });

  it('shows features in display units: the log of a log feature, the raw value otherwise', () => {
    expect(Array.from(views.display[0])).toEqual([0, 1, 2, 3]);
    expect(Array.from(views.display[1])).toEqual([10, 30, 20, 40]);
    expect(views.histograms[0].n).toBe(4);
    expect(views.histograms[0].edges[0]).toBe(0);
  });

  it('keeps each row’s certainty and maps dataset rows to fitted rows', () => {
    expect(Array.from(views.certainty)).toEqual([0.9, 0.6, 0.7, 1]);
    expect(Array.from(views.fittedRowOf)).toEqual([0, -1, 1, 2, 3]);
  });

  it('projects the fitted (standardised) rows on the same PCA as shared/stats/pca', () => {
    const X = new Float64Array(8);
    for (let i = 0; i < 4; i++) {
      X[2 * i] = (views.display[0][i] - 1.5) / 1.118;
      X[2 * i + 1] = (views.display[1][i] - 25) / 11.18;
    }
    const ref = pca2(X, 4, 2);
    expect(Array.from(views.pca!.pca.components)).toEqual(Array.from(ref.components));
    const x0 = ref.components[0] * (X[0] - ref.mean[0]) + ref.components[1] * (X[1] - ref.mean[1]);
    expect(views.pca!.x[0]).toBeCloseTo(x0, 12);
  });

  it('summarises every numeric column per cluster in original units (not logged)', () => {
    const aMeans = views.summary.columns.find((c) => c.index === 3)!.means;
    expect(aMeans[0]).toBeCloseTo((1 + Math.E) / 2, 12);
    expect(views.summary.columns.find((c) => c.index === 7)!.means).toEqual([2, 4.5]);
  });

  it('lists each result array once for transfer', () => {
    const buffers = fitViewsBuffers(views);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers).toHaveLength(6);
  });

  it('chooses a stratified sample of rows for the scatter above SCATTER_MAX_POINTS, every cluster kept', () => {
    const n = SCATTER_MAX_POINTS + 50_000;
    // Cluster 1 holds only 300 rows: a proportional share would be ~240, the minimum keeps 200+.
    const labels = Int32Array.from({ length: n }, (_, i) => (i % 1000 < 1 && i < 300_000 ? 1 : 0));
    const col = Float64Array.from({ length: n }, (_, i) => i);
    const big = computeFitViews({
      datasetRows: n,
      params: { ...params },
      preprocessing: { ...pre, log: [false, false] },
      labels,
      certainty: new Float64Array(n).fill(1),
      rowIndex: Uint32Array.from({ length: n }, (_, i) => i),
      columns: [
        { index: 3, name: 'a', values: col },
        { index: 5, name: 'b', values: col },
      ],
    });
    const rows = big.scatterRows!;
    expect(Math.abs(rows.length - SCATTER_MAX_POINTS)).toBeLessThan(1000);
    const inSmall = Array.from(rows).filter((r) => labels[r] === 1).length;
    expect(inSmall).toBeGreaterThanOrEqual(200);
    expect(views.scatterRows).toBeNull();
  });

  it('lists a numeric column modelled as categories with the category shares, not among the numeric means', () => {
    // Gaussian a; column 7 (0/1 codes) modelled as categories; column 9 a Poisson count.
    const mixed = computeFitViews({
      datasetRows: 5,
      params: { ...params, nFeatures: 1, means: Float64Array.of(-1, 1) },
      preprocessing: {
        ...pre,
        columns: [3],
        columnNames: ['a'],
        log: [false],
        center: [0],
        scale: [1],
        categorical: [{ column: 7, name: 'flag', levels: ['0', '1'] }],
        poisson: [{ column: 9, name: 'visits' }],
      },
      labels: Int32Array.of(0, 0, 1, 1),
      certainty: Float64Array.of(1, 1, 1, 1),
      rowIndex: Uint32Array.of(0, 2, 3, 4),
      columns: [
        { index: 3, name: 'a', values: a },
        { index: 7, name: 'flag', values: Float64Array.of(0, 1, 0, 1, 1) },
        { index: 9, name: 'visits', values: Float64Array.of(2, 0, 4, 6, 8) },
        { index: 11, name: 'other', values: Float64Array.of(1, 1, 1, 1, 1) },
      ],
      categories: [
        { index: 7, name: 'flag', selected: true, levels: ['0', '1'], codes: Int32Array.of(0, 1, 0, 1, 1) },
      ],
    });
    const listed = mixed.summary.columns.map((c) => [c.name, c.selected]);
    expect(listed).toEqual([
      ['a', true],
      ['visits', true],
      ['other', false],
    ]);
    expect(mixed.summary.columns[1].means).toEqual([3, 7]);
    expect(mixed.categories).toHaveLength(1);
    expect(mixed.categories[0]).toMatchObject({
      name: 'flag',
      selected: true,
      shares: [
        [1, 0],
        [0, 1],
      ],
    });
  });
});
