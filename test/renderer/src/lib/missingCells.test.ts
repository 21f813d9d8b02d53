import { describe, expect, it } from 'vitest';
import { distinctUpTo, missingCounts, unlabelledHintKey } from '../../../../renderer/src/lib/missingCells';

describe('missing cells', () => {
  it('counts modelled cells in rows that keep an observed cell, and rows with none apart', () => {
    const a = Float64Array.of(1, Number.NaN, Number.NaN, 4, Number.POSITIVE_INFINITY);
    const b = Int32Array.of(0, 1, -1, -1, 0);
    expect(missingCounts([a, b])).toEqual({ rowsWithMissing: 4, rowsAllMissing: 1, cells: 3 });
    // Row 2 (every cell missing) excluded as a summary row: not counted at all.
    expect(missingCounts([a, b], new Set([2]))).toEqual({ rowsWithMissing: 3, rowsAllMissing: 0, cells: 3 });
    expect(missingCounts([])).toEqual({ rowsWithMissing: 0, rowsAllMissing: 0, cells: 0 });
  });

  it("explains an unlabelled row by the fit's missing mode", () => {
    // Modelled (the default): only a row without any observed cell is left out.
    expect(unlabelledHintKey(undefined)).toBe('table.unlabelledNoObservedHint');
    expect(unlabelledHintKey('model')).toBe('table.unlabelledNoObservedHint');
    expect(unlabelledHintKey('drop')).toBe('table.unlabelledHint');
  });

  it('counts distinct finite values no further than one past the limit', () => {
    expect(distinctUpTo(Float64Array.of(1, 2, 2, Number.NaN, 1), 10)).toBe(2);
    expect(
      distinctUpTo(
        Float64Array.from({ length: 100 }, (_, i) => i),
        10,
      ),
    ).toBe(11);
  });
});
