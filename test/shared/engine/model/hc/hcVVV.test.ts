/**
 * mclust's model-based agglomeration (hcVVV) against mclust 6.0.0's own merges: iris and Old
 * Faithful through the start classifications of the mclust EM fixtures, and a 70-row set whose
 * late merges depend on how mclust's hcvvv reuses stored factors (test/fixtures/mclust/hc/).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hcVVV } from '../../../../../shared/engine/model/hc/hcVVV';
import { hclass } from '../../../../../shared/engine/model/hc/hclass';
import { svdTransform } from '../../../../../shared/engine/model/hc/svdTransform';
import { FIXTURES, loadMatrix } from '../../emFixtures';
import { fixtureMatrix, loadMclustEm } from '../../mclustFixtures';
import { Rng } from '../../../../../shared/engine/model/rng';

function merges(X: Float64Array, n: number, d: number): Int32Array {
  const { Z, p } = svdTransform(X, n, d);
  return hcVVV(Z, n, p);
}

describe('hcVVV', () => {
  it.each(['iris__VVV__g3', 'faithful__VVV__g3'])(
    '%s: hclass(hc(x, "VVV", use = "SVD"), 3) as mclust',
    (name) => {
      const f = loadMclustEm(name);
      const { X, n, d } = fixtureMatrix(f);
      expect(Array.from(hclass(merges(X, n, d), n, 3))).toEqual(f.start.classification.map((c) => c - 1));
    },
  );

  it('merges iris’s one pair of identical rows first (rows 102 and 143, 1-based), as mclust', () => {
    const iris = loadMatrix('iris.csv', ['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
    expect(Array.from(merges(iris.X, iris.n, iris.d).subarray(0, 2))).toEqual([101, 142]);
  });

  it("reproduces every merge of mclust's on a set where stored factors decide the late merges", () => {
    const fx = JSON.parse(readFileSync(path.join(FIXTURES, 'mclust', 'hc', 'blobs70.json'), 'utf8'));
    const lines = readFileSync(path.join(FIXTURES, 'mclust', 'hc', fx.csv), 'utf8').trim().split('\n').slice(1);
    const n = lines.length;
    const X = Float64Array.from(lines.flatMap((l) => l.split(',').map(Number)));
    const got = merges(X, n, 2);
    expect(Array.from(got, (v) => v + 1)).toEqual(fx.merges.flat());
    for (const [G, classes] of Object.entries(fx.classification) as [string, number[]][])
      expect(Array.from(hclass(got, n, Number(G)))).toEqual(classes.map((c) => c - 1));
  }); // prettier-ignore

  it('returns n − 1 merges labelled by the smallest row of each cluster, and finds well-separated groups', () => {
    const rng = new Rng(4);
    const n = 90;
    const X = new Float64Array(n * 2);
    // Groups at 0, 10·e₁ and 10·e₂ in the plane. (In three dimensions, or much farther apart,
    // mclust's own hc on the SVD-transformed data can split a group at G = 3: the merge criterion
    // is a likelihood, not a distance.)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < 2; j++) X[i * 2 + j] = (i % 3 > 0 && j === (i % 3) - 1 ? 10 : 0) + rng.normal();
    const m = merges(X, n, 2);
    expect(m).toHaveLength(2 * (n - 1));
    const root = Int32Array.from({ length: n }, (_, i) => i);
    for (let s = 0; s < n - 1; s++) {
      const [a, b] = [m[2 * s], m[2 * s + 1]];
      expect(a).toBeLessThan(b);
      expect(root[a]).toBe(a);
      expect(root[b]).toBe(b);
      for (let i = 0; i < n; i++) if (root[i] === b) root[i] = a;
    }
    const labels = hclass(m, n, 3);
    for (let i = 0; i < n; i++) expect(labels[i]).toBe(i % 3);
  });
});
