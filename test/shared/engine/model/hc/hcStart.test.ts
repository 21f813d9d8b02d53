/** mclust's hierarchical start for every K from one tree; a seeded subset above 2000 rows. */
import { describe, expect, it } from 'vitest';
import { SUBSET_ROWS, hcLabels } from '../../../../../shared/engine/model/hc/hcStart';
import { Rng } from '../../../../../shared/engine/model/rng';
import { loadMatrix } from '../../emFixtures';

describe('hcLabels', () => {
  it('gives K classes for every K from one agglomeration (nested partitions)', () => {
    const f = loadMatrix('faithful.csv', ['eruptions', 'waiting']);
    let previous: Int32Array | null = null;
    for (let K = 1; K <= 6; K++) {
      const labels = hcLabels(f.X, f.n, f.d, K, 0)!;
      expect(new Set(labels).size).toBe(K);
      if (previous) {
        // Each class of K splits no class of K − 1 (rows together at K stay together at K − 1).
        const parent = new Map<number, number>();
        for (let i = 0; i < f.n; i++) {
          const p = parent.get(labels[i]);
          if (p === undefined) parent.set(labels[i], previous[i]);
          else expect(previous[i]).toBe(p);
        }
      }
      previous = labels;
    }
  });

  it('agglomerates a seeded random subset of 2000 rows above that, the other rows unclassed', () => {
    const n = SUBSET_ROWS + 300;
    const rng = new Rng(1);
    const X = Float64Array.from({ length: n * 2 }, (_, e) => rng.normal() + (e % 4 < 2 ? 0 : 5));
    const a = hcLabels(X, n, 2, 3, 7)!;
    expect(a.filter((c) => c < 0)).toHaveLength(300);
    expect(Array.from(hcLabels(X, n, 2, 3, 7)!)).toEqual(Array.from(a));
    const other = hcLabels(X, n, 2, 3, 8)!;
    expect(Array.from(other, (c) => c < 0)).not.toEqual(Array.from(a, (c) => c < 0));
  }, 60_000);

  it('uses quantile classes for one column, and returns null when the data have fewer than K values', () => {
    const x = Float64Array.of(3, 1, 2, 5, 4, 6, 8, 7, 9, 10);
    expect(Array.from(hcLabels(x, 10, 1, 2, 0)!)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(hcLabels(Float64Array.of(1, 1, 2, 2), 4, 1, 3, 0)).toBeNull();
  });
});
