import { describe, expect, it } from 'vitest';
import type { ColumnSummary } from '../../../../shared/data/types';
import {
  defaultColumnRoles,
  familiesFor,
  familyOf,
  gaussianColumns,
  hasFamilies,
  modelsMissingCells,
  requestRoles,
  restoreRoles,
  withFamily,
  withWeights,
} from '../../../../renderer/src/lib/columnRoles';

const num = (index: number, max = 10): ColumnSummary => ({
  index,
  name: `x${index}`,
  displayName: `x${index}`,
  kind: 'numeric',
  missing: 0,
  count: 5,
  min: 0,
  max,
});
const text = (index: number): ColumnSummary => ({
  index,
  name: `t${index}`,
  displayName: `t${index}`,
  kind: 'categorical',
  missing: 0,
  distinct: 2,
});
const columns = [text(0), num(1), num(2, 4), num(3), num(4)];

describe('column roles', () => {
  it('lets a text column be categories only and a numeric column take any family', () => {
    expect(familiesFor(text(0))).toEqual(['categorical']);
    expect(familiesFor(num(1))).toEqual(['gaussian', 'categorical', 'count', 'binomial']);
    const roles = withFamily(defaultColumnRoles(), text(0), 'count');
    expect(roles).toEqual(defaultColumnRoles());
    expect(familyOf(roles, text(0))).toBe('categorical');
  });

  it('keeps a column in one family at a time; binomial trials default to the column maximum', () => {
    let roles = withFamily(defaultColumnRoles(), num(2, 4), 'count');
    expect(familyOf(roles, num(2))).toBe('count');
    roles = withFamily(roles, num(2, 4), 'binomial');
    expect(roles.counts).toEqual([]);
    expect(roles.binomial).toEqual([{ column: 2, trials: 4 }]);
    roles = withFamily(roles, num(2, 4), 'binomial', { column: 3 });
    expect(roles.binomial).toEqual([{ column: 2, trials: { column: 3 } }]);
    // The trials column turned discrete: the binomial that counted on it goes back to Gaussian.
    roles = withFamily(roles, num(3), 'categorical');
    expect(roles.binomial).toEqual([]);
    roles = withFamily(roles, num(3), 'gaussian');
    expect(familyOf(roles, num(3))).toBe('gaussian');
  });

  it('adds nothing to a plain Gaussian request, and lists every selected text column as categorical', () => {
    expect(requestRoles(defaultColumnRoles(), [1, 3], columns)).toEqual({});
    let roles = withFamily(defaultColumnRoles(), num(4), 'count');
    roles = withFamily(roles, num(2, 4), 'binomial');
    roles = withWeights(roles, 3);
    roles = { ...roles, missing: 'drop' };
    const req = requestRoles(roles, [0, 1, 2, 4], columns);
    expect(req).toEqual({
      categorical: [0],
      counts: [4],
      binomial: [{ column: 2, trials: 4 }],
      weights: 3,
      missing: 'drop',
    });
    expect(hasFamilies(req)).toBe(true);
    // Roles of unselected columns stay in the state but not in the request.
    expect(requestRoles(roles, [1], columns)).toEqual({ weights: 3, missing: 'drop' });
    expect(gaussianColumns(roles, [0, 1, 2, 4], columns)).toEqual([1]);
  });

  it('takes a weight column out of every family', () => {
    const roles = withWeights(withFamily(defaultColumnRoles(), num(4), 'count'), 4);
    expect(roles.counts).toEqual([]);
    expect(roles.weights).toBe(4);
    expect(withWeights(roles, null).weights).toBeNull();
  });

  it('restores saved roles only for columns that exist and allow them', () => {
    const restored = restoreRoles(
      {
        categorical: [0, 9],
        counts: [0, 4],
        binomial: [{ column: 2, trials: { column: 8 } }],
        weights: 3,
        missing: 'drop',
      },
      columns,
    );
    expect(restored).toEqual({ categorical: [0], counts: [4], binomial: [], weights: 3, missing: 'drop' });
    expect(restoreRoles(undefined, columns)).toEqual(defaultColumnRoles());
  });

  it('says a request models missing cells when a selected column has a gap and rows are not dropped', () => {
    const gappy = [num(1), { ...num(2), missing: 1 }, { ...num(3), nonNumeric: 2 }, num(4)];
    expect(modelsMissingCells({ columns: [1, 4] }, gappy)).toBe(false);
    expect(modelsMissingCells({ columns: [1, 2] }, gappy)).toBe(true);
    // A text cell in a numeric column is missing to the engine too.
    expect(modelsMissingCells({ columns: [3] }, gappy)).toBe(true);
    expect(modelsMissingCells({ columns: [1, 2], missing: 'drop' }, gappy)).toBe(false);
  });
});
