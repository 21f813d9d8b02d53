import { describe, expect, it } from 'vitest';
import { headerNames } from '../../../shared/data/headerNames';

describe('headerNames', () => {
  it('names empty headers Column N and duplicates name (2), (3), reporting each', () => {
    const { displayNames, problems } = headerNames([
      '',
      'name',
      'score',
      'score',
      'Score',
      '',
      'group',
      'score',
    ]);
    expect(displayNames).toEqual([
      'Column 1',
      'name',
      'score',
      'score (2)',
      'Score',
      'Column 6',
      'group',
      'score (3)',
    ]);
    expect(problems).toEqual([
      { row: 0, kind: 'empty_header', column: 0 },
      { row: 0, kind: 'duplicate_header', column: 3, name: 'score', firstColumn: 2 },
      { row: 0, kind: 'empty_header', column: 5 },
      { row: 0, kind: 'duplicate_header', column: 7, name: 'score', firstColumn: 2 },
    ]);
  });

  it('never generates a name that a real header already has', () => {
    const { displayNames } = headerNames(['Column 1', '', 'x', 'x', 'x (2)']);
    expect(new Set(displayNames).size).toBe(5);
    expect(displayNames[0]).toBe('Column 1');
  });
});
