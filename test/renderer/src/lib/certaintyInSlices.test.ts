import { describe, expect, it } from 'vitest';
import { certaintyInSlices } from '../../../../renderer/src/lib/certaintyInSlices';
import { maxPosterior } from '../../../../shared/stats/certainty';

describe('certaintyInSlices', () => {
  it('equals maxPosterior over the whole matrix, yielding between slices', async () => {
    const n = 1003;
    const K = 3;
    const resp = new Float64Array(n * K);
    for (let i = 0; i < n; i++) {
      const a = ((i * 37) % 100) / 100;
      const b = (1 - a) * (((i * 11) % 10) / 10);
      resp.set([a, b, 1 - a - b], i * K);
    }
    let yields = 0;
    const sliced = await certaintyInSlices(resp, n, K, 100, async () => {
      yields++;
    });
    expect(Array.from(sliced)).toEqual(Array.from(maxPosterior(resp, n, K)));
    expect(yields).toBe(10);
  });
});
