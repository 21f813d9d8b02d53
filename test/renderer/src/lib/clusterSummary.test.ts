import { describe, expect, it } from 'vitest';
import { clusterSummary } from '../../../../renderer/src/lib/clusterSummary';

describe('clusterSummary', () => {
  it('gives sizes, weights, mean certainty and per-cluster column means in original units', () => {
    const s = clusterSummary({
      labels: [0, 1, 1, 0],
      certainty: [0.9, 0.8, 1, 0.7],
      weights: [0.45, 0.55],
      // Fitted rows are dataset rows 0, 2, 3, 5.
      rowIndex: [0, 2, 3, 5],
      columns: [
        { index: 4, name: 'other', selected: false, values: [1, 99, Number.NaN, 5, 99, 3] },
        { index: 1, name: 'income', selected: true, values: [10, 99, 20, 40, 99, 30] },
      ],
    });
    expect(s.sizes).toEqual([2, 2]);
    expect(s.weights).toEqual([0.45, 0.55]);
    expect(s.meanCertainty[0]).toBeCloseTo(0.8, 15);
    expect(s.meanCertainty[1]).toBeCloseTo(0.9, 15);
    // Modelled columns first.
    expect(s.columns.map((c) => c.name)).toEqual(['income', 'other']);
    expect(s.columns[0].means).toEqual([20, 30]);
    // A missing cell is skipped: cluster 1 of "other" has rows 2 (NaN) and 3 (5).
    expect(s.columns[1].means).toEqual([2, 5]);
  });

  it('reports NaN for a cluster with no rows rather than dividing by zero', () => {
    const s = clusterSummary({
      labels: [0, 0],
      certainty: [1, 1],
      weights: [0.99, 0.01],
      rowIndex: [0, 1],
      columns: [{ index: 0, name: 'a', selected: true, values: [1, 3] }],
    });
    expect(s.sizes).toEqual([2, 0]);
    expect(s.columns[0].means[0]).toBe(2);
    expect(Number.isNaN(s.columns[0].means[1])).toBe(true);
    expect(Number.isNaN(s.meanCertainty[1])).toBe(true);
  });
});
