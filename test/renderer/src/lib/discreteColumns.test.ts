import { describe, expect, it } from 'vitest';
import type { FitResponse } from '../../../../shared/engine/model/types';
import { discreteColumnBars, discreteColumns } from '../../../../renderer/src/lib/discreteColumns';

/**
 * A two-class fit over dataset rows 0…4 with row 2 left out: Gender (text, column 0), Visits
 * (counts, column 1), Heads out of the trials in column 3 (binomial, column 2), weights in column 4.
 */
const response = {
  fit: {
    params: {
      nComponents: 2,
      nFeatures: 0,
      weights: Float64Array.of(0.25, 0.75),
      discrete: {
        categorical: [Float64Array.of(0.9, 0.1, 0.3, 0.7)],
        poisson: Float64Array.of(1, 4),
        binomial: Float64Array.of(0.5, 0.2),
      },
    },
  },
  preprocessing: {
    columns: [],
    categorical: [{ column: 0, name: 'Gender', levels: ['F', 'M'] }],
    poisson: [{ column: 1, name: 'Visits' }],
    binomial: [{ column: 2, name: 'Heads', trials: { column: 3, name: 'Tosses' } }],
    weights: { column: 4, name: 'w' },
  },
  rowIndex: Uint32Array.of(0, 1, 3, 4),
} as unknown as FitResponse;

const data = {
  values: new Map([
    [1, Float64Array.of(0, 2, 9, Number.NaN, 1)],
    [2, Float64Array.of(1, 0, 9, 2, 1)],
    [3, Float64Array.of(2, 1, 9, 2, 1)],
    [4, Float64Array.of(1, 2, 9, 1, 3)],
  ]),
  // The engine listed the levels the other way round: codes must be matched by name.
  categories: new Map([[0, { levels: ['M', 'F'], codes: Int32Array.of(1, 0, 0, -1, 1) }]]),
};

describe('discreteColumns', () => {
  it('lists the categorical, count and binomial columns of a fit with their place in the parameters', () => {
    expect(discreteColumns(response.preprocessing)).toEqual([
      { column: 0, name: 'Gender', family: 'categorical', j: 0 },
      { column: 1, name: 'Visits', family: 'count', j: 0 },
      { column: 2, name: 'Heads', family: 'binomial', j: 0 },
    ]);
  });

  it('counts the fitted rows with their weights, levels matched to the fit by name', () => {
    const [gender] = discreteColumns(response.preprocessing);
    const bars = discreteColumnBars(response, gender, data)!;
    // Fitted rows 0, 1, 3, 4: F (w 1), M (w 2), missing, F (w 3).
    expect(bars.labels).toEqual(['F', 'M']);
    expect(bars.observed).toEqual([4, 2]);
    expect(bars.n).toBe(6);
    expect(bars.expected[0][0]).toBeCloseTo(6 * 0.25 * 0.9, 14);
    expect(bars.expected[1][1]).toBeCloseTo(6 * 0.75 * 0.7, 14);
  });

  it('reads a count column and its rates; a trials column row by row', () => {
    const [, visits, heads] = discreteColumns(response.preprocessing);
    const counts = discreteColumnBars(response, visits, data)!;
    // Fitted values 0 (w 1), 2 (w 2), missing, 1 (w 3).
    expect(counts.observed).toEqual([1, 3, 2]);
    expect(counts.expected[1][2]).toBeCloseTo(6 * 0.75 * 8 * Math.exp(-4), 14);
    const successes = discreteColumnBars(response, heads, data)!;
    // Rows: 1 of 2 (w 1), 0 of 1 (w 2), 2 of 2 (w 1), 1 of 1 (w 3).
    expect(successes.observed).toEqual([2, 4, 1]);
    const p = 0.2;
    const want = 0.75 * (2 * 2 * p * (1 - p) + 5 * p);
    expect(successes.expected[1][1]).toBeCloseTo(want, 14);
  });

  it('waits (null) while a column it reads is not loaded', () => {
    const [gender, visits] = discreteColumns(response.preprocessing);
    expect(discreteColumnBars(response, gender, { ...data, categories: new Map() })).toBeNull();
    const noWeights = { ...data, values: new Map([...data.values].filter(([c]) => c !== 4)) };
    expect(discreteColumnBars(response, visits, noWeights)).toBeNull();
  });
});
