import { describe, expect, it } from 'vitest';
import {
  imputedColumnNames,
  labelCells,
  labelColumnNames,
  labelValues,
} from '../../../shared/export/labelColumns';

describe('label columns', () => {
  const resp = Float64Array.from([0.1, 0.7, 0.2, 0.5, 0.25, 0.25]);

  it('names: cluster, probability, then p_1…p_K and uncertainty when asked', () => {
    expect(labelColumnNames(3, { includeProbabilities: false, includeUncertainty: false })).toEqual([
      'cluster',
      'probability',
    ]);
    expect(labelColumnNames(3, { includeProbabilities: true, includeUncertainty: true })).toEqual([
      'cluster',
      'probability',
      'p_1',
      'p_2',
      'p_3',
      'uncertainty',
    ]);
  });

  it('values: 1-based cluster, its responsibility, every responsibility, 1 − max', () => {
    const all = { includeProbabilities: true, includeUncertainty: true };
    expect(labelValues(1, resp, 0, 3, all)).toEqual([2, 0.7, 0.1, 0.7, 0.2, 1 - 0.7]);
    expect(labelValues(0, resp, 1, 3, { includeProbabilities: false, includeUncertainty: false })).toEqual([
      1, 0.5,
    ]);
  });

  it('an excluded row has empty cells of the same width', () => {
    expect(labelCells(null, 4, '.')).toEqual(['', '', '', '']);
    expect(labelCells([2, 0.75], 2, ',')).toEqual(['2', '0,75']);
  });

  it('imputed columns: <column>_filled and <column>_imputed; a text value is neutralised as a cell', () => {
    expect(imputedColumnNames(['x', 'colour'])).toEqual([
      'x_filled',
      'x_imputed',
      'colour_filled',
      'colour_imputed',
    ]);
    expect(labelCells([1, 0.5, 'red', 1, '=SUM(A1)', 0], 6, '.')).toEqual([
      '1',
      '0.5',
      'red',
      '1',
      "'=SUM(A1)",
      '0',
    ]);
  });
});
