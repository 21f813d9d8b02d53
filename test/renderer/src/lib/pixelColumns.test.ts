import { describe, expect, it } from 'vitest';
import type { ColumnSummary, DatasetSummary } from '../../../../shared/data/types';
import { pixelColourColumns } from '../../../../renderer/src/lib/pixelColumns';

const column = (index: number, name: string): ColumnSummary => ({
  index,
  name,
  displayName: name,
  kind: 'numeric',
  missing: 0,
});

const summary = (names: string[], image: boolean): DatasetSummary =>
  ({
    datasetId: 'd',
    columns: names.map((n, i) => column(i, n)),
    ...(image ? { image: { type: 'png', width: 2, height: 2, channels: 3, maxValue: 255 } } : {}),
  }) as DatasetSummary;

describe('pixelColourColumns', () => {
  it('picks an image’s colour columns and leaves x, y out', () => {
    expect(pixelColourColumns(summary(['r', 'g', 'b', 'L*', 'a*', 'b*', 'x', 'y'], true))).toEqual([
      0, 1, 2, 3, 4, 5,
    ]);
    expect(pixelColourColumns(summary(['grey', 'x', 'y'], true))).toEqual([0]);
  });

  it('picks nothing in a spreadsheet, even one with columns named r, g, b', () => {
    expect(pixelColourColumns(summary(['r', 'g', 'b'], false))).toEqual([]);
    expect(pixelColourColumns(null)).toEqual([]);
  });
});
