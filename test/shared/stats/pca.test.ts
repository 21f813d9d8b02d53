import { describe, expect, it } from 'vitest';
import {
  pca2,
  pcaProjectCovariance,
  pcaProjectMean,
  pcaProjectRows,
  sampleCovariance,
} from '../../../shared/stats/pca';
import { loadMatrix } from '../engine/emFixtures';

describe('pca2 on hand-checkable data', () => {
  it('finds the direction of points on a line, with all variance on PC1', () => {
    const X = Float64Array.of(0, 0, 1, 2, 2, 4, 3, 6, -1, -2);
    const p = pca2(X, 5, 2);
    expect(p.components[0]).toBeCloseTo(1 / Math.sqrt(5), 14);
    expect(p.components[1]).toBeCloseTo(2 / Math.sqrt(5), 14);
    expect(p.explainedVarianceRatio[0]).toBeCloseTo(1, 14);
    expect(p.explainedVarianceRatio[1]).toBeCloseTo(0, 14);
    // mean (1, 2); the row (3, 6) scores √5·2 on PC1.
    expect(pcaProjectRows(p, Float64Array.of(3, 6), 1).x[0]).toBeCloseTo(2 * Math.sqrt(5), 13);
  });

  it('finds a rotated cross: variances 8/3 and 2/3 at 30°, with the sign convention applied', () => {
    const c = Math.cos(Math.PI / 6);
    const s = Math.sin(Math.PI / 6);
    const pts = [
      [2, 0],
      [-2, 0],
      [0, 1],
      [0, -1],
    ].flatMap(([u, v]) => [c * u - s * v, s * u + c * v]);
    const p = pca2(Float64Array.from(pts), 4, 2);
    expect(p.explainedVariance[0]).toBeCloseTo(8 / 3, 13);
    expect(p.explainedVariance[1]).toBeCloseTo(2 / 3, 13);
    expect(p.explainedVarianceRatio[0]).toBeCloseTo(0.8, 13);
    // PC1 = (cos 30°, sin 30°): largest entry positive. PC2 = ±(−sin, cos): its largest |entry| is
    // cos 30°, made positive.
    expect(p.components[0]).toBeCloseTo(c, 13);
    expect(p.components[1]).toBeCloseTo(s, 13);
    expect(p.components[2]).toBeCloseTo(-s, 13);
    expect(p.components[3]).toBeCloseTo(c, 13);
  });

  it('gives the same axes for the same data whatever its sign', () => {
    const { X, n, d } = loadMatrix('iris.csv', [
      'sepal_length',
      'sepal_width',
      'petal_length',
      'petal_width',
    ]);
    const a = pca2(X, n, d);
    const b = pca2(
      X.map((v) => -v),
      n,
      d,
    );
    for (let i = 0; i < 2 * d; i++) expect(b.components[i]).toBeCloseTo(a.components[i], 12);
  });
});

describe('pca2 invariants on iris', () => {
  const { X, n, d } = loadMatrix('iris.csv', ['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
  const p = pca2(X, n, d);

  it('has orthonormal axes, ordered eigenvalues and ratios that sum to at most 1', () => {
    const P = p.components;
    const dot = (r: number, s: number) =>
      P.slice(r * d, r * d + d).reduce((acc, v, a) => acc + v * P[s * d + a], 0);
    expect(dot(0, 0)).toBeCloseTo(1, 14);
    expect(dot(1, 1)).toBeCloseTo(1, 14);
    expect(dot(0, 1)).toBeCloseTo(0, 14);
    for (let i = 1; i < d; i++) expect(p.eigenvalues[i - 1]).toBeGreaterThanOrEqual(p.eigenvalues[i]);
    const r = p.explainedVarianceRatio;
    expect(r[0] + r[1]).toBeLessThanOrEqual(1);
    // scikit-learn PCA(2).fit(load_iris().data).explained_variance_ratio_ (published figures)
    expect(r[0]).toBeCloseTo(0.92461872, 7);
    expect(r[1]).toBeCloseTo(0.05306648, 7);
  });

  it('scores have the eigenvalues as variances, zero covariance and zero mean', () => {
    const rows = pcaProjectRows(p, X, n);
    const S = Float64Array.from({ length: 2 * n }, (_, i) => (i % 2 === 0 ? rows.x[i >> 1] : rows.y[i >> 1]));
    const { mean, cov } = sampleCovariance(S, n, 2);
    expect(mean[0]).toBeCloseTo(0, 12);
    expect(mean[1]).toBeCloseTo(0, 12);
    expect(cov[0]).toBeCloseTo(p.explainedVariance[0], 11);
    expect(cov[3]).toBeCloseTo(p.explainedVariance[1], 11);
    expect(cov[1]).toBeCloseTo(0, 11);
  });

  it('projects the data covariance to diag(λ₁, λ₂) and the data mean to the origin', () => {
    const { mean, cov } = sampleCovariance(X, n, d);
    const q = pcaProjectCovariance(p, cov);
    expect(q.xx).toBeCloseTo(p.explainedVariance[0], 11);
    expect(q.yy).toBeCloseTo(p.explainedVariance[1], 11);
    expect(q.xy).toBeCloseTo(0, 11);
    const m = pcaProjectMean(p, mean);
    expect(m[0]).toBeCloseTo(0, 12);
    expect(m[1]).toBeCloseTo(0, 12);
  });

  it('keeps the total variance: the eigenvalues sum to the trace', () => {
    const { cov } = sampleCovariance(X, n, d);
    const trace = cov[0] + cov[5] + cov[10] + cov[15];
    expect(p.eigenvalues.reduce((a, b) => a + b, 0)).toBeCloseTo(trace, 12);
  });

  it('has one axis for one feature', () => {
    const one = pca2(Float64Array.of(1, 2, 4), 3, 1);
    expect(Array.from(one.components)).toEqual([1, 0]);
    expect(one.explainedVarianceRatio).toEqual([1, 0]);
  });
});
