/** mclust's hc(use = "SVD") data: standardised columns on their singular vectors, scaled by σ^{-1/2}. */
import { describe, expect, it } from 'vitest';
import { svdTransform } from '../../../../../shared/engine/model/hc/svdTransform';
import { loadMatrix } from '../../emFixtures';

const iris = loadMatrix('iris.csv', ['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);

describe('svdTransform', () => {
  it('gives centred columns with Zᵀ Z = diag(σ), σ the singular values of the standardised data', () => {
    const { Z, p } = svdTransform(iris.X, iris.n, iris.d);
    expect(p).toBe(4);
    const G = new Float64Array(p * p);
    for (let i = 0; i < iris.n; i++)
      for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) G[a * p + b] += Z[i * p + a] * Z[i * p + b];
    // Σ σ² = tr(X_sᵀ X_s) = (n − 1) d for standardised columns.
    let sumSquares = 0;
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) if (a !== b) expect(Math.abs(G[a * p + b])).toBeLessThan(1e-9);
      sumSquares += G[a * p + a] ** 2;
    }
    expect(sumSquares).toBeCloseTo((iris.n - 1) * iris.d, 8);
    for (let a = 0; a < p; a++) {
      let mean = 0;
      for (let i = 0; i < iris.n; i++) mean += Z[i * p + a];
      expect(Math.abs(mean / iris.n)).toBeLessThan(1e-12);
    }
  });

  it('ignores the columns’ units and offsets', () => {
    const scaled = iris.X.map((v, e) => v * [10, 0.1, 3, 1e6][e % 4] + [5, -2, 0, 1e9][e % 4]);
    const a = svdTransform(iris.X, iris.n, iris.d).Z;
    const b = svdTransform(scaled, iris.n, iris.d).Z;
    for (let e = 0; e < a.length; e++) expect(Math.abs(Math.abs(a[e]) - Math.abs(b[e]))).toBeLessThan(1e-6);
  });

  it('leaves out a direction with no spread (collinear columns)', () => {
    const n = 20;
    const X = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) X.set([i, (i * 7) % 5, 2 * i + 1], i * 3);
    expect(svdTransform(X, n, 3).p).toBe(2);
  });
});
