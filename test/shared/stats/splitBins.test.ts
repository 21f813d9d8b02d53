import { describe, expect, it } from 'vitest';
import { countInBins, edgesSplitAt } from '../../../shared/stats/splitBins';

describe('edgesSplitAt', () => {
  it('cuts the bin holding the threshold in two', () => {
    expect(edgesSplitAt([0.9, 0.92, 0.94, 0.96], 0.95)).toEqual([0.9, 0.92, 0.94, 0.95, 0.96]);
  });

  it('leaves edges alone when the threshold is an edge or outside them', () => {
    expect(edgesSplitAt([0.9, 0.92, 0.94], 0.92)).toEqual([0.9, 0.92, 0.94]);
    expect(edgesSplitAt([0.9, 0.92, 0.94], 0.5)).toEqual([0.9, 0.92, 0.94]);
    expect(edgesSplitAt([0.9, 0.92, 0.94], 0.94)).toEqual([0.9, 0.92, 0.94]);
  });
});

describe('countInBins', () => {
  it('puts a value on an edge in the bin it opens, the maximum in the last bin', () => {
    expect(countInBins([0.9, 0.949, 0.95, 0.96, 1], [0.9, 0.95, 1])).toEqual([2, 3]);
  });

  it('keeps every row below a split threshold out of the bins above it', () => {
    const edges = edgesSplitAt([0.9, 0.92, 0.94, 0.96, 0.98, 1], 0.95);
    const values = [0.941, 0.9499, 0.95, 0.955];
    const counts = countInBins(values, edges);
    const i = edges.indexOf(0.95);
    expect(counts.slice(0, i).reduce((a, b) => a + b)).toBe(2);
    expect(counts.slice(i).reduce((a, b) => a + b)).toBe(2);
  });

  it('clamps values outside the edges and skips non-finite ones', () => {
    expect(countInBins([-1, 2, Number.NaN], [0, 0.5, 1])).toEqual([1, 1]);
  });
});
