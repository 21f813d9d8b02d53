import { describe, expect, it } from 'vitest';
import { FitViewsState } from '../../../../renderer/src/lib/fitViewsState';
import { fitViewsBuffers } from '../../../../renderer/src/lib/fitViews';
import type { FitViewsInput } from '../../../../renderer/src/lib/fitViews';

const input: FitViewsInput = {
  datasetRows: 4,
  params: {
    covarianceType: 'diag',
    nComponents: 2,
    nFeatures: 1,
    weights: Float64Array.of(0.5, 0.5),
    means: Float64Array.of(0, 5),
    covariances: Float64Array.of(1, 1),
    precisionsCholesky: Float64Array.of(1, 1),
  },
  preprocessing: {
    columns: [0],
    columnNames: ['a'],
    log: [false],
    standardize: false,
    center: [0],
    scale: [1],
  },
  labels: Int32Array.of(1, 0, 1, 0),
  certainty: Float64Array.of(0.8, 0.7, 0.99, 0.6),
  rowIndex: Uint32Array.of(0, 1, 2, 3),
  columns: [{ index: 0, name: 'a', values: Float64Array.of(5, 0, 6, 1) }],
};

describe('FitViewsState (what the worker keeps between requests)', () => {
  it('still orders the table after the views it sent were transferred away (their buffers detached)', () => {
    const state = new FitViewsState();
    // The worker receives its own copy of the input (postMessage clones it).
    const views = state.views(7, structuredClone(input));
    // What postMessage with a transfer list does to the worker's side of the arrays.
    structuredClone(views, { transfer: fitViewsBuffers(views) });
    expect(views.certainty.length).toBe(0);
    const order = state.order(7, { sort: 'probability', descending: true, cluster: null });
    expect(Array.from(order!)).toEqual([2, 0, 1, 3]);
  });

  it('refuses to order for a fit it no longer holds', () => {
    const state = new FitViewsState();
    state.views(1, input);
    state.views(2, input);
    expect(() => state.order(1, { sort: 'cluster', descending: false, cluster: null })).toThrow(
      /no longer current/,
    );
  });
});
