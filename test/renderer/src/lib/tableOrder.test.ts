import { describe, expect, it } from 'vitest';
import { tableOrder, type TableOrderInput } from '../../../../renderer/src/lib/tableOrder';

// Dataset rows 0..6; row 3 was left out of the fit (missing value).
const input: TableOrderInput = {
  fittedRowOf: Int32Array.of(0, 1, 2, -1, 3, 4, 5),
  labels: Int32Array.of(2, 0, 1, 0, 2, 1),
  certainty: Float64Array.of(0.99, 0.6, 0.6, 0.95, 0.51, 1),
  nComponents: 3,
};
const order = (spec: Parameters<typeof tableOrder>[1]) => {
  const out = tableOrder(input, spec);
  return out ? Array.from(out) : null;
};

describe('tableOrder', () => {
  it('keeps file order without building an array when nothing is sorted or filtered', () => {
    expect(order({ sort: 'row', descending: false, cluster: null })).toBeNull();
    expect(order({ sort: 'row', descending: true, cluster: null })).toEqual([6, 5, 4, 3, 2, 1, 0]);
  });

  it('sorts by cluster stably (file order within a cluster), unfitted rows last', () => {
    expect(order({ sort: 'cluster', descending: false, cluster: null })).toEqual([1, 4, 2, 6, 0, 5, 3]);
    expect(order({ sort: 'cluster', descending: true, cluster: null })).toEqual([0, 5, 2, 6, 1, 4, 3]);
  });

  it('sorts by probability either way, ties in file order, unfitted rows last', () => {
    expect(order({ sort: 'probability', descending: false, cluster: null })).toEqual([5, 1, 2, 4, 0, 6, 3]);
    expect(order({ sort: 'probability', descending: true, cluster: null })).toEqual([6, 0, 4, 1, 2, 5, 3]);
  });

  it('filters to one cluster, dropping unfitted rows, and sorts within it', () => {
    expect(order({ sort: 'row', descending: false, cluster: 1 })).toEqual([2, 6]);
    expect(order({ sort: 'probability', descending: true, cluster: 2 })).toEqual([0, 5]);
    expect(order({ sort: 'row', descending: false, cluster: 7 })).toEqual([]);
  });

  it('orders a million rows by cluster in linear time', () => {
    const N = 1_000_000;
    const big: TableOrderInput = {
      fittedRowOf: Int32Array.from({ length: N }, (_, i) => i),
      labels: Int32Array.from({ length: N }, (_, i) => (i * 7919) % 5),
      certainty: new Float64Array(N).fill(1),
      nComponents: 5,
    };
    const t0 = performance.now();
    const out = tableOrder(big, { sort: 'cluster', descending: false, cluster: null })!;
    expect(performance.now() - t0).toBeLessThan(2000);
    let outOfOrder = 0;
    for (let i = 1; i < N; i++) if (big.labels[out[i]] < big.labels[out[i - 1]]) outOfOrder++;
    expect(out).toHaveLength(N);
    expect(outOfOrder).toBe(0);
  });
});
