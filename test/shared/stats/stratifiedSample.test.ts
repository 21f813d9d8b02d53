import { describe, expect, it } from 'vitest';
import { stratifiedSample } from '../../../shared/stats/stratifiedSample';

describe('stratifiedSample', () => {
  // 300k rows: cluster 0 has 290k, cluster 1 9,700, cluster 2 only 300.
  const n = 300_000;
  const labels = Int32Array.from({ length: n }, (_, i) => (i % 1000 === 0 ? 2 : i % 30 === 1 ? 1 : 0));
  const sizes = [0, 0, 0];
  labels.forEach((l) => sizes[l]++);

  it('keeps every row when there are no more than asked', () => {
    expect(Array.from(stratifiedSample([0, 1, 1], 2, { size: 3 }))).toEqual([0, 1, 2]);
  });

  it('is deterministic, ascending, and close to the requested size', () => {
    const a = stratifiedSample(labels, 3, { size: 50_000 });
    const b = stratifiedSample(labels, 3, { size: 50_000 });
    expect(a).toEqual(b);
    for (let i = 1; i < a.length; i++) expect(a[i]).toBeGreaterThan(a[i - 1]);
    expect(Math.abs(a.length - 50_000)).toBeLessThan(250);
  });

  it('keeps cluster proportions and at least the minimum of a small cluster', () => {
    const s = stratifiedSample(labels, 3, { size: 50_000, minPerCluster: 200 });
    const got = [0, 0, 0];
    s.forEach((i) => got[labels[i]]++);
    expect(got[0]).toBe(Math.round((50_000 * sizes[0]) / n));
    expect(got[1]).toBe(Math.round((50_000 * sizes[1]) / n));
    expect(got[2]).toBe(200); // proportional share would be 50
  });

  it('changes with the seed', () => {
    const a = stratifiedSample(labels, 3, { size: 1000, seed: 1 });
    const b = stratifiedSample(labels, 3, { size: 1000, seed: 2 });
    expect(a).not.toEqual(b);
  });
});
