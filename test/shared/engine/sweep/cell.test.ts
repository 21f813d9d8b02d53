import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fitSweepCell } from '../../../../shared/engine/sweep/cell';
import { fitGaussianMixture } from '../../../../shared/engine/model/fit';
import { EngineError } from '../../../../shared/errors';

/** Numeric columns of a fixture CSV as a row-major matrix. */
function fixture(name: string, columns: string[]): { X: Float64Array; n: number; d: number } {
  const file = fileURLToPath(new URL(`../../../fixtures/data/${name}.csv`, import.meta.url));
  const [header, ...rows] = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  const idx = columns.map((c) => header.indexOf(c));
  return {
    X: Float64Array.from(rows.flatMap((r) => idx.map((j) => Number(r[j])))),
    n: rows.length,
    d: idx.length,
  };
}

// scikit-learn's settings in test/fixtures/selection/*.json.
const SKLEARN = { init: 'kmeans', nInit: 10, seed: 0, maxIter: 1000, tol: 1e-6, regCovar: 1e-6 } as const;
const DEFAULTS = { init: 'kmeans', nInit: 1, seed: 0, maxIter: 100, tol: 1e-3, regCovar: 1e-6 } as const;

/** 40 points on a circle of radius 3 plus `repeats` copies of (5, 5), 2-D. */
function circleWithRepeats(repeats: number): { X: Float64Array; n: number } {
  const rows: number[] = [];
  for (let i = 0; i < 40; i++)
    rows.push(3 * Math.cos((2 * Math.PI * i) / 40), 3 * Math.sin((2 * Math.PI * i) / 40));
  for (let i = 0; i < repeats; i++) rows.push(5, 5);
  return { X: Float64Array.from(rows), n: rows.length / 2 };
}

describe('fitSweepCell: an ok cell', () => {
  it("carries the fit's criteria, sample-size-adjusted BIC, smallest eigenvalue, weight and model", async () => {
    const { X, n, d } = fixture('faithful', ['eruptions', 'waiting']);
    const cell = await fitSweepCell(X, n, d, 2, 'full', DEFAULTS);
    const fit = await fitGaussianMixture(X, n, d, { ...DEFAULTS, nComponents: 2, covarianceType: 'full' });
    expect(cell.status).toBe('ok');
    expect(cell.message).toBeNull();
    expect(cell.origin).toBe('restarts');
    expect(cell.bic).toBe(fit.bic);
    expect(cell.aic).toBe(fit.aic);
    expect(cell.icl).toBe(fit.icl);
    expect(cell.logLikelihood).toBe(fit.logLikelihood);
    expect(cell.nParameters).toBe(11);
    // Sclove's n* = (n + 2) / 24.
    expect(cell.sabic).toBeCloseTo(-2 * fit.logLikelihood + 11 * Math.log((n + 2) / 24), 9);
    expect(cell.minWeight).toBe(Math.min(...fit.params.weights));
    expect(cell.minCovarianceEigenvalue).toBeGreaterThan(0.05);
    expect(cell.params?.means).toEqual(fit.params.means);
    expect(cell.converged).toBe(true);
    expect(cell.nIter).toBe(fit.nIter);
  });
});

describe('fitSweepCell: degenerate cells', () => {
  it("faithful diag K=5: scikit-learn's best restart collapses onto waiting = 83; the cell keeps the best proper restart", async () => {
    const { X, n, d } = fixture('faithful', ['eruptions', 'waiting']);
    // The plain best-of-10 (scikit-learn's rule: highest lower bound) is the collapsed fit.
    const plain = await fitGaussianMixture(X, n, d, { ...SKLEARN, nComponents: 5, covarianceType: 'diag' });
    const variances = Array.from(plain.params.covariances);
    const collapsed = variances.findIndex((v) => Math.abs(v - 1e-6) < 1e-9);
    expect(collapsed % 2).toBe(1); // a waiting variance of 0 + reg_covar
    expect(plain.params.means[collapsed]).toBeCloseTo(83, 6);

    const cell = await fitSweepCell(X, n, d, 5, 'diag', SKLEARN);
    expect(cell.status).toBe('ok');
    expect(cell.minCovarianceEigenvalue).toBeGreaterThan(10 * SKLEARN.regCovar);
    // The collapsed fit's likelihood is higher (an artefact of reg_covar), the proper one is kept.
    expect(cell.logLikelihood as number).toBeLessThan(plain.logLikelihood);
  });

  it('marks a cell degenerate when every restart collapses, with the component and eigenvalue named', async () => {
    const { X, n } = circleWithRepeats(30);
    const cell = await fitSweepCell(X, n, 2, 2, 'diag', SKLEARN);
    expect(cell.status).toBe('degenerate');
    const k = cell.minEigenvalueComponent as number;
    expect(cell.message).toMatch(
      new RegExp(`Component ${k + 1}'s covariance has an eigenvalue of 0\\.000001`),
    );
    expect(Math.abs((cell.minCovarianceEigenvalue as number) - 1e-6)).toBeLessThan(1e-9);
    expect((cell.params?.weights[k] as number) * n).toBeCloseTo(30, 3);
    // Its numbers are still reported (the chart draws it differently), never NaN.
    expect(Number.isFinite(cell.bic)).toBe(true);
  });

  it('marks a component collapsed onto repeated points degenerate (constructed data)', async () => {
    const { X, n } = circleWithRepeats(10);
    const cell = await fitSweepCell(X, n, 2, 2, 'full', DEFAULTS);
    expect(cell.status).toBe('degenerate');
    const k = cell.minEigenvalueComponent as number;
    expect(Array.from(cell.params?.means.subarray(2 * k, 2 * k + 2) ?? [])).toEqual([
      expect.closeTo(5, 9),
      expect.closeTo(5, 9),
    ]);
    expect(cell.minCovarianceEigenvalue).toBeLessThan(1e-5);
  });
});

describe('fitSweepCell: cells that cannot be fitted are a status, not an exception', () => {
  it('K > n: failed (too_few_samples), criteria null, parameter count still known', async () => {
    const X = Float64Array.from([0, 1, 2, 5, 6]);
    const cell = await fitSweepCell(X, 5, 1, 6, 'full', DEFAULTS);
    expect(cell).toMatchObject({
      status: 'failed',
      code: 'too_few_samples',
      bic: null,
      aic: null,
      icl: null,
      sabic: null,
      meanLogLikelihood: null,
      converged: null,
      nIter: null,
      params: null,
      origin: null,
      nParameters: 6 * 2 + 5,
    });
    expect(cell.message).toMatch(/fewer rows \(5\) than components \(6\)/);
  });

  it('K > distinct rows: failed (too_many_components)', async () => {
    const X = Float64Array.from([1, 1, 2, 2, 3, 3, 1, 2]);
    const cell = await fitSweepCell(X, 8, 1, 4, 'spherical', DEFAULTS);
    expect(cell.status).toBe('failed');
    expect(cell.code).toBe('too_many_components');
    expect(cell.message).toMatch(/only 3 distinct rows/);
  });

  it('a covariance singular even with reg_covar (reg_covar = 0 on repeated points): singular', async () => {
    const { X, n } = circleWithRepeats(10);
    const cell = await fitSweepCell(X, n, 2, 2, 'full', { ...DEFAULTS, regCovar: 0 });
    expect(cell.status).toBe('singular');
    expect(cell.code).toBe('singular_component');
    expect(cell.message).toMatch(/collapsed/);
    expect(cell.bic).toBeNull();
  });

  it('errors about the whole data set are thrown: they would fail every cell alike', async () => {
    const X = Float64Array.from([1, 7, 2, 7, 3, 7, 4, 7]);
    await expect(fitSweepCell(X, 4, 2, 1, 'full', DEFAULTS)).rejects.toMatchObject({
      code: 'constant_column',
    });
    await expect(fitSweepCell(X, 4, 2, 1, 'full', DEFAULTS)).rejects.toBeInstanceOf(EngineError);
  });
});
