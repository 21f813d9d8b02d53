import { describe, expect, it } from 'vitest';
import { pairsFeatures, togglePairsColumn } from '../../../../renderer/src/lib/pairsColumns';

// A fit that modelled dataset columns 7, 2, 9, 4 (in that order).
const modelled = [7, 2, 9, 4];

describe('pairsFeatures', () => {
  it('shows the first columns up to the cap when nothing is chosen', () => {
    expect(pairsFeatures(modelled, null, 6)).toEqual([0, 1, 2, 3]);
    expect(pairsFeatures(modelled, null, 3)).toEqual([0, 1, 2]);
  });

  it('shows the chosen columns in the model’s order, whatever order they were chosen in', () => {
    expect(pairsFeatures(modelled, [4, 7], 6)).toEqual([0, 3]);
  });

  it('drops chosen columns the fit did not model, and falls back when fewer than two remain', () => {
    expect(pairsFeatures(modelled, [4, 7, 11], 6)).toEqual([0, 3]);
    expect(pairsFeatures(modelled, [4, 11], 6)).toEqual([0, 1, 2, 3]);
  });
});

describe('togglePairsColumn', () => {
  it('adds and removes a column, keeping the model’s order', () => {
    expect(togglePairsColumn(modelled, [7, 4], 9, 6)).toEqual([7, 9, 4]);
    expect(togglePairsColumn(modelled, [7, 9, 4], 9, 6)).toEqual([7, 4]);
  });

  it('never leaves fewer than two columns or more than the cap', () => {
    expect(togglePairsColumn(modelled, [7, 4], 4, 6)).toEqual([7, 4]);
    expect(togglePairsColumn(modelled, [7, 2, 9], 4, 3)).toEqual([7, 2, 9]);
  });
});
