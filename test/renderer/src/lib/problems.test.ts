import { describe, expect, it } from 'vitest';
import type { ColumnSummary, ImportProblem } from '../../../../shared/data/types';
import { groupProblems } from '../../../../renderer/src/lib/problems';

const columns: ColumnSummary[] = [
  { index: 0, name: '', displayName: 'Column 1', kind: 'numeric', missing: 0 },
  { index: 1, name: 'score', displayName: 'score', kind: 'numeric', missing: 0 },
  { index: 2, name: 'score', displayName: 'score (2)', kind: 'numeric', missing: 0 },
];

describe('groupProblems', () => {
  it('groups by kind, header problems first, and describes each line', () => {
    const problems: ImportProblem[] = [
      { row: 6, kind: 'ragged', expected_fields: 3, found_fields: 2 },
      { row: 4, kind: 'nonfinite', column: 1, value: '-inf' },
      { row: 0, kind: 'duplicate_header', column: 2, name: 'score', first_column: 1 },
      { row: 0, kind: 'empty_header', column: 0 },
      { row: 9, kind: 'ragged', expectedFields: 3, foundFields: 5 },
    ];
    const groups = groupProblems(problems, columns);
    expect(groups.map((g) => [g.kind, g.count])).toEqual([
      ['empty_header', 1],
      ['duplicate_header', 1],
      ['ragged', 2],
      ['nonfinite', 1],
    ]);
    expect(groups[0].lines[0]).toEqual({ key: 'emptyHeader', params: { position: 1, display: 'Column 1' } });
    expect(groups[1].lines[0]).toEqual({
      key: 'duplicateHeader',
      params: { name: 'score', display: 'score (2)' },
    });
    expect(groups[2].lines).toEqual([
      { key: 'ragged', params: { row: 6, expected: 3, found: 2 } },
      { key: 'ragged', params: { row: 9, expected: 3, found: 5 } },
    ]);
    expect(groups[3].lines[0]).toEqual({
      key: 'nonfinite',
      params: { row: 4, column: 'score', value: '-inf' },
    });
  });

  it('keeps unknown kinds, and ragged rows without field counts, readable', () => {
    const groups = groupProblems(
      [
        { row: 3, kind: 'blank_line' },
        { row: 5, kind: 'ragged' },
      ],
      columns,
    );
    expect(groups.map((g) => g.kind)).toEqual(['ragged', 'other']);
    expect(groups[0].lines[0]).toEqual({ key: 'raggedShort', params: { row: 5 } });
    expect(groups[1].lines[0]).toEqual({ key: 'other', params: { row: 3, kind: 'blank_line' } });
  });

  it('counts every problem but describes only the first few of a huge list', () => {
    const many: ImportProblem[] = Array.from({ length: 100_000 }, (_, i) => ({
      row: i + 1,
      kind: 'nonfinite',
      column: 1,
      value: 'inf',
    }));
    const [group] = groupProblems(many, columns, 50);
    expect(group.count).toBe(100_000);
    expect(group.lines).toHaveLength(50);
  });
});

describe('groupProblems: summary rows and underflow', () => {
  it('says which rows a summary row sums and whether it is left out, and names underflowing cells', () => {
    const groups = groupProblems(
      [
        { row: 9, kind: 'underflow', column: 1, value: '1e-400' },
        { row: 5, kind: 'total_row', column: 0, label: 'Total', sumOf: [1, 4], excluded: true },
        { row: 8, kind: 'total_row', column: 0, label: '小计', sum_of: [6, 7], excluded: false },
        { row: 2, kind: 'ragged', expectedFields: 3, foundFields: 2 },
      ],
      columns,
    );
    expect(groups.map((g) => [g.kind, g.count])).toEqual([
      ['total_row', 2],
      ['ragged', 1],
      ['underflow', 1],
    ]);
    expect(groups[0].lines).toEqual([
      { key: 'totalRow', params: { row: 5, label: 'Total', from: 1, to: 4 } },
      { key: 'totalRowKept', params: { row: 8, label: '小计', from: 6, to: 7 } },
    ]);
    expect(groups[2].lines[0]).toEqual({
      key: 'underflow',
      params: { row: 9, column: 'score', value: '1e-400' },
    });
  });
});
