/** mclust's qclass: the start for one column, classes between sample quantiles. */
import { describe, expect, it } from 'vitest';
import { qclass } from '../../../../../shared/engine/model/hc/qclass';
import { fixtureMatrix, loadMclustEm } from '../../mclustFixtures';

describe('qclass', () => {
  it.each(['two_gauss_1d__E__g2', 'two_gauss_1d__V__g2'])('%s: the start mclust used', (name) => {
    const f = loadMclustEm(name);
    const { X } = fixtureMatrix(f);
    expect(Array.from(qclass(X, f.k))).toEqual(f.start.classification.map((c) => c - 1));
  });

  it('cuts at the quantiles: classes are contiguous in value and every value is classed', () => {
    const x = Float64Array.from({ length: 40 }, (_, i) => ((i * 17) % 40) / 4);
    const labels = qclass(x, 4);
    const order = Array.from(x.keys()).sort((a, b) => x[a] - x[b]);
    const sortedLabels = order.map((i) => labels[i]);
    expect(sortedLabels).toEqual([...sortedLabels].sort((a, b) => a - b));
    expect(new Set(labels)).toEqual(new Set([0, 1, 2, 3]));
  });

  it('copes with repeated values: equal values share a class', () => {
    const x = Float64Array.of(1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6);
    const labels = qclass(x, 3);
    for (let i = 0; i < x.length; i++)
      for (let j = 0; j < x.length; j++) if (x[i] === x[j]) expect(labels[i]).toBe(labels[j]);
    expect(Math.max(...labels)).toBe(2);
  });
});
