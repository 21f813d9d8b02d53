import { describe, expect, it } from 'vitest';
import type { ColumnSummary } from '../../../../shared/data/types';
import {
  droppedRows,
  isModelColumn,
  logAllowed,
  scaleRatio,
  suggestStandardize,
} from '../../../../renderer/src/lib/preprocessingAdvice';

const col = (over: Partial<ColumnSummary>): ColumnSummary => ({
  index: 0,
  name: 'c',
  displayName: 'c',
  kind: 'numeric',
  missing: 0,
  ...over,
});

describe('preprocessing advice', () => {
  it('advises standardising only when the scales differ by more than 10×', () => {
    expect(scaleRatio([col({ std: 2 }), col({ std: 25 })])).toBe(12.5);
    expect(suggestStandardize([col({ std: 2 }), col({ std: 25 })])).toBe(true);
    expect(suggestStandardize([col({ std: 2 }), col({ std: 19 })])).toBe(false);
    // One column, or a constant column (sd 0), gives no ratio to act on.
    expect(suggestStandardize([col({ std: 1000 })])).toBe(false);
    expect(suggestStandardize([col({ std: 0 }), col({ std: 5 })])).toBe(false);
  });

  it('allows a log transform only when every value is above 0', () => {
    expect(logAllowed(col({ min: 0.01 }))).toBe(true);
    expect(logAllowed(col({ min: 0 }))).toBe(false);
    expect(logAllowed(col({ min: -3 }))).toBe(false);
    expect(logAllowed(col({}))).toBe(false);
  });

  it('models numeric and mixed columns with numbers, not text or empty ones', () => {
    expect(isModelColumn(col({ kind: 'mixed', count: 3 }))).toBe(true);
    expect(isModelColumn(col({ kind: 'categorical' }))).toBe(false);
    expect(isModelColumn(col({ kind: 'mixed', count: 0 }))).toBe(false);
  });

  it('counts rows missing in any selected column exactly, or a lower bound without the values', () => {
    const a = Float64Array.of(1, Number.NaN, 3, 4);
    const b = Float64Array.of(Number.NaN, Number.NaN, 3, 4);
    const cols = [col({ missing: 1 }), col({ missing: 1, nonNumeric: 1 })];
    expect(droppedRows([a, b], cols)).toEqual({ count: 2, exact: true });
    expect(droppedRows(null, cols)).toEqual({ count: 2, exact: false });
    expect(droppedRows(null, [])).toEqual({ count: 0, exact: true });
  });
});
