import { describe, expect, it } from 'vitest';
import type { FitRequest, FitResponse } from '../../../../shared/engine/model/types';
import { fitRowsLines } from '../../../../renderer/src/lib/fitRows';

const request = (extra: Partial<FitRequest> = {}) =>
  ({ datasetId: 'd', columns: [0, 1], standardize: false, options: {}, ...extra }) as FitRequest;
const response = (extra: Partial<FitResponse> = {}) =>
  ({
    droppedRows: 0,
    missingCells: 0,
    preprocessing: {
      columns: [0, 1],
      columnNames: ['a', 'b'],
      log: [],
      standardize: false,
      center: [],
      scale: [],
    },
    ...extra,
  }) as unknown as FitResponse;

describe('fit rows note', () => {
  it('says nothing for a complete, unweighted fit', () => {
    expect(fitRowsLines(request(), response())).toEqual([]);
  });

  it('reports modelled missing cells and the rows with no value left out', () => {
    expect(fitRowsLines(request(), response({ missingCells: 12 }))).toEqual([
      { kind: 'modelled', cells: 12, dropped: 0 },
    ]);
    expect(fitRowsLines(request(), response({ missingCells: 12, droppedRows: 2 }))).toEqual([
      { kind: 'modelled', cells: 12, dropped: 2 },
    ]);
  });

  it('reports rows left out when missing cells were dropped, and the weights with n = Σw', () => {
    const weighted = response({
      droppedRows: 3,
      totalWeight: 41.5,
      preprocessing: { ...response().preprocessing, weights: { column: 4, name: 'freq' } },
    });
    expect(fitRowsLines(request({ missing: 'drop', weights: 4 }), weighted)).toEqual([
      { kind: 'dropped', rows: 3 },
      { kind: 'weighted', column: 'freq', total: 41.5 },
    ]);
  });
});
