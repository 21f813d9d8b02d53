import { describe, expect, it } from 'vitest';
import { startMethod, subsetResponsibilities } from '../../../../shared/engine/model/mixtureStarts';
import { Rng } from '../../../../shared/engine/model/rng';

describe('startMethod: which start a mixed model’s restart uses', () => {
  it('keeps the first four restarts as before and makes every second four small-subset starts', () => {
    const methods = Array.from({ length: 10 }, (_, r) => startMethod('kmeans', r, true));
    expect(methods).toEqual([
      'kmeans', 'k-means++', 'random_from_data', 'parameters',
      'subset', 'subset', 'subset', 'subset',
      'kmeans', 'k-means++',
    ]); // prettier-ignore
  });

  it('alternates random parameters and subsets without numeric columns; named methods stay as named', () => {
    expect(Array.from({ length: 8 }, (_, r) => startMethod('kmeans', r, false))).toEqual([
      ...Array(4).fill('parameters'),
      ...Array(4).fill('subset'),
    ]);
    expect(startMethod('random', 5, true)).toBe('random');
    expect(startMethod('k-means++', 5, true)).toBe('k-means++');
  });
});

describe('subsetResponsibilities', () => {
  const labelled = (resp: Float64Array, n: number, K: number) => {
    const rows: number[][] = Array.from({ length: K }, () => []);
    for (let i = 0; i < n; i++) for (let k = 0; k < K; k++) if (resp[i * K + k] === 1) rows[k].push(i);
    return rows;
  };

  it('gives each class two distinct rows of its own and every other row 1/n of every class', () => {
    const n = 50;
    const K = 4;
    const resp = new Float64Array(n * K);
    subsetResponsibilities(resp, n, K, new Rng(3));
    const rows = labelled(resp, n, K);
    expect(rows.map((r) => r.length)).toEqual([2, 2, 2, 2]);
    expect(new Set(rows.flat()).size).toBe(8);
    for (let i = 0; i < n; i++) {
      if (rows.flat().includes(i)) {
        let sum = 0;
        for (let k = 0; k < K; k++) sum += resp[i * K + k];
        expect(sum).toBe(1);
      } else for (let k = 0; k < K; k++) expect(resp[i * K + k]).toBe(1 / n);
    }
  });

  it('is reproducible from the seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const resp = new Float64Array(40 * 3);
      subsetResponsibilities(resp, 40, 3, new Rng(seed));
      return resp;
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('takes one row per class when there are fewer than two rows per class', () => {
    const resp = new Float64Array(5 * 3);
    subsetResponsibilities(resp, 5, 3, new Rng(1));
    expect(labelled(resp, 5, 3).map((r) => r.length)).toEqual([1, 1, 1]);
  });
});
