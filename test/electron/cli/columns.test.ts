import { describe, expect, it } from 'vitest';
import type { ColumnSummary, DatasetSummary } from '../../../shared/data/types';
import { ArgumentError } from '../../../electron/cli/args';
import { resolveColumns } from '../../../electron/cli/columns';

const column = (index: number, name: string, displayName: string, kind: ColumnSummary['kind']) =>
  ({ index, name, displayName, kind, missing: 0 }) as ColumnSummary;

const summary = (columns: ColumnSummary[]) => ({ file: 'data.csv', columns }) as DatasetSummary;

const file = summary([
  column(0, 'id', 'id', 'categorical'),
  column(1, 'x', 'x', 'numeric'),
  column(2, '', 'Column 3', 'numeric'),
  column(3, 'y', 'y', 'mixed'),
]);

describe('resolveColumns', () => {
  it('defaults to every numeric column (mixed ones only when named)', () => {
    expect(resolveColumns(file, undefined)).toEqual([1, 2]);
  });

  it('matches names in the order given, display name first, spaces trimmed', () => {
    expect(resolveColumns(file, 'y, Column 3,x')).toEqual([3, 2, 1]);
  });

  it('matches the raw header when no display name fits', () => {
    const renamed = summary([column(0, 'w', 'w (2)', 'numeric'), column(1, 'w', 'w', 'numeric')]);
    expect(resolveColumns(renamed, 'w (2)')).toEqual([0]);
    expect(resolveColumns(renamed, 'w')).toEqual([1]);
  });

  it('refuses an unknown or non-numeric column, and a file without numeric columns', () => {
    expect(() => resolveColumns(file, 'x,z')).toThrow(
      new ArgumentError('unknown column "z" in --columns (the file has: id, x, Column 3, y)'),
    );
    expect(() => resolveColumns(file, 'id')).toThrow(
      new ArgumentError('column "id" in --columns is categorical, not numeric'),
    );
    expect(() => resolveColumns(summary([column(0, 'id', 'id', 'categorical')]), undefined)).toThrow(
      new ArgumentError('data.csv has no numeric column to fit'),
    );
  });
});
